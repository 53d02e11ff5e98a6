// What every Action.Execute listener shares (the buttons on Sesame's cards, one file per feature
// as Slack's listeners are: pending-actions.ts, seat-actions.ts, import-flow.ts): the handler's
// shape, and the frame that runs it for a member and answers a refusal with a small card.

import { type LinkedTeamsIdentity, withTeamsMember } from '../as-member.js';
import type { AdaptiveCard } from '../cards/adaptive.js';
import { adaptiveCard, text } from '../cards/adaptive.js';
import type { TeamsDeps, TeamsTurn } from '../deps.js';

/** Answers one Action.Execute verb with the card Teams shows in place of the clicked one. */
export type CardAction = (deps: TeamsDeps, turn: TeamsTurn, data: unknown) => Promise<AdaptiveCard>;

/** Runs an action for a member; any refusal comes back as a small card saying why. */
export const asTeamsMember = (
  deps: TeamsDeps,
  turn: TeamsTurn,
  label: string,
  work: (who: LinkedTeamsIdentity) => Promise<AdaptiveCard>,
): Promise<AdaptiveCard> =>
  withTeamsMember(deps, turn, label, work, (refusal) => adaptiveCard([text(refusal, { color: 'Attention' })]));
