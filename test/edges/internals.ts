// The marks of internals that must never reach a user (issue 12, item 8): a database client's
// name, stack lines, source or build paths, Prisma's "Invalid `prisma.x()` invocation".
export const INTERNALS = [/prisma/i, /at async/, /node_modules/, /\/src\//, /\/dist\//, /Invalid `/, /\n\s+at \S/];

/** The marks of internals found in a user-facing text, for a failure message that shows them. */
export const internalsIn = (text: string) => INTERNALS.filter((mark) => mark.test(text)).map(String);

export type Probe = [path: string, init?: RequestInit];

/**
 * Sends each request to `base` and describes every answer that shows internals or whose status
 * `fine` refuses (by default a 5xx: bad input is the asker's fault), for a failure message.
 */
export async function leaksOf(
  base: string,
  probes: Probe[],
  fine: (status: number) => boolean = (status) => status < 500,
): Promise<string[]> {
  const leaks: string[] = [];
  for (const [path, init] of probes) {
    const res = await fetch(base + path, init);
    const body = await res.text();
    const marks = internalsIn(body);
    if (!fine(res.status) || marks.length > 0)
      leaks.push(
        `${init?.method ?? 'GET'} ${path.slice(0, 80)}: ${res.status} ${marks.join(' ')}\n${body.slice(0, 500)}`,
      );
  }
  return leaks;
}
