// The frame of a Slack listener acting for a member: identify them (workspace → organization,
// Slack user → member), run the work, and answer any refusal in their language. A workspace that
// is not linked is told how to link it.
import type { WebClient } from '@slack/web-api';
import { AppError } from '../errors/app-error.js';
import type { Locale } from '../i18n/locale.js';
import type { SlackDeps } from './deps.js';
import { type Identity, identify } from './identify.js';
import { type ReplyTarget, replyError } from './reply.js';

export type MemberIdentity = Extract<Identity, { linked: true }>;

export async function asMember(
  deps: SlackDeps,
  client: WebClient,
  request: { teamId: string | undefined; userId: string; responseUrl?: string },
  context: string,
  work: (who: MemberIdentity, target: ReplyTarget) => Promise<void>,
): Promise<void> {
  const target: ReplyTarget = { client, userId: request.userId, responseUrl: request.responseUrl };
  let locale: Locale = 'en';
  try {
    const who = await identify(deps.db, client, { teamId: request.teamId ?? '', userId: request.userId });
    if (!who.linked) {
      locale = who.profile.locale;
      throw new AppError('chat.not_linked', {}, 'forbidden');
    }
    locale = who.actor.locale;
    await work(who, target);
  } catch (error) {
    await replyError(target, error, locale, deps.log, context);
  }
}
