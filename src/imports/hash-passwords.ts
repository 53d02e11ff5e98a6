// Hashes the temporary passwords of the rows added directly, before the import's transaction:
// scrypt takes ~250 ms and 32 MiB per password by design, and must not hold the organization's
// lock. Four at a time, which is what libuv's thread pool runs in parallel by default.
import { hashPassword } from '../members/hash-password.js';

export const HASH_CONCURRENCY = 4;

export async function hashPasswords(passwords: readonly string[], concurrency = HASH_CONCURRENCY): Promise<string[]> {
  const hashes: string[] = new Array(passwords.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < passwords.length; i = next++) hashes[i] = await hashPassword(passwords[i] as string);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, passwords.length) }, worker));
  return hashes;
}
