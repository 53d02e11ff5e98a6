// The pending list's bulk actions on Teams (Action.Execute): "Resend expired…" and "Revoke
// older…" answer with their confirmation card (the count first); Count again counts for the days
// chosen; the action's button runs it on the days it counted and answers with the list, what was
// done on top; Back answers with the list unchanged. A run whose days were changed on the card
// without counting again shows the new count instead of acting on a count nobody saw.
import { z } from 'zod';
import { bulkDone } from '../../chat/rendering/bulk-action-texts.js';
import { pendingListState, pendingPage } from '../../chat/rendering/pending-list.js';
import { bulkOperations } from '../../invitations/bulk-actions.js';
import type { LinkedTeamsIdentity } from '../as-member.js';
import type { AdaptiveCard } from '../cards/adaptive.js';
import { bulkConfirmationCard, CHOSEN_DAYS_INPUT } from '../cards/bulk-confirmation-card.js';
import { bulkVerbs, pendingCard } from '../cards/pending-card.js';
import type { TeamsDeps } from '../deps.js';
import { parseSubmission } from '../teams-errors.js';
import { asTeamsMember, type CardAction } from './card-action.js';

// The days are checked by the domain (one rule, one message); here they only have to be there.
const bulkData = z.object({
  operation: z.enum(['resend', 'revoke']),
  days: z.unknown().optional(),
  [CHOSEN_DAYS_INPUT]: z.string().optional(),
  expected: z.number().int().min(0).optional(),
  list: pendingListState.optional(),
});

type Step = 'preview' | 'run' | 'back';

export const bulkCardActions: Record<string, CardAction> = {
  [bulkVerbs.preview]: (deps, turn, data) =>
    asTeamsMember(deps, turn, 'pending bulk preview', (who) => bulkAction(deps, who, 'preview', data)),
  [bulkVerbs.run]: (deps, turn, data) =>
    asTeamsMember(deps, turn, 'pending bulk run', (who) => bulkAction(deps, who, 'run', data)),
  [bulkVerbs.back]: (deps, turn, data) =>
    asTeamsMember(deps, turn, 'pending bulk back', (who) => bulkAction(deps, who, 'back', data)),
};

async function bulkAction(deps: TeamsDeps, who: LinkedTeamsIdentity, step: Step, raw: unknown): Promise<AdaptiveCard> {
  const { actor, organization } = who;
  const data = parseSubmission(bulkData, raw);
  const operation = bulkOperations[data.operation];
  const list = data.list ?? {};
  const chosen = data[CHOSEN_DAYS_INPUT];
  const recount = step === 'run' && chosen !== undefined && chosen !== String(data.days);
  if (step === 'preview' || recount) {
    const preview = await operation.preview(deps.db, actor, { days: chosen ?? data.days });
    return bulkConfirmationCard(data.operation, preview, list, actor.locale);
  }
  // A refusal of the run (a member who may not, forged days) is answered on its own by asTeamsMember.
  const result =
    step === 'run' ? await operation.run(deps.db, actor, { days: data.days, expected: data.expected }) : null;
  const notice = result ? bulkDone(data.operation, result, actor.locale) : undefined;
  const shown = await pendingPage(deps.db, actor, list);
  return pendingCard(shown.page, organization, shown.filter, actor.locale, notice);
}
