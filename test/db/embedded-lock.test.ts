// The lock that keeps one process at a time in an embedded database directory (issue 13, items 6
// and 7): a lock left by a crash must not stop the next start even when its PID lives on (PID
// reuse; in a container every start is PID 1), and a second service on the same directory is
// refused instead of silently depending on the first.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTime } from '../../src/db/embedded-lock.js';
import { EmbeddedDatabaseError, startEmbeddedDatabase } from '../../src/db/embedded-server.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sesame-lock-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A live process that is not Sesame (stands for a PID reused by something else). */
async function bystander(): Promise<ChildProcess> {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  cleanups.push(async () => child.kill('SIGKILL'));
  await new Promise((resolve) => child.once('spawn', resolve));
  return child;
}

const lockIn = (dir: string, content: object) => writeFile(join(dir, 'sesame-embedded.lock'), JSON.stringify(content));

describe('the embedded database lock', { timeout: 60_000 }, () => {
  it('takes over a lock naming its own PID (a container restarted after a crash)', async () => {
    const dir = await dataDir();
    await lockIn(dir, { pid: process.pid, role: 'service', port: null });
    const db = await startEmbeddedDatabase({ dataDir: dir, role: 'service', waitMs: 5_000 });
    cleanups.push(() => db.stop());
    expect(db.owned).toBe(true);
  });

  it('takes over a lock whose PID now belongs to another process (started at another time)', async () => {
    const dir = await dataDir();
    const other = await bystander();
    const bootId = (await import('node:fs')).readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    await lockIn(dir, { pid: other.pid, role: 'service', port: 1, bootId, startTime: '1' });
    const db = await startEmbeddedDatabase({ dataDir: dir, role: 'service', waitMs: 5_000 });
    cleanups.push(() => db.stop());
    expect(db.owned).toBe(true);
  });

  it('waits for a live holder, then fails with one clear line', async () => {
    const dir = await dataDir();
    const holder = await bystander();
    const pid = holder.pid as number;
    await lockIn(dir, { pid, role: 'cli', port: null, startTime: startTime(pid) });
    const error = await startEmbeddedDatabase({ dataDir: dir, role: 'service', waitMs: 500 }).catch((e) => e);
    expect(error).toBeInstanceOf(EmbeddedDatabaseError);
    expect(error.message).toMatch(new RegExp(`in use by process ${pid}`));
    expect(error.message).not.toContain('\n');
  });

  it('refuses a second service on the same directory; a CLI still connects', async () => {
    const dir = await dataDir();
    const first = await startEmbeddedDatabase({ dataDir: dir, role: 'service' });
    cleanups.push(() => first.stop());
    const error = await startEmbeddedDatabase({ dataDir: dir, role: 'service', waitMs: 1_000 }).catch((e) => e);
    expect(error).toBeInstanceOf(EmbeddedDatabaseError);
    expect(error.message).toMatch(/Another Sesame service \(process \d+\) already uses the embedded database/);

    const cli = await startEmbeddedDatabase({ dataDir: dir, role: 'cli', waitMs: 1_000 });
    expect(cli.owned).toBe(false);
    expect(cli.url).toBe(first.url);
  });
});
