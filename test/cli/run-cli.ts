// Runs the real `sesame` executable (bin/sesame.mjs) in a child process, as a user would.
// Asynchronous on purpose: the test database may be a PGlite served by this very process, which
// must keep answering while the CLI runs (spawnSync would freeze it).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const binPath = fileURLToPath(new URL('../../bin/sesame.mjs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (fails the test with the output when it is not JSON). */
  json<T = Record<string, unknown>>(): T;
}

export interface Cli {
  (args: string[], options?: { env?: Record<string, string>; input?: string }): Promise<CliResult>;
  /** A working directory of its own (no stray .env), removed by cleanup(). */
  cwd: string;
  cleanup(): Promise<void>;
}

/** A `sesame` bound to a database: DATABASE_URL (a test database) or DATA_DIR (embedded). */
export async function cliFor(database: { DATABASE_URL: string } | { DATA_DIR: string }): Promise<Cli> {
  const cwd = await mkdtemp(join(tmpdir(), 'sesame-cli-'));
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? cwd,
    // The machine's language must not leak into the assertions (English unless a test says so).
    LANG: 'C',
    LOG_LEVEL: 'warn',
    ...database,
  };
  const run = (args: string[], options: { env?: Record<string, string>; input?: string } = {}) =>
    new Promise<CliResult>((resolve, reject) => {
      const child = spawn(process.execPath, [binPath, ...args], {
        cwd,
        env: { ...base, ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
      });
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
      });
      child.on('error', reject);
      child.on('close', (code) =>
        resolve({
          code,
          stdout,
          stderr,
          json<T>() {
            try {
              return JSON.parse(stdout) as T;
            } catch {
              throw new Error(`sesame ${args.join(' ')} did not print JSON.\nstdout: ${stdout}\nstderr: ${stderr}`);
            }
          },
        }),
      );
      child.stdin.end(options.input ?? '');
    });
  return Object.assign(run, { cwd, cleanup: () => rm(cwd, { recursive: true, force: true }) });
}
