// Secrets the service makes for itself (e.g. the CSRF key), kept in the app_secret table so that
// every replica uses the same one. The first replica to start creates it; replicas starting at
// the same moment race on the primary key and all read the winner's value.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';

export async function loadAppSecret(db: Db, name: string, bytes = 32): Promise<Buffer> {
  const candidate = randomBytes(bytes).toString('base64');
  await db.$executeRaw`INSERT INTO app_secret (name, value) VALUES (${name}, ${candidate}) ON CONFLICT (name) DO NOTHING`;
  const rows = await db.$queryRaw<{ value: string }[]>`SELECT value FROM app_secret WHERE name = ${name}`;
  const value = rows[0]?.value;
  if (!value) throw new Error(`app secret ${name} could not be created`);
  return Buffer.from(value, 'base64');
}
