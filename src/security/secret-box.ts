// Secrets Sesame must keep in its database (the Slack installations' tokens) are sealed with
// AES-256-GCM under a key from the environment, so the database alone (a backup, a replica, a
// leaked dump) gives no usable token. Each sealed value is bound to its row (the `context`, as
// additional authenticated data), so a sealed token cannot be moved to another workspace's row.
//
// Rotation: TOKEN_ENCRYPTION_KEY may list several keys, comma separated. The first seals, every
// one opens; a value sealed under an older key is sealed again under the first one the next time
// it is written (Slack re-installs, token refreshes).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;

const sealedSchema = z.object({
  v: z.literal(1),
  /** Which key sealed it: the first 8 hex digits of the key's SHA-256 (not secret). */
  kid: z.string(),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});
export type Sealed = z.infer<typeof sealedSchema>;

export interface SecretBox {
  seal(value: unknown, context: string): Sealed;
  /** Throws if the value was not sealed by one of the keys for this context, or was altered. */
  open(sealed: unknown, context: string): unknown;
  /** True if the value was sealed under an older key (it should be sealed again). */
  isStale(sealed: unknown): boolean;
}

/** The keys in the variable's text, or why it is not usable (never echoing the keys). */
export function parseKeys(text: string): { keys: Buffer[] } | { problem: string } {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return { problem: 'expected a key (openssl rand -base64 32)' };
  const keys: Buffer[] = [];
  for (const [index, part] of parts.entries()) {
    const key = Buffer.from(part, 'base64');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(part) || key.length !== KEY_BYTES) {
      return { problem: `key ${index + 1} is not ${KEY_BYTES} bytes in base64 (openssl rand -base64 32)` };
    }
    keys.push(key);
  }
  return { keys };
}

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

export function createSecretBox(keysText: string): SecretBox {
  const parsed = parseKeys(keysText);
  if ('problem' in parsed) throw new Error(`TOKEN_ENCRYPTION_KEY: ${parsed.problem}`);
  const keys = parsed.keys.map((key) => ({ key, kid: keyId(key) }));
  const [current] = keys;
  if (!current) throw new Error('TOKEN_ENCRYPTION_KEY: expected a key');
  return {
    seal(value, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, current.key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return {
        v: 1,
        kid: current.kid,
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      };
    },
    open(sealed, context) {
      const box = sealedSchema.safeParse(sealed);
      if (!box.success) throw new Error('not a sealed value');
      const key = keys.find((k) => k.kid === box.data.kid);
      if (!key) throw new Error(`sealed under a key that TOKEN_ENCRYPTION_KEY does not hold (key id ${box.data.kid})`);
      const decipher = createDecipheriv(ALGORITHM, key.key, Buffer.from(box.data.iv, 'base64'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(box.data.tag, 'base64'));
      let text: string;
      try {
        text = Buffer.concat([decipher.update(Buffer.from(box.data.data, 'base64')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new Error('the sealed value was altered, or belongs to another row');
      }
      return JSON.parse(text) as unknown;
    },
    isStale(sealed) {
      const box = sealedSchema.safeParse(sealed);
      return !box.success || box.data.kid !== current.kid;
    },
  };
}
