// One-time codes that link a chat workspace to an existing organization. An operator prints one
// (`sesame slack link`) and gives it to the workspace's admin, who types `/invite link <code>`.
// Only the SHA-256 of a code is stored; a code works once, within a day.
import { createHash, randomInt } from 'node:crypto';
import { recordAuditEvent } from '../../audit/record-audit-event.js';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../permissions/actor.js';
import { assertOwner } from '../../permissions/policy.js';
import type { ChatPlatform } from '../platform.js';

const LIFETIME_MS = 24 * 3_600_000;
/** No 0/O, 1/I/L: codes are read aloud and typed by hand. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const hashLinkCode = (code: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(createHash('sha256').update(normalizeLinkCode(code), 'utf8').digest());

/** Codes are shown as XXXX-XXXX; any case, spaces or dashes are accepted back. */
export const normalizeLinkCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Owners only: a code gives a whole workspace the organization's invitations. */
export async function createLinkCode(
  db: Db,
  actor: Actor,
  options: { platform: ChatPlatform; now?: Date },
): Promise<{ code: string; expiresAt: Date }> {
  assertOwner(actor);
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const code = `${chars.slice(0, 5)}-${chars.slice(5)}`;
  const expiresAt = new Date((options.now ?? new Date()).getTime() + LIFETIME_MS);
  await db.$transaction(async (tx) => {
    await tx.chatLinkCode.create({
      data: {
        codeHash: hashLinkCode(code),
        organizationId: actor.organization.id,
        platform: options.platform,
        expiresAt,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: 'chat.link_code_created',
      subjectType: 'organization',
      subjectId: actor.organization.id,
      data: { platform: options.platform, expiresAt: expiresAt.toISOString() },
    });
  });
  return { code, expiresAt };
}
