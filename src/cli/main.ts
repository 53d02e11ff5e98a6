// `sesame` (bin/sesame.mjs, `npm run sesame -- ...`): parses the command line, runs the command,
// and exits with its code once the output is flushed (see src/cli/exit.ts for the codes).
import { CommanderError } from 'commander';
import { exitCodes, exitWhenFlushed, ignoreClosedPipes } from './exit.js';
import { buildProgram } from './program.js';

function exitCodeOf(error: CommanderError): number {
  // --help and --version are successes; help shown because a subcommand was missing is bad usage.
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return exitCodes.ok;
  return exitCodes.usage;
}

ignoreClosedPipes();

let code: number;
try {
  await buildProgram().parseAsync(process.argv);
  code = Number(process.exitCode ?? exitCodes.ok);
} catch (error) {
  if (error instanceof CommanderError) code = exitCodeOf(error);
  else {
    // Before a session exists (configuration, loading): a plain message, never internals.
    // Loaded here only: `sesame --help` loads nothing but the command tree.
    const { userFacingDetail } = await import('../errors/internal-detail.js');
    const detail = userFacingDetail(error) ?? 'an internal error stopped the command';
    process.stderr.write(`error: ${detail}\n`);
    if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    code = exitCodes.refused;
  }
}
await exitWhenFlushed(code);
