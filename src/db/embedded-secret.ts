// The embedded server's password: random, made at first start, kept in DATA_DIR readable by its
// owner only (0600). Whoever may read DATA_DIR may read the database anyway; other local users
// may not connect. Never logged.
import { randomBytes } from 'node:crypto';
import { chmod, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SECRET_FILE = 'sesame-embedded.secret';

export class EmbeddedDatabaseError extends Error {}

/** Reads the password, creating it when `create` and the file does not exist yet. */
export async function embeddedSecret(dataDir: string, options: { create: boolean }): Promise<string> {
  const path = join(dataDir, SECRET_FILE);
  for (;;) {
    try {
      const secret = (await readFile(path, 'utf8')).trim();
      if (secret) {
        // A copy restored with looser permissions is tightened by the process that serves it.
        if (options.create) await chmod(path, 0o600);
        return secret;
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES')
        throw new EmbeddedDatabaseError(`Cannot read ${path}: run Sesame as the user that owns ${dataDir}.`);
      if (code !== 'ENOENT') throw error;
      if (!options.create)
        throw new EmbeddedDatabaseError(`${path} is missing: restart the Sesame service that uses ${dataDir}.`);
    }
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(`${randomBytes(24).toString('hex')}\n`);
      await handle.close();
    } catch (error) {
      // Another process made it first (or it is empty): read again.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
