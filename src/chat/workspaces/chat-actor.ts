// The acting member behind a chat user of a linked workspace, found by their verified e-mail, and
// the language to answer them in (memberLocale: their own, else their chat's, else the
// organization's). Someone who is not (yet) a member is told who to ask rather than just "not a member".
import type { Db } from '../../db/database.js';
import { AppError, isAppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { memberLocale } from '../../i18n/member-locale.js';
import { resolveActor } from '../../members/resolve-actor.js';
import type { Actor } from '../../permissions/actor.js';
import type { ChatPlatform } from '../platform.js';
import type { LinkedWorkspace } from './find-workspace.js';

export async function chatActor(
  db: Db,
  linked: LinkedWorkspace,
  /** channelLocale: what the platform says of the user (Slack's profile, Teams' activity), raw. */
  user: { email: string | undefined; channelLocale: string | undefined; platform: ChatPlatform },
): Promise<Actor> {
  const { email, channelLocale } = user;
  if (!email) throw new AppError('chat.no_verified_email', {}, 'forbidden');
  const organization = linked.organization;
  const actor = await resolveActor(db, { organization, email, channel: user.platform }).catch((error: unknown) => {
    if (!isAppError(error) || error.code !== 'member.not_found') throw error;
    throw new AppError('chat.not_a_member', { email, organization: organization.name }, 'forbidden');
  });
  // Read with the member on each request: a language just changed is spoken at once.
  const locale = memberLocale({
    language: actor.member.language,
    channelLocale,
    organizationLocale: organization.locale,
  });
  return { ...actor, locale };
}

/**
 * The language of the member a chat user's e-mail names, when they have set one (null otherwise,
 * or when no member has that address): for the answers given before the member is identified.
 */
export async function chatMemberLanguage(db: Db, linked: LinkedWorkspace, email: string): Promise<Locale | null> {
  const member = await db.member.findUnique({
    where: { organizationId_email: { organizationId: linked.organization.id, email: email.toLowerCase() } },
    select: { language: true },
  });
  return member?.language ?? null;
}
