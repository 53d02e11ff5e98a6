// Exit codes of `sesame` (documented in `sesame --help`):
//   0  success
//   1  the operation was refused (a domain rule said no) or failed
//   2  bad usage: unknown command or option, invalid option value, bad configuration
export const exitCodes = { ok: 0, refused: 1, usage: 2 } as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

const drain = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    stream.write('', () => resolve());
  });

/**
 * A reader that stops early (`sesame pending | head`) closes the pipe: stop writing quietly
 * and let the command finish, so the database is still closed properly.
 */
export function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}

/**
 * Exits once stdout and stderr are flushed. Exiting explicitly is needed: the schema engine (and
 * pg pools) may keep sockets open for seconds after their work is done.
 */
export async function exitWhenFlushed(code: number): Promise<never> {
  await Promise.all([drain(process.stdout), drain(process.stderr)]);
  process.exit(code);
}
