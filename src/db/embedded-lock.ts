// The lock file that makes one process at a time open an embedded database directory.
//
// A PID alone cannot tell a live owner from a dead one: PIDs are reused, and in a container every
// start is PID 1, so a restart after a crash meets its own PID in the lock. The lock therefore also
// records the machine's boot id and the owner's start time (Linux /proc); a lock whose PID now
// belongs to another process, or to this one without this process having taken it, is stale.
import { readFileSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';

/** Who serves the directory. A service is long-lived and shares its server; a CLI does not. */
export type EmbeddedRole = 'service' | 'cli';

export interface LockContent {
  pid: number;
  role: EmbeddedRole;
  port: number | null;
  /** Absent where the system does not expose them (then only the PID is checked). */
  bootId?: string;
  startTime?: string;
}

/** Lock files this process created and still holds (a second open in the same process is live). */
const heldHere = new Set<string>();

export function ownLock(role: EmbeddedRole, port: number | null): LockContent {
  return { pid: process.pid, role, port, bootId: bootId(), startTime: startTime(process.pid) };
}

export async function tryCreateLock(path: string, content: LockContent): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    heldHere.add(path);
    await handle.writeFile(JSON.stringify(content));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

export async function releaseLock(path: string): Promise<void> {
  heldHere.delete(path);
  await rm(path, { force: true });
}

export async function readLock(path: string): Promise<LockContent | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockContent;
  } catch {
    // Missing, or caught half-written by its owner: the caller retries.
    return undefined;
  }
}

/** True when the process that wrote the lock is gone (even if its PID now names another one). */
export function isStale(path: string, lock: LockContent): boolean {
  if (lock.pid === process.pid) return !heldHere.has(path);
  const boot = bootId();
  if (boot && lock.bootId && boot !== lock.bootId) return true;
  if (!isAlive(lock.pid)) return true;
  const started = startTime(lock.pid);
  return Boolean(started && lock.startTime && started !== lock.startTime);
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat: the start time in clock ticks since boot. */
export function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[22 - 3];
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
