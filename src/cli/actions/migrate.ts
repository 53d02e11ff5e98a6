// The work of `sesame migrate`.
import type { Command } from 'commander';
import { applyMigrations, pendingMigrations } from '../../db/migrate.js';
import { runCommand } from '../session.js';
import { cliTexts } from '../texts.js';

export function migrate(command: Command): Promise<void> {
  return runCommand(
    command,
    async ({ database, out, locale }) => {
      const applied = (await pendingMigrations(database.url)).length > 0 ? await applyMigrations(database.url) : [];
      const pending = await pendingMigrations(database.url);
      if (out.json) return out.result({ applied, pending });
      const texts = cliTexts(locale);
      out.line(applied.length === 0 ? texts.upToDate : texts.appliedMigrations(applied));
      if (pending.length > 0) out.warn(texts.stillPending(pending));
    },
    { migrations: 'skip' },
  );
}
