// The work of `sesame backup`: the embedded database's directory as a gzipped tarball (PGlite's
// dumpDataDir), taken by the process that serves it, between transactions. pg_dump is no
// option: the embedded database is PostgreSQL 17, newer than most installed pg_dump.
import { chmod, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { exitCodes } from '../exit.js';
import { runCommand } from '../session.js';
import { cliTexts } from '../texts.js';

export function backup(file: string, command: Command): Promise<void> {
  return runCommand(
    command,
    async ({ database, out, locale }) => {
      if (!database.backup) {
        out.error(cliTexts(locale).backupNeedsEmbedded);
        return exitCodes.refused;
      }
      const bytes = new Uint8Array(await (await database.backup()).arrayBuffer());
      const path = resolve(file);
      // It holds every secret Sesame keeps (CSRF key, tokens): readable by its owner only.
      await writeFile(path, bytes, { mode: 0o600 });
      await chmod(path, 0o600);
      if (out.json) return out.result({ file: path, bytes: bytes.length });
      out.line(cliTexts(locale).backedUp(path, (bytes.length / 1e6).toFixed(1)));
    },
    { migrations: 'skip' },
  );
}
