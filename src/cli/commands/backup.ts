// sesame backup <file>: a consistent copy of the embedded database, taken while it serves.
import type { Command } from 'commander';

const work = () => import('../actions/backup.js');

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .argument('<file>', 'where to write the gzipped tarball (created readable by you only)')
    .description('copy the embedded database (DATA_DIR) to a file, through the running service if there is one')
    .addHelpText(
      'after',
      '\nRestore: stop Sesame, move DATA_DIR/pglite aside, then\n  mkdir DATA_DIR/pglite && tar -xzf <file> -C DATA_DIR/pglite\n\nJSON output (--json): { "file": "<path>", "bytes": 4535269 }',
    )
    .action(async (file: string, _options: unknown, command: Command) => (await work()).backup(file, command));
}
