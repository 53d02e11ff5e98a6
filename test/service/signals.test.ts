// `npm start` as Docker, Kubernetes or systemd run it: they signal the command they started (npm),
// not the node process under it. SIGTERM or SIGINT to npm must stop the service gracefully: it
// logs the stop, closes HTTP and the embedded database (releasing its lock), and exits 0.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Started {
  npm: ChildProcess;
  port: number;
  lines: string[];
  exited: Promise<number | null>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function startService(dataDir: string): Promise<Started> {
  const child = spawn(npm, ['start', '--silent'], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dataDir,
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const lines: string[] = [];
  let buffered = '';
  const collect = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const listening = lines.map((line) => /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(line)).find(Boolean);
    if (listening?.[1]) return { npm: child, port: Number(listening[1]), lines, exited };
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`npm start did not listen:\n${lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function reachable(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

describe('npm start and signals', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops gracefully when ${signal} is sent to the npm process, and releases the embedded database`, async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'sesame-signals-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const service = await startService(dataDir);
      expect(await reachable(service.port)).toBe(true);
      expect(existsSync(join(dataDir, 'sesame-embedded.lock'))).toBe(true);

      const sentAt = Date.now();
      service.npm.kill(signal);
      const code = await service.exited;

      expect(code).toBe(0);
      expect(Date.now() - sentAt).toBeLessThan(15_000);
      const log = service.lines.join('\n');
      expect(log).toContain(`${signal} received: stopping`);
      expect(log).toContain('"msg":"Stopped"');
      expect(await reachable(service.port)).toBe(false);
      expect(existsSync(join(dataDir, 'sesame-embedded.lock'))).toBe(false);

      // The next start opens the directory at once: no lock left by an orphan.
      const again = await startService(dataDir);
      expect(again.lines.join('\n')).not.toContain('Waiting for process');
      again.npm.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    }, 120_000);
  }
});
