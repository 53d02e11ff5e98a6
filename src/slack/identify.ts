// Who is speaking: the Slack workspace's organization (through its link), and the member behind
// the Slack user, matched by the verified e-mail of their Slack profile. Permissions then come
// from that member's role in the domain, never from Slack ids in configuration.
import type { WebClient } from '@slack/web-api';
import type { WorkspaceRef } from '../chat/platform.js';
import { chatActor, chatMemberLanguage } from '../chat/workspaces/chat-actor.js';
import { findChatUser, rememberChatUser } from '../chat/workspaces/chat-users.js';
import { findLinkedWorkspace, type LinkedWorkspace } from '../chat/workspaces/find-workspace.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { type Locale, pickLocale } from '../i18n/locale.js';
import { memberLocale } from '../i18n/member-locale.js';
import type { Actor } from '../permissions/actor.js';

export interface SlackProfile {
  email: string | undefined;
  /** The language before the workspace's organization is known (English when Slack says none). */
  locale: Locale;
  /** Slack's locale for the user, as Slack gives it: a member's own language comes first (memberLocale). */
  slackLocale: string | undefined;
  /** Workspace admins and owners may create an organization for an unlinked workspace. */
  isWorkspaceAdmin: boolean;
}

export type Identity =
  | { linked: false; ref: WorkspaceRef; profile: SlackProfile }
  | ({ linked: true; ref: WorkspaceRef; profile: SlackProfile; actor: Actor } & LinkedWorkspace);

/** users.info answers, kept a few minutes: a command must not wait on Slack for each request. */
const PROFILE_TTL_MS = 5 * 60_000;
const profiles = new Map<string, { profile: SlackProfile; until: number }>();

export async function slackProfile(client: WebClient, teamId: string, userId: string): Promise<SlackProfile> {
  const key = `${teamId}:${userId}`;
  const cached = profiles.get(key);
  if (cached && cached.until > Date.now()) return cached.profile;
  const info = await client.users.info({ user: userId, include_locale: true });
  const user = info.user;
  // Only an address Slack has confirmed names a member; bots and deactivated users name no one.
  const verified = user && user.is_email_confirmed !== false && !user.is_bot && !user.deleted;
  const profile: SlackProfile = {
    email: verified ? user.profile?.email?.toLowerCase() : undefined,
    locale: pickLocale(user?.locale),
    slackLocale: user?.locale || undefined,
    isWorkspaceAdmin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
  };
  if (profiles.size > 10_000) profiles.clear();
  profiles.set(key, { profile, until: Date.now() + PROFILE_TTL_MS });
  return profile;
}

/**
 * Who submits a modal, known without asking Slack: a view submission must be answered within
 * 3 s, and users.info may be slow or rate-limited (a 429 with Retry-After >= 3) once the profile
 * cache has expired. The workspace's organization comes from the database; the language is the
 * member's (memberLocale), with what Slack says of them from the profile cache, else from what was
 * remembered of the user. The member's own language is read from the database each time: changed
 * within the cache's lifetime, it is spoken at once. The member (their verified e-mail, hence their
 * permissions) is identified after the answer, with `identify`.
 */
export async function identifyWithoutSlack(
  db: Db,
  request: { teamId: string; userId: string },
): Promise<{ linked: LinkedWorkspace | null; locale: Locale }> {
  const ref = workspaceRef(request.teamId);
  const cached = profiles.get(`${request.teamId}:${request.userId}`);
  const [linked, seen] = await Promise.all([
    findLinkedWorkspace(db, ref),
    cached ? undefined : findChatUser(db, ref, request.userId),
  ]);
  const said = cached ? cached.profile.slackLocale : seen?.locale;
  if (!linked) return { linked, locale: pickLocale(said) };
  const email = cached ? cached.profile.email : seen?.email;
  const language = email ? await chatMemberLanguage(db, linked, email) : null;
  return {
    linked,
    locale: memberLocale({ language, channelLocale: said, organizationLocale: linked.organization.locale }),
  };
}

/**
 * How long a view submission that needs the member before its answer (a refusal shown on a field)
 * waits for users.info: Slack allows 3 s in all, and the answer itself needs some of them.
 */
export const PROFILE_BUDGET_MS = 1_500;

/**
 * `work`, or a refusal saying Slack was too slow (chat.slack_slow) once `budgetMs` has passed. The
 * work goes on: the profile it fetches is cached, so that the form submitted again is answered at once.
 */
export async function withinBudget<T>(work: Promise<T>, budgetMs = PROFILE_BUDGET_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('chat.slack_slow', {}, 'refused')), budgetMs);
  });
  work.catch(() => {});
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The workspace a request comes from: the enterprise for org-wide installs, else the team. */
export const workspaceRef = (teamId: string): WorkspaceRef => ({ platform: 'slack', externalId: teamId });

export async function identify(
  db: Db,
  client: WebClient,
  request: { teamId: string; userId: string },
): Promise<Identity> {
  const ref = workspaceRef(request.teamId);
  const [profile, linked] = await Promise.all([
    slackProfile(client, request.teamId, request.userId),
    findLinkedWorkspace(db, ref),
  ]);
  if (!linked) return { linked: false, ref, profile };
  // The profile may be minutes old; the member (and their language) is read afresh (chatActor).
  const actor = await chatActor(db, linked, {
    email: profile.email,
    channelLocale: profile.slackLocale,
    platform: 'slack',
  });
  await rememberOnce(db, ref, request.userId, profile);
  return { linked: true, ref, profile, actor, ...linked };
}

/** What was last remembered of each Slack user by this process: a request writes only a change. */
const remembered = new Map<string, string>();

async function rememberOnce(db: Db, ref: WorkspaceRef, userId: string, profile: SlackProfile): Promise<void> {
  const key = `${ref.externalId}:${userId}`;
  const value = `${profile.email}|${profile.slackLocale}`;
  if (remembered.get(key) === value) return;
  await rememberChatUser(db, ref, { externalUserId: userId, email: profile.email, locale: profile.slackLocale });
  if (remembered.size > 10_000) remembered.clear();
  remembered.set(key, value);
}
