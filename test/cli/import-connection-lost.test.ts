// `sesame import` when the process serving the embedded database dies mid-import: the CLI says the
// connection to the database was lost and that nothing was written (an import is all-or-nothing),
// in the user's language, without a stack or a driver's message; and indeed nothing was written.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isConnectionLost } from '../../src/cli/actions/import.js';
import { startEmbeddedDatabase } from '../../src/db/embedded-server.js';
import { binPath, cliFor } from './run-cli.js';

const TIMEOUT = 120_000;
const embeddedServer = fileURLToPath(new URL('../../dist/db/embedded-server.js', import.meta.url));
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The embedded database served by a process of its own (as `npm start` does), to be killed. */
async function servingProcess(dataDir: string) {
  const script = `
    import { startEmbeddedDatabase } from ${JSON.stringify(embeddedServer)};
    await startEmbeddedDatabase({ dataDir: ${JSON.stringify(dataDir)}, role: 'service' });
    console.log('ready');
    setInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  });
  const [line] = (await once(child.stdout.setEncoding('utf8'), 'data')) as [string];
  expect(line.trim()).toBe('ready');
  return child;
}

/**
 * Runs `sesame import -` and kills the serving process while the CLI reads the file: the first
 * part is more than a pipe holds, so once it is consumed the CLI is connected and importing. Then
 * the rest of the file, and the import meets a dead connection.
 */
async function importWhileServerDies(dataDir: string, server: ChildProcess, lang: string) {
  const cwd = await mkdtemp(join(tmpdir(), 'sesame-cli-'));
  cleanups.push(() => rm(cwd, { recursive: true, force: true }));
  const cli = spawn(process.execPath, [binPath, 'import', '-', '--lang', lang], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, LANG: 'C', LOG_LEVEL: 'warn', DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  cli.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  cli.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const rows = Array.from({ length: 8000 }, (_, i) => `person${i}@lost.example,Person,Number${i}\n`);
  const first = `email,first_name,last_name\n${rows.slice(0, 5000).join('')}`;
  expect(first.length).toBeGreaterThan(128 * 1024);
  // write() returns false once the pipe is full; 'drain' comes when the CLI has read it.
  if (!cli.stdin.write(first)) await once(cli.stdin, 'drain');
  server.kill('SIGKILL');
  await once(server, 'exit');
  cli.stdin.end(rows.slice(5000).join(''));
  const [code] = (await once(cli, 'close')) as [number];
  return { code, stdout, stderr };
}

describe('sesame import when the service dies', { timeout: TIMEOUT }, () => {
  for (const [lang, lost, nothing] of [
    ['en', /connection to the database was lost/i, /nothing was written/i],
    ['fr', /connexion à la base de données a été perdue/i, /rien n'a été écrit/i],
  ] as const) {
    it(`says the connection was lost and that nothing was written (${lang})`, async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'sesame-data-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const server = await servingProcess(dataDir);
      const sesame = await cliFor({ DATA_DIR: dataDir });
      cleanups.push(() => sesame.cleanup());
      const created = await sesame([
        'org',
        'create',
        '--name',
        'Lost',
        '--seats',
        '10000',
        '--owner',
        'o@lost.example',
      ]);
      expect(created.code, created.stderr).toBe(0);

      const result = await importWhileServerDies(dataDir, server, lang);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(lost);
      expect(result.stderr).toMatch(nothing);
      expect(result.stderr).not.toMatch(/\n\s+at |prisma|Connection terminated|ECONNRESET/i);

      // Nothing was written: the directory, opened again, holds the organization and no invitation.
      const reopened = await startEmbeddedDatabase({ dataDir, role: 'cli' });
      try {
        const { default: pg } = await import('pg');
        const client = new pg.Client({ connectionString: reopened.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM invitation');
          expect(rows).toEqual([{ n: 0 }]);
        } finally {
          await client.end();
        }
      } finally {
        await reopened.stop();
      }
    });
  }
});

describe('isConnectionLost', () => {
  it('knows the shapes a lost connection takes, and nothing else', () => {
    const prisma = (code: string, message: string) => Object.assign(new Error(message), { code });
    // Before the transaction (as in the test above), inside it, and from the socket itself.
    expect(isConnectionLost(prisma('P1001', "Can't reach database server at 127.0.0.1:5432"))).toBe(true);
    expect(isConnectionLost(prisma('P1017', 'Server has closed the connection.'))).toBe(true);
    expect(isConnectionLost(new Error('wrapped', { cause: new Error('Connection terminated unexpectedly') }))).toBe(
      true,
    );
    expect(isConnectionLost(prisma('ECONNRESET', 'read ECONNRESET'))).toBe(true);
    expect(isConnectionLost(prisma('P2002', 'Unique constraint failed'))).toBe(false);
    expect(isConnectionLost(new Error('some other failure'))).toBe(false);
    expect(isConnectionLost(undefined)).toBe(false);
  });
});
