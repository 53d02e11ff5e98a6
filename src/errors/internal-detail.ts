// What of an unexpected error (not an AppError) a user may read. Prisma's messages quote the call,
// the file and line it came from and a code excerpt ("Invalid `prisma.invitation.findMany()`
// invocation in /app/dist/..."); PostgreSQL's name tables and constraints; a stack names the
// code's paths. None of it helps a user, and all of it shows the internals to whoever triggers it.
// No imports: the CLI's entry point uses it before anything else is loaded.

const INTERNAL_TEXT = /prisma|invalid `|node_modules|\/src\/|\/dist\/|\bat (async )?\S+ \(|\n\s*at /i;
const INTERNAL_NAMES = /^(PrismaClient|DriverAdapter|DatabaseError)/;
// SQLSTATE codes (23505, 22P02...) are what the pg driver attaches to PostgreSQL's own errors.
const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The first line of the error's message when it is fit for a user; undefined when it is internal. */
export function userFacingDetail(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : '';
  const code = (error as { code?: unknown } | null)?.code;
  if (INTERNAL_NAMES.test(name) || INTERNAL_TEXT.test(message)) return undefined;
  if (typeof code === 'string' && SQLSTATE.test(code)) return undefined;
  return message.split('\n')[0]?.trim() || undefined;
}
