// The frame of a Teams listener acting for a member: identify them (tenant → organization, Teams
// user → member), run the work, and turn any refusal into the answer the listener gives (a card,
// a dialog's text) in their language. A tenant that is not linked is told how to link it.
import { AppError } from '../errors/app-error.js';
import type { Locale } from '../i18n/locale.js';
import type { TeamsDeps, TeamsTurn } from './deps.js';
import { identifyTeams, type TeamsIdentity } from './identify.js';
import { teamsErrorText } from './reply.js';

export type LinkedTeamsIdentity = Extract<TeamsIdentity, { linked: true }>;

export async function withTeamsMember<T>(
  deps: TeamsDeps,
  turn: TeamsTurn,
  label: string,
  work: (who: LinkedTeamsIdentity) => Promise<T>,
  refusal: (text: string, locale: Locale) => T,
): Promise<T> {
  let locale: Locale = 'en';
  try {
    const who = await identifyTeams(deps.db, turn);
    locale = who.locale;
    if (!who.linked) throw new AppError('chat.not_linked_teams', {}, 'forbidden');
    locale = who.actor.locale;
    return await work(who);
  } catch (error) {
    return refusal(teamsErrorText(error, locale, deps.log, label), locale);
  }
}
