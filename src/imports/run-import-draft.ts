// Runs a reviewed import draft, exactly once: the first confirmation claims it, a second click
// (or a retried request) is told it already ran. The counts are kept on the draft, its content
// dropped once imported (the invitations hold what matters).
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import type { ImportProgress } from './import-types.js';
import { type RunImportResult, runImport } from './run-import.js';
import { DRAFT_LIFETIME_MS } from './save-import-draft.js';

/** Longer than the import's own transaction timeout (15 min): a run still going is never taken over. */
const ABANDONED_AFTER_MS = 30 * 60_000;

const statusLabel = {
  IMPORTING: { en: 'in progress', fr: 'en cours' },
  DONE: { en: 'done', fr: 'terminé' },
  FAILED: { en: 'failed', fr: 'échoué' },
  REVIEWED: { en: 'reviewed', fr: 'vérifié' },
} as const;

export async function runImportDraft(
  db: Db,
  actor: Actor,
  draftId: string,
  options: {
    onProgress?: ImportProgress;
    now?: Date /** Called once the draft is claimed, before the rows are read. */;
    onStart?: () => Promise<void>;
  } = {},
): Promise<RunImportResult> {
  assertCanManageInvitations(actor);
  const now = options.now ?? new Date();
  const claimed = await db.importDraft.updateMany({
    where: {
      id: draftId,
      organizationId: actor.organization.id,
      createdAt: { gt: new Date(now.getTime() - DRAFT_LIFETIME_MS) },
      OR: [
        { status: 'REVIEWED' },
        // A run whose process died: its transaction was rolled back, nothing was written.
        { status: 'IMPORTING', startedAt: { lt: new Date(now.getTime() - ABANDONED_AFTER_MS) } },
      ],
    },
    data: { status: 'IMPORTING', startedAt: now },
  });
  const draft = await db.importDraft.findFirst({ where: { id: draftId, organizationId: actor.organization.id } });
  if (!draft || (claimed.count === 0 && draft.status === 'REVIEWED')) {
    throw new AppError('import_draft.not_found', {}, 'not_found');
  }
  if (claimed.count === 0) {
    throw new AppError('import_draft.already_started', { status: statusLabel[draft.status][actor.locale] }, 'conflict');
  }
  try {
    await options.onStart?.();
    const result = await runImport(db, actor, draft.content, {
      fileName: draft.fileName ?? undefined,
      onProgress: options.onProgress,
    });
    const { errors, warnings, ...counts } = result;
    await db.importDraft.update({
      where: { id: draftId },
      data: {
        status: 'DONE',
        content: '',
        result: { ...counts, errors: errors.length, warnings: warnings.length } as Prisma.InputJsonValue,
      },
    });
    return result;
  } catch (error) {
    // Nothing was written (the import is one transaction): the admin may confirm again.
    await db.importDraft.update({ where: { id: draftId }, data: { status: 'REVIEWED', startedAt: null } });
    throw error;
  }
}
