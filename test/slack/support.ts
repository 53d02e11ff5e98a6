// Sesame's Slack app served over real HTTP on a test database, a local fake of Slack's Web API
// that records every call, and helpers that act as Slack does: signed slash commands and
// interactions from users of a workspace linked to a fresh organization.
import { randomUUID } from 'node:crypto';
import type { Locale } from '../../src/i18n/locale.js';
import { createLogger } from '../../src/log/logger.js';
import { createSlackService } from '../../src/slack/create-slack-app.js';
import { newOrganization } from '../domain/fixtures.js';
import type { TestDatabase } from '../support/database.js';
import { type FakeSlack, type SlackCall, startFakeSlack } from '../support/fake-slack.js';
import { serveRoutes } from '../support/serve-routes.js';
import { type SendOptions, sendInteraction, sendSlashCommand } from '../support/slack-requests.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export interface SlackHarness {
  endpoint: string;
  fake: FakeSlack;
  logs: string[];
  close(): Promise<void>;
}

export async function startSlack(t: TestDatabase): Promise<SlackHarness> {
  const fake = await startFakeSlack();
  const logs: string[] = [];
  const log = createLogger('debug', (line) => logs.push(line));
  const service = createSlackService({
    config: { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: fake.botToken, SLACK_API_URL: fake.apiUrl },
    db: t.prisma,
    log,
    retries: 0,
  });
  const server = await serveRoutes(t.prisma, log, service.routes);
  return {
    endpoint: `${server.base}/slack/events`,
    fake,
    logs,
    async close() {
      await server.close();
      await fake.close();
    },
  };
}

export interface SlackPerson {
  userId: string;
  email: string;
}

/** A workspace (its own team id) linked to a fresh organization whose owner is a Slack user. */
export async function linkedWorkspace(
  t: TestDatabase,
  h: SlackHarness,
  options: { seats?: number; locale?: Locale; slackLocale?: string } = {},
) {
  const { organization, owner } = await newOrganization(t.prisma, options);
  const teamId = `T${randomUUID().slice(0, 8).toUpperCase()}`;
  await t.prisma.chatWorkspace.create({
    data: { platform: 'slack', externalId: teamId, organizationId: organization.id },
  });
  const person = (email: string, extra: { isAdmin?: boolean; locale?: string } = {}): SlackPerson => {
    const userId = `U${randomUUID().slice(0, 10).toUpperCase()}`;
    h.fake.addUser({
      id: userId,
      teamId,
      email,
      locale: extra.locale ?? options.slackLocale ?? 'en-US',
      isAdmin: extra.isAdmin,
    });
    return { userId, email };
  };
  const ownerUser = person(owner.member.email, { isAdmin: true });
  /** A member of the organization with a role (and manager flag), and their Slack user. */
  const member = async (email: string, role: string, manager = false, locale?: string) => {
    await t.prisma.member.create({
      data: {
        organizationId: organization.id,
        email,
        username: email.replace(/[^a-z0-9._@]/g, '_'),
        role,
        userType: 'creator',
        isManager: manager,
      },
    });
    return person(email, { locale });
  };
  return { organization, owner, teamId, ownerUser, person, member };
}

/** Sends `/invite <text>` as the user, and waits for the answer posted to its response_url. */
export async function command(
  h: SlackHarness,
  teamId: string,
  user: SlackPerson,
  text: string,
  options: SendOptions & { triggerId?: string } = {},
): Promise<{ status: number; answer: () => Promise<SlackCall>; responseUrl: string }> {
  const path = `/respond/${randomUUID()}`;
  const responseUrl = `${h.fake.url}${path}`;
  const post = await sendSlashCommand(
    h.endpoint,
    SIGNING_SECRET,
    { text, userId: user.userId, teamId, responseUrl, triggerId: options.triggerId },
    options,
  );
  return {
    status: post.status,
    responseUrl,
    answer: () => h.fake.waitFor('response_url', (args) => args.responseUrlPath === path),
  };
}

export const interaction = (h: SlackHarness, payload: Record<string, unknown>, options?: SendOptions) =>
  sendInteraction(h.endpoint, SIGNING_SECRET, payload, options);

/** Every text of a message (its text and its blocks' texts), to look for words in it. */
export function messageText(args: Record<string, unknown>): string {
  return JSON.stringify([args.text, args.blocks ?? null, args.view ?? null]);
}
