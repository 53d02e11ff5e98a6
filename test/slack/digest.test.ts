// The digest in Slack: posted once per period in the managers' channel within Block Kit's limits,
// skipped without a managers' channel, and its buttons: "Resend the expiring ones" (the cooldown
// applies), "Show pending" (the pending list) and Approve (the seat request's own card).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postDueDigests } from '../../src/digest/post-due-digests.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { deliverNotifications } from '../../src/notifications/deliver-notifications.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { digestMessage } from '../../src/slack/blocks/digest.js';
import { SLACK_LIMITS } from '../../src/slack/limits.js';
import { createSlackNotifier } from '../../src/slack/notify/slack-notifier.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { blockActionPayload } from '../support/slack-requests.js';
import { blockKitProblems } from './block-kit-limits.js';
import { interaction, linkedWorkspace, messageText, type SlackHarness, startSlack } from './support.js';

let t: TestDatabase;
let h: SlackHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  h = await startSlack(t);
});
afterAll(async () => {
  await h?.close();
  await t?.close();
});

const log = createLogger('error', () => {});

/** A workspace whose organization has 2 pending invitations (one expiring, e-mailed long ago) and 2 held on a request. */
async function busyWorkspace(managersChannelId: string | null) {
  const w = await linkedWorkspace(t, h, { seats: 3 });
  await t.prisma.chatWorkspace.update({
    where: { platform_externalId: { platform: 'slack', externalId: w.teamId } },
    data: { managersChannelId },
  });
  const made = await invite(t.prisma, w.owner, { emails: ['p1@x.com', 'p2@x.com', 'h1@x.com', 'h2@x.com'] });
  const [p1] = made.results.map((r) => r.invitationId ?? '');
  await t.prisma.invitation.update({
    where: { id: p1 },
    data: { expiresAt: new Date(Date.now() + 3_600_000), lastSentAt: new Date(Date.now() - 3 * 86_400_000) },
  });
  await updateOrganizationSetting(t.prisma, w.owner, 'digest', 'daily');
  await t.prisma.organization.update({
    where: { id: w.organization.id },
    data: { nextDigestAt: new Date(Date.now() - 1000) },
  });
  return { ...w, requestId: made.seatRequestId as string };
}

/** Block Kit's limits on the digest's blocks: the modal checker for what it knows, and the buttons' own limits. */
function messageLimitProblems(blocks: Record<string, unknown>[]): string[] {
  const actions = blocks.filter((b) => b.type === 'actions');
  const others = blocks.filter((b) => b.type !== 'actions');
  const problems = blockKitProblems({ type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: others });
  if (blocks.length > SLACK_LIMITS.blocks) problems.push(`${blocks.length} blocks`);
  const buttons = [
    ...actions.flatMap((a) => a.elements as Record<string, unknown>[]),
    ...others.map((b) => b.accessory as Record<string, unknown> | undefined).filter((b) => b !== undefined),
  ];
  for (const button of buttons) {
    const text = (button.text as { text: string }).text;
    if (text.length > 75) problems.push(`button ${text}`);
    if (String(button.value ?? '').length > 2000) problems.push(`value of ${text}`);
    if (String(button.action_id).length > 255) problems.push(`action_id of ${text}`);
    const confirm = button.confirm as Record<string, { text: string }> | undefined;
    if (confirm && ((confirm.title?.text.length ?? 0) > 100 || (confirm.text?.text.length ?? 0) > 300))
      problems.push(`confirm of ${text}`);
  }
  return problems;
}

const notifier = () => createSlackNotifier({ db: t.prisma, botToken: h.fake.botToken, slackApiUrl: h.fake.apiUrl });

describe('the Slack digest', { timeout: 60_000 }, () => {
  it('is posted once in the managers channel, within Block Kit limits, in the organization language', async () => {
    const w = await busyWorkspace('CDIGEST1');
    await updateOrganizationSetting(t.prisma, w.owner, 'locale', 'fr');
    await postDueDigests(t.prisma);
    await deliverNotifications(t.prisma, { notifiers: [notifier()], log });
    await deliverNotifications(t.prisma, { notifiers: [notifier()], log });
    // The seat request's own card is posted there too; the digest is the message with its buttons.
    const posts = h.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === 'CDIGEST1' && messageText(c.args).includes('digest_resend_expiring'));
    expect(posts).toHaveLength(1);
    const text = messageText(posts[0]?.args ?? {});
    expect(text).toContain('2 invitations en attente, dont 1 expire dans les 48 heures');
    expect(text).toContain('2 en attente d');
    expect(text).toContain('digest_resend_expiring');
    expect(text).toContain('pending_page:digest');
    expect(text).toContain('digest_seat_request:0');
    expect(messageLimitProblems(posts[0]?.args.blocks as Record<string, unknown>[])).toEqual([]);
  });

  it('stays within 50 blocks with many seat requests, and is skipped without a managers channel', async () => {
    const w = await busyWorkspace(null);
    const summary = {
      organizationId: w.organization.id,
      organizationName: '<!channel> *Acme*',
      timezone: 'Europe/Paris',
      since: new Date(),
      now: new Date(),
      pending: 1,
      expiringSoon: 1,
      accepted: 0,
      bounced: 0,
      held: 90,
      seatRequests: Array.from({ length: 60 }, () => ({
        id: randomUUID(),
        kind: 'internal' as const,
        seatsRequested: 1,
        requestedBy: 'x@x.com',
        createdAt: new Date(),
      })),
      seats: { internal: { used: 1, limit: 1, remaining: 0 }, external: { used: 0, limit: 5, remaining: 5 } },
    };
    const message = digestMessage(summary, 'en');
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    // Mentions are not read in the header's plain text; everywhere else the name is escaped.
    expect(JSON.stringify(message.blocks.filter((b) => b.type !== 'header'))).not.toContain('<!channel>');
    expect(message.text).toContain('&lt;!channel&gt;');
    expect(JSON.stringify(message.blocks)).toContain('External seats: 0 used of 5, 5 remaining');

    const digests = () =>
      h.fake.callsTo('chat.postMessage').filter((c) => messageText(c.args).includes('digest_resend_expiring')).length;
    const before = digests();
    await postDueDigests(t.prisma);
    await deliverNotifications(t.prisma, { notifiers: [notifier()], log });
    expect(digests()).toBe(before);
    // Skipped, not e-mailed: the outbox row says why.
    const row = await t.prisma.outboxMessage.findFirstOrThrow({
      where: { organizationId: w.organization.id, idempotencyKey: { startsWith: 'digest:' } },
    });
    expect(row.status).toBe('SENT');
    expect(row.lastError).toContain("no managers' channel");
  });

  it('resends the expiring ones under the cooldown, shows pending, and leads Approve to the seat card', async () => {
    const w = await busyWorkspace('CDIGEST3');
    const click = async (actionId: string, value: string) => {
      const path = `/respond/${randomUUID()}`;
      await interaction(
        h,
        blockActionPayload({
          userId: w.ownerUser.userId,
          teamId: w.teamId,
          actionId,
          value,
          channelId: 'CDIGEST3',
          messageTs: '1700000000.000100',
          responseUrl: `${h.fake.url}${path}`,
        }),
      );
      return path;
    };
    const answer = (path: string) => h.fake.waitFor('response_url', (args) => args.responseUrlPath === path);

    const first = await click('digest_resend_expiring', 'expiring');
    expect(messageText((await answer(first)).args)).toContain('1 invitation resent');
    const second = await click('digest_resend_expiring', 'expiring');
    // Resent a moment ago: the new lifetime took it out of the 48 hours.
    expect(messageText((await answer(second)).args)).toContain('No pending invitation expires within 48 hours');

    const shown = await click('pending_page:digest', JSON.stringify({ status: ['PENDING'], page: 1 }));
    const list = messageText((await answer(shown)).args);
    expect(list).toContain('p1@x.com');
    expect(list).toContain('pending_resend');

    await click('digest_seat_request:0', w.requestId);
    const card = await h.fake.waitFor(
      'chat.postMessage',
      (args) => args.channel === 'CDIGEST3' && args.thread_ts === '1700000000.000100',
    );
    expect(messageText(card.args)).toContain('seat_approve');
    // Recorded, so that the decision redraws it (recorded just after Slack's answer).
    for (let i = 0; i < 50; i++) {
      if (await t.prisma.chatPost.count({ where: { subject: `seat_request:${w.requestId}`, channelId: 'CDIGEST3' } }))
        break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(
      await t.prisma.chatPost.count({ where: { subject: `seat_request:${w.requestId}`, channelId: 'CDIGEST3' } }),
    ).toBe(1);
  });
});
