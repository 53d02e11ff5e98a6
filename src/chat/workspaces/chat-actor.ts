// The acting member behind a chat user of a linked workspace, found by their verified e-mail.
// Someone who is not (yet) a member is told who to ask rather than just "not a member".
import type { Db } from '../../db/database.js';
import { AppError, isAppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { resolveActor } from '../../members/resolve-actor.js';
import type { Actor } from '../../permissions/actor.js';
import type { ChatPlatform } from '../platform.js';
import type { LinkedWorkspace } from './find-workspace.js';

export async function chatActor(
  db: Db,
  linked: LinkedWorkspace,
  user: { email: string | undefined; locale: Locale; platform: ChatPlatform },
): Promise<Actor> {
  const { email } = user;
  if (!email) throw new AppError('chat.no_verified_email', {}, 'forbidden');
  const organization = linked.organization;
  return resolveActor(db, { organization, email, channel: user.platform, locale: user.locale }).catch(
    (error: unknown) => {
      if (!isAppError(error) || error.code !== 'member.not_found') throw error;
      throw new AppError('chat.not_a_member', { email, organization: organization.name }, 'forbidden');
    },
  );
}
