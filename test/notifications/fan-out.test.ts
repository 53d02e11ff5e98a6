// An organization linked to Slack and to Teams: each notification becomes one per workspace, so a
// failure in one is retried without sending again to the other.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { deliverNotifications } from '../../src/notifications/deliver-notifications.js';
import { createSlackNotifier } from '../../src/slack/notify/slack-notifier.js';
import { createTeamsNotifier } from '../../src/teams/notify/teams-notifier.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { messageActivity } from '../support/teams-requests.js';
import { checkCardsAfterEach, linkedTenant, post, startTeams, type TeamsHarness } from '../teams/support.js';

let t: TestDatabase;
let teams: TeamsHarness;
let slack: FakeSlack;
beforeAll(async () => {
  t = await createTestDatabase();
  teams = await startTeams(t);
  slack = await startFakeSlack();
});
checkCardsAfterEach(() => teams);
afterAll(async () => {
  await teams?.close();
  await slack?.close();
  await t?.close();
});

const deliver = (now?: Date) =>
  deliverNotifications(t.prisma, {
    notifiers: [
      createSlackNotifier({ db: t.prisma, botToken: slack.botToken, slackApiUrl: slack.apiUrl }),
      createTeamsNotifier({ db: t.prisma, api: teams.service.app.api }),
    ],
    log: createLogger('silent'),
    now,
  });

describe('notifications to an organization on Slack and Teams', () => {
  it('go to each workspace once, and a Slack failure is retried without writing to Teams again', async () => {
    const w = await linkedTenant(t, teams);
    const slackTeam = `T${randomUUID().slice(0, 8).toUpperCase()}`;
    await t.prisma.chatWorkspace.create({
      data: { platform: 'slack', externalId: slackTeam, organizationId: w.organization.id },
    });
    slack.addUser({ id: 'UFANOUT', teamId: slackTeam, email: w.owner.member.email });
    await post(
      teams,
      messageActivity({
        text: 'help',
        user: w.ownerUser,
        conversation: w.ownerUser.personal,
        serviceUrl: teams.fake.url,
      }),
    );
    await invite(t.prisma, w.owner, { emails: ['fan@example.com'] });
    await expireDueInvitations(t.prisma, { now: new Date(Date.now() + 15 * 86_400_000), limit: 100 });

    const teamsDms = () =>
      teams.fake.calls.filter(
        (c) =>
          c.conversationId === w.ownerUser.personal.id && String(JSON.stringify(c.body)).includes('fan@example.com'),
      );
    const slackDms = () =>
      slack
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === 'UFANOUT' && String(c.args.text).includes('fan@example.com'));

    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 0 });
    await deliver(); // fans out into one row per workspace
    await deliver(); // Teams delivered; Slack rate limited
    expect(teamsDms()).toHaveLength(1);
    const slackRow = () =>
      t.prisma.outboxMessage.findFirstOrThrow({
        where: { organizationId: w.organization.id, idempotencyKey: { endsWith: `:slack:${slackTeam}` } },
      });
    expect(await slackRow()).toMatchObject({ status: 'PENDING', lastError: 'rate limited by Slack' });
    await deliver(new Date(Date.now() + 60_000)); // Slack retried
    // The fake records the refused call too: one refused, one accepted; Teams untouched.
    expect(slackDms()).toHaveLength(2);
    expect(await slackRow()).toMatchObject({ status: 'SENT' });
    expect(teamsDms()).toHaveLength(1);
    const rows = await t.prisma.outboxMessage.findMany({
      where: { organizationId: w.organization.id, kind: 'notification' },
    });
    expect(rows.filter((r) => r.status === 'PENDING')).toHaveLength(0);
    expect(rows).toHaveLength(3);
  });
});
