// The removal confirmation's buttons on Teams (Action.Execute): Remove removes the member the card
// showed, Cancel says nothing was removed. Either answer replaces the card, so it is used once.
import { z } from 'zod';
import { memberRemovalTexts, removalDone } from '../../chat/rendering/member-removal-texts.js';
import { removeMember } from '../../members/remove-member.js';
import { memberRemovalOutcomeCard, memberRemovalVerbs } from '../cards/member-removal-card.js';
import { escapeTeamsMarkdown } from '../markdown.js';
import { teamsErrorText } from '../reply.js';
import { parseSubmission } from '../teams-errors.js';
import { asTeamsMember, type CardAction } from './card-action.js';

const removalData = z.object({ email: z.string().trim().min(3).max(320), memberId: z.uuid().optional() });

export const memberRemovalCardActions: Record<string, CardAction> = {
  [memberRemovalVerbs.remove]: (deps, turn, raw) =>
    asTeamsMember(deps, turn, 'member remove', async ({ actor }) => {
      const data = parseSubmission(removalData, raw);
      try {
        const removal = await removeMember(deps.db, actor, data);
        return memberRemovalOutcomeCard(removalDone(removal, actor.locale, escapeTeamsMarkdown));
      } catch (error) {
        const why = teamsErrorText(error, actor.locale, deps.log, 'member remove');
        return memberRemovalOutcomeCard(`${memberRemovalTexts(actor.locale).notRemoved} ${why}`, true);
      }
    }),
  [memberRemovalVerbs.cancel]: (deps, turn, raw) =>
    asTeamsMember(deps, turn, 'member remove cancel', async ({ actor }) => {
      const { email } = parseSubmission(removalData, raw);
      return memberRemovalOutcomeCard(memberRemovalTexts(actor.locale).cancelled(escapeTeamsMarkdown(email)));
    }),
};
