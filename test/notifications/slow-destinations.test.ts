// A chat platform that hangs: every call has a time limit, so a run always ends and the row is
// retried; and one workspace that hangs does not hold up the notifications of the others.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { type ChatNotifier, deliverNotifications } from '../../src/notifications/deliver-notifications.js';
import { createSlackNotifier } from '../../src/slack/notify/slack-notifier.js';
import { createTeamsNotifier } from '../../src/teams/notify/teams-notifier.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { messageActivity } from '../support/teams-requests.js';
import { checkCardsAfterEach, linkedTenant, post, startTeams, type TeamsHarness } from '../teams/support.js';

let t: TestDatabase;
let slack: FakeSlack;
let teams: TeamsHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  slack = await startFakeSlack();
  teams = await startTeams(t);
});
checkCardsAfterEach(() => teams);
afterAll(async () => {
  slack?.releaseHung();
  await slack?.close();
  await teams?.close();
  await t?.close();
});

const log = createLogger('silent');
const deliver = (notifier: ChatNotifier) => deliverNotifications(t.prisma, { notifiers: [notifier], log });

/** An organization on its own Slack workspace whose owner's invitation just expired: one DM due. */
async function expiredOnSlack() {
  const { organization, owner } = await newOrganization(t.prisma);
  const teamId = `T${randomUUID().slice(0, 8).toUpperCase()}`;
  await t.prisma.chatWorkspace.create({
    data: { platform: 'slack', externalId: teamId, organizationId: organization.id },
  });
  const userId = `U${randomUUID().slice(0, 10).toUpperCase()}`;
  slack.addUser({ id: userId, teamId, email: owner.member.email });
  const email = `slow.${randomUUID().slice(0, 8)}@example.org`;
  await invite(t.prisma, owner, { emails: [email] });
  await expireDueInvitations(t.prisma, { now: new Date(Date.now() + 15 * 86_400_000), limit: 100 });
  return { organization, userId, email };
}

const rowOf = (organizationId: string) =>
  t.prisma.outboxMessage.findFirstOrThrow({ where: { organizationId, kind: 'notification' } });

describe('a Slack that does not answer', () => {
  it('times the call out: the run ends and the notification is retried later', async () => {
    const a = await expiredOnSlack();
    slack.hangNext('chat.postMessage');
    const notifier = createSlackNotifier({
      db: t.prisma,
      botToken: slack.botToken,
      slackApiUrl: slack.apiUrl,
      timeoutMs: 200,
    });
    await deliver(notifier);
    const row = await rowOf(a.organization.id);
    expect(row.status).toBe('PENDING');
    expect(row.lastError).toMatch(/^Slack unreachable/);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    slack.releaseHung();
  });

  it("does not hold up another workspace's notifications while it hangs", async () => {
    const hung = await expiredOnSlack();
    const other = await expiredOnSlack();
    slack.hangNext('chat.postMessage');
    // A time limit far beyond the test's: only concurrency lets the other workspace through.
    const notifier = createSlackNotifier({
      db: t.prisma,
      botToken: slack.botToken,
      slackApiUrl: slack.apiUrl,
      timeoutMs: 60_000,
    });
    const run = deliver(notifier);
    await slack.waitFor('chat.postMessage', (args) => args.channel === hung.userId);
    await slack.waitFor('chat.postMessage', (args) => args.channel === other.userId);
    slack.releaseHung();
    await run;
    expect((await rowOf(hung.organization.id)).status).toBe('SENT');
    expect((await rowOf(other.organization.id)).status).toBe('SENT');
  });
});

describe('a Bot Connector that does not answer', () => {
  it('times the call out: the run ends and the notification is retried later', async () => {
    const w = await linkedTenant(t, teams);
    await post(
      teams,
      messageActivity({
        text: 'help',
        user: w.ownerUser,
        conversation: w.ownerUser.personal,
        serviceUrl: teams.fake.url,
      }),
    );
    await invite(t.prisma, w.owner, { emails: [`hung.${randomUUID().slice(0, 8)}@example.com`] });
    await expireDueInvitations(t.prisma, { now: new Date(Date.now() + 15 * 86_400_000), limit: 100 });
    teams.fake.delayNext(new RegExp(w.ownerUser.personal.id), 10_000);
    await deliver(createTeamsNotifier({ db: t.prisma, api: teams.service.app.api, timeoutMs: 200 }));
    const row = await rowOf(w.organization.id);
    expect(row.status).toBe('PENDING');
    expect(row.lastError).toMatch(/^Teams unreachable: .*timed out/);
  });
});
