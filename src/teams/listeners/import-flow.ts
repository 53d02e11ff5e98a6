// An import's confirmation button on Teams (Action.Execute): the import runs once, and its card
// shows the progress, then the counts or why it stopped.
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { ImportPhase } from '../../imports/import-types.js';
import { runImportDraft } from '../../imports/run-import-draft.js';
import type { LinkedTeamsIdentity } from '../as-member.js';
import { type AdaptiveCard, cardAttachment } from '../cards/adaptive.js';
import { importDoneCard, importProgressCard, importStoppedCard, importVerbs } from '../cards/import-cards.js';
import type { TeamsDeps, TeamsTurn } from '../deps.js';
import { teamsErrorText } from '../reply.js';
import { parseSubmission } from '../teams-errors.js';
import { asTeamsMember, type CardAction } from './card-action.js';

const importData = z.object({ draftId: z.uuid() });

export const importCardActions: Record<string, CardAction> = {
  [importVerbs.confirm]: (deps, turn, data) =>
    asTeamsMember(deps, turn, 'import confirm', (who) => importConfirm(deps, turn, who, data)),
};

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
  who: LinkedTeamsIdentity,
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
