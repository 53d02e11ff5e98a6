// `npm start` (node dist/main.js) on a DATA_DIR another service already serves must refuse to
// start with one clear line and a non-zero exit, not attach to the first one (issue 13, item 7).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from '../../src/db/embedded-server.js';

const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a second service on the same data directory', { timeout: 60_000 }, () => {
  it('is refused with one line and exit code 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sesame-second-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const first = await startEmbeddedDatabase({ dataDir: dir, role: 'service' });
    cleanups.push(() => first.stop());

    const child = spawn(process.execPath, [main], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, output).toBe(1);
    expect(output).toMatch(/Another Sesame service \(process \d+\) already uses the embedded database/);
    expect(output).not.toMatch(/\n\s+at /);
    expect(output).not.toMatch(/listening on/);
  });
});
