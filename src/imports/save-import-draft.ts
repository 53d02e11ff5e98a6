// Keeps an uploaded or pasted file between its dry run and the admin's confirmation (chat
// channels: the review is shown in Slack or Teams, the confirmation comes back as a click).
// The dry run is the same as the CLI's: every row checked, nothing written but the draft itself.
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { type DryRunResult, dryRunImport } from './dry-run-import.js';

/** Slack's own upload limit; a 100,000-row CSV is about 6 MB. */
export const MAX_DRAFT_BYTES = 10 * 1024 * 1024;
/** Drafts older than this cannot be confirmed any more (the dry run would be stale). */
export const DRAFT_LIFETIME_MS = 24 * 3_600_000;

export const tooLarge = () => new AppError('import.too_large', { maxMb: MAX_DRAFT_BYTES / 1024 / 1024 }, 'invalid');

export interface SavedDraft {
  draftId: string;
  dryRun: DryRunResult;
}

export async function saveImportDraft(
  db: Db,
  actor: Actor,
  input: { content: string | Buffer; fileName?: string },
): Promise<SavedDraft> {
  assertCanManageInvitations(actor);
  const size = typeof input.content === 'string' ? Buffer.byteLength(input.content, 'utf8') : input.content.length;
  if (size > MAX_DRAFT_BYTES) throw tooLarge();
  const content = typeof input.content === 'string' ? input.content : decodeUtf8(input.content);
  if (!content.trim()) throw new AppError('import.no_source', {}, 'invalid');
  // An unreadable file throws here, before anything is kept.
  const dryRun = await dryRunImport(db, actor, content);
  const draft = await db.importDraft.create({
    data: {
      organizationId: actor.organization.id,
      memberId: actor.member.id,
      fileName: input.fileName ?? null,
      content,
    },
    select: { id: true },
  });
  return { draftId: draft.id, dryRun };
}

/** The draft is kept as text: a file that is not UTF-8 is refused now, as the CLI's import would. */
function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('import.not_utf8', {}, 'invalid');
  }
}
