// sesame migrate: applies the pending migrations (every other command also does it first).
import type { Command } from 'commander';

const work = () => import('../actions/migrate.js');

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (prisma/migrations) and list what was applied')
    .addHelpText('after', '\nJSON output (--json): { "applied": [ "<migration name>" ], "pending": [] }')
    .action(async (_options: unknown, command: Command) => (await work()).migrate(command));
}
