// The digest's buttons on Teams (Action.Execute): "Resend the expiring ones" asks first with the
// count, then resends through the single resend (its cooldown applies) and answers with the digest
// redrawn, the outcome on top; Cancel shows the digest again; Approve on a seat request answers with
// the request's own card, whose Approve and Deny are the seat request's buttons. "Show pending"
// is the pending list's own page verb (pending-actions.ts).
import { z } from 'zod';
import { digestTexts } from '../../chat/rendering/digest-texts.js';
import { readDigest } from '../../digest/digest-summary.js';
import { resendExpiring } from '../../digest/resend-expiring.js';
import { assertCanDecideSeatRequests } from '../../permissions/policy.js';
import { seatRequestDetails } from '../../seats/seat-request-details.js';
import { adaptiveCard, text } from '../cards/adaptive.js';
import { digestCard, digestVerbs, resendExpiringConfirmation } from '../cards/digest-card.js';
import { seatRequestCard } from '../cards/seat-request-card.js';
import { parseSubmission } from '../teams-errors.js';
import { asTeamsMember, type CardAction } from './card-action.js';

const seatRequestData = z.object({ id: z.uuid() });

export const digestCardActions: Record<string, CardAction> = {
  [digestVerbs.show]: (deps, turn) =>
    asTeamsMember(deps, turn, 'digest show', async ({ actor }) =>
      digestCard(await readDigest(deps.db, actor), actor.locale),
    ),
  [digestVerbs.askResend]: (deps, turn) =>
    asTeamsMember(deps, turn, 'digest resend ask', async ({ actor }) =>
      resendExpiringConfirmation(await readDigest(deps.db, actor), actor.locale),
    ),
  [digestVerbs.resendExpiring]: (deps, turn) =>
    asTeamsMember(deps, turn, 'digest resend', async ({ actor }) => {
      const result = await resendExpiring(deps.db, actor);
      const t = digestTexts(actor.locale);
      const notice = result.resent + result.cooldown + result.failed === 0 ? t.noneExpiring : t.resent(result);
      return digestCard(await readDigest(deps.db, actor), actor.locale, notice);
    }),
  [digestVerbs.seatRequest]: (deps, turn, data) =>
    asTeamsMember(deps, turn, 'digest seat request', async ({ actor, organization }) => {
      assertCanDecideSeatRequests(actor);
      const { id } = parseSubmission(seatRequestData, data);
      const details = await seatRequestDetails(deps.db, organization.id, id);
      if (!details) return adaptiveCard([text(digestTexts(actor.locale).seatRequestGone)]);
      return seatRequestCard(details, organization.locale);
    }),
};
