// `sesame` loads only what the command it runs needs (issue 10's lean CLI): the command tree and
// its help load no domain module, no database driver and no zod; a command that connects to a
// running service's embedded database loads neither PGlite nor the schema engine, and no logger.
// Counted with a module-load hook (fixtures/record-modules.mjs), not timed: timings flake here.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../../src/db/embedded-server.js';
import { type Cli, type CliResult, cliFor } from './run-cli.js';

const hook = fileURLToPath(new URL('./fixtures/record-modules.mjs', import.meta.url));

let dir: string;
let sesame: Cli;
let service: EmbeddedDatabase | undefined;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sesame-lean-'));
  sesame = await cliFor({ DATA_DIR: join(dir, 'data') });
});
afterAll(async () => {
  await service?.stop();
  await sesame?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs sesame and returns its result with the files of the modules it loaded. */
async function withModules(args: string[]): Promise<{ result: CliResult; modules: string[] }> {
  const file = join(dir, `modules-${args.join('-')}.txt`);
  const result = await sesame(args, { env: { NODE_OPTIONS: `--import=${hook}`, RECORD_MODULES_TO: file } });
  const modules = (await readFile(file, 'utf8'))
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url));
  return { result, modules };
}

/** Sesame's own compiled modules, as dist/... */
const compiled = (modules: string[]) =>
  modules.filter((path) => path.startsWith(join(root, 'dist/'))).map((path) => path.slice(root.length));

const packagesOf = (modules: string[]) =>
  new Set(modules.flatMap((path) => /node_modules\/((@[^/]+\/)?[^/]+)\//.exec(path)?.[1] ?? []));

describe('what sesame loads', { timeout: 120_000 }, () => {
  it('shows its help with the command tree alone: commander, no domain module, no database, no zod', async () => {
    const { result, modules } = await withModules(['--help']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Usage: sesame');
    expect([...packagesOf(modules)]).toEqual(['commander']);
    const ours = compiled(modules);
    expect(ours).toContain('dist/cli/commands/seats.js');
    expect(
      ours.filter(
        (path) =>
          !/^dist\/(cli\/(main|exit|program|values|usage-language|help-in-french|help-in-french-catalogue)\.js|cli\/commands\/[\w-]+\.js|i18n\/locale\.js)$/.test(
            path,
          ),
      ),
    ).toEqual([]);
  });

  it("runs `seats --json` on a running service's database without PGlite, the schema engine or a logger", async () => {
    service = await startEmbeddedDatabase({ dataDir: join(dir, 'data'), role: 'service' });
    const created = await sesame(['org', 'create', '--name', 'Lean', '--seats', '4', '--owner', 'o@lean.example']);
    expect(created.code, created.stderr).toBe(0);

    const { result, modules } = await withModules(['seats', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json()).toMatchObject({ limit: 4, used: 1, remaining: 3 });
    const packages = packagesOf(modules);
    for (const unwanted of [
      '@electric-sql/pglite',
      '@prisma/schema-engine-wasm',
      'pino',
      'thread-stream',
      'cli-progress',
      'csv-parse',
    ]) {
      expect(packages.has(unwanted), unwanted).toBe(false);
    }
    const ours = compiled(modules);
    expect(ours).toContain('dist/seats/seat-summary.js');
    expect(ours.filter((path) => path.startsWith('dist/cli/actions/'))).toEqual(['dist/cli/actions/seats.js']);
    for (const unwanted of ['dist/db/schema-engine.js', 'dist/db/pglite-server.js', 'dist/log/', 'dist/imports/']) {
      expect(ours.filter((path) => path.startsWith(unwanted))).toEqual([]);
    }
  });
});
