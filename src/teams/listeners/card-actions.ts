// Action.Execute on Sesame's cards: the pending list's Resend/Revoke/pages, the seat request's
// Approve/Deny, the import's confirmation. Each answers with the card redrawn (Teams shows it in
// place); a seat request's card is also updated for everyone in the channel.
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { pendingListState, pendingPage } from '../../chat/rendering/pending-list.js';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import type { ImportPhase } from '../../imports/import-types.js';
import { runImportDraft } from '../../imports/run-import-draft.js';
import { resendInvitation } from '../../invitations/resend.js';
import { revokeInvitation } from '../../invitations/revoke.js';
import { decideSeatRequest } from '../../seats/decide-seat-request.js';
import { seatRequestDetails } from '../../seats/seat-request-details.js';
import { type LinkedTeamsIdentity, withTeamsMember } from '../as-member.js';
import { type AdaptiveCard, adaptiveCard, cardAttachment, text } from '../cards/adaptive.js';
import { importDoneCard, importProgressCard, importStoppedCard } from '../cards/import-cards.js';
import { pendingCard } from '../cards/pending-card.js';
import { seatRequestCard } from '../cards/seat-request-card.js';
import type { TeamsDeps, TeamsTurn } from '../deps.js';
import { teamsErrorText } from '../reply.js';
import { parseSubmission } from '../teams-errors.js';

const pendingData = z.object({ id: z.uuid().optional(), list: pendingListState.optional() });
const seatData = z.object({ requestId: z.uuid(), reason: z.string().max(500).optional() });
const importData = z.object({ draftId: z.uuid() });

type Linked = LinkedTeamsIdentity;

/** Runs an action for a member; any refusal comes back as a small card saying why. */
export const asTeamsMember = (
  deps: TeamsDeps,
  turn: TeamsTurn,
  label: string,
  work: (who: Linked) => Promise<AdaptiveCard>,
): Promise<AdaptiveCard> =>
  withTeamsMember(deps, turn, label, work, (refusal) => adaptiveCard([text(refusal, { color: 'Attention' })]));

export async function pendingAction(
  deps: TeamsDeps,
  who: Linked,
  operation: 'resend' | 'revoke' | 'page',
  raw: unknown,
): Promise<AdaptiveCard> {
  const { actor, organization } = who;
  const s = chatTexts(actor.locale);
  const data = parseSubmission(pendingData, raw);
  const filter = data.list ?? {};
  let notice: string | undefined;
  if (operation !== 'page') {
    if (!data.id) throw new AppError('invitation.not_found', { ref: '?' }, 'not_found');
    try {
      const invitation =
        operation === 'resend'
          ? await resendInvitation(deps.db, actor, data.id)
          : await revokeInvitation(deps.db, actor, data.id);
      notice = operation === 'resend' ? s.resent(invitation.email) : s.revoked(invitation.email);
    } catch (error) {
      notice = `⚠️ ${teamsErrorText(error, actor.locale, deps.log, `pending ${operation}`)}`;
    }
  }
  const shown = await pendingPage(deps.db, actor, filter);
  return pendingCard(shown.page, organization, shown.filter, actor.locale, notice);
}

export async function seatAction(
  deps: TeamsDeps,
  turn: TeamsTurn,
  who: Linked,
  decision: 'approve' | 'deny',
  raw: unknown,
): Promise<AdaptiveCard> {
  const data = parseSubmission(seatData, raw);
  let refusal: unknown;
  try {
    await decideSeatRequest(deps.db, who.actor, { requestId: data.requestId, decision, reason: data.reason });
  } catch (error) {
    refusal = error;
  }
  const card = await currentSeatCard(deps.db, who.organization.id, data.requestId, who.organization.locale);
  if (!card) throw refusal ?? new AppError('seat_request.not_found', { id: data.requestId }, 'not_found');
  // Redrawn for everyone in the channel, not only for the manager who clicked; after the answer,
  // which must not wait on the Bot Connector (Teams shows a spinner until then, and retries).
  const cardId = turn.activity.replyToId;
  if (cardId) {
    const conversationId = turn.activity.conversation.id;
    setImmediate(() => {
      turn.api.conversations
        .updateActivity(conversationId, cardId, { type: 'message', attachments: [cardAttachment(card)] })
        .catch((error: unknown) => deps.log.warn('Seat card not updated for the channel', { error: String(error) }));
    });
  }
  if (refusal) {
    const why = teamsErrorText(refusal, who.actor.locale, deps.log, `seat ${decision}`);
    return { ...card, body: [text(why, { color: 'Attention' }), ...card.body] };
  }
  return card;
}

async function currentSeatCard(
  db: Db,
  organizationId: string,
  requestId: string,
  locale: Locale,
): Promise<AdaptiveCard | undefined> {
  const details = await seatRequestDetails(db, organizationId, requestId);
  return details ? seatRequestCard(details, locale) : undefined;
}

/** Teams allows about one update a second per message; progress every 2 s is plenty. */
const PROGRESS_EVERY_MS = 2000;

/**
 * Confirms an import once. A short one answers with its counts; one still running after
 * importAnswerWithinMs answers with its progress, and the card is then updated in place as rows
 * are written, and with the counts (or why it stopped) at the end.
 */
export async function importConfirm(
  deps: TeamsDeps,
  turn: TeamsTurn,
  who: Linked,
  raw: unknown,
): Promise<AdaptiveCard> {
  const { draftId } = parseSubmission(importData, raw);
  const locale = who.actor.locale;
  const cardId = turn.activity.replyToId;
  const conversationId = turn.activity.conversation.id;
  // The turn's Bot Connector client outlives the turn: the card is updated as the import runs.
  const updateCard = async (card: AdaptiveCard) => {
    if (!cardId) return;
    await turn.api.conversations.updateActivity(conversationId, cardId, {
      type: 'message',
      attachments: [cardAttachment(card)],
    });
  };
  let answered = false;
  let latest: { done: number; total: number | undefined; phase: ImportPhase } = {
    done: 0,
    total: undefined,
    phase: 'reading',
  };
  let lastShown = 0;
  let updates = Promise.resolve();
  const show = (card: AdaptiveCard) => {
    // Best effort, one at a time: a failed update must not stop the import.
    updates = updates
      .then(() => updateCard(card))
      .catch((error: unknown) => deps.log.warn('Teams import card not updated', { error: String(error) }));
  };
  let claimed = () => {};
  const claim = new Promise<void>((resolve) => {
    claimed = resolve;
  });
  const run = runImportDraft(deps.db, who.actor, draftId, {
    onStart: async () => claimed(),
    onProgress: (done, total, phase) => {
      latest = { done, total, phase };
      if (!answered || Date.now() - lastShown < PROGRESS_EVERY_MS) return;
      lastShown = Date.now();
      show(importProgressCard(latest, locale));
    },
  });
  // A draft that cannot be claimed (already confirmed, expired) is refused in this answer.
  await Promise.race([claim, run]);
  const timer = new AbortController();
  const finished = await Promise.race([
    run.then(() => true),
    sleep(deps.importAnswerWithinMs, false, { signal: timer.signal }),
  ]).finally(() => timer.abort());
  if (finished) return importDoneCard(await run, locale);
  answered = true;
  lastShown = Date.now();
  void run.then(
    (result) => show(importDoneCard(result, locale)),
    (error: unknown) => show(importStoppedCard(teamsErrorText(error, locale, deps.log, 'import'), locale)),
  );
  return importProgressCard(latest, locale);
}
