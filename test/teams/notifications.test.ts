// Chat notifications delivered to Teams proactively: the seat request card in the managers'
// channel (updated once decided) and the outcomes in the inviter's personal chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { deliverNotifications } from '../../src/notifications/deliver-notifications.js';
import { decideSeatRequest } from '../../src/seats/decide-seat-request.js';
import { createTeamsJobNotifier } from '../../src/teams/notify/job-notifier.js';
import { createTeamsNotifier } from '../../src/teams/notify/teams-notifier.js';
import { memberActor } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { messageActivity } from '../support/teams-requests.js';
import { checkCardsAfterEach, linkedTenant, post, startTeams, type TeamsHarness } from './support.js';

let t: TestDatabase;
let h: TeamsHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  h = await startTeams(t);
});
checkCardsAfterEach(() => h);
afterAll(async () => {
  await h?.close();
  await t?.close();
});

const deliver = (now?: Date) =>
  deliverNotifications(t.prisma, {
    notifiers: [createTeamsNotifier({ db: t.prisma, api: h.service.app.api })],
    log: createLogger('silent'),
    now,
  });

describe("the notification job's Teams notifier", () => {
  it('delivers on its own, without the bot (its listeners, its dialogs, its route) ever started', async () => {
    const w = await linkedTenant(t, h);
    await post(
      h,
      messageActivity({ text: 'help', user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url }),
    );
    await invite(t.prisma, w.owner, { emails: ['job.path@example.com'] });
    await expireDueInvitations(t.prisma, { now: new Date(Date.now() + 15 * 86_400_000), limit: 100 });
    const notifier = createTeamsJobNotifier({ db: t.prisma, env: parseEnv({}), log: createLogger('silent') });
    await deliverNotifications(t.prisma, { notifiers: [notifier], log: createLogger('silent') });
    await h.fake.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.conversationId === w.ownerUser.personal.id &&
        String(JSON.stringify(c.body)).includes('job.path@example.com'),
    );
  });
});

describe('Teams notifications', () => {
  it('posts the seat request card in the managers’ channel once, updates it when decided, and tells the requester', async () => {
    const w = await linkedTenant(t, h, { seats: 1 });
    // The owner makes a channel the managers' one, and has written to the bot in personal chat.
    await post(
      h,
      messageActivity({ text: 'settings', user: w.ownerUser, conversation: w.channel, serviceUrl: h.fake.url }),
    );
    await post(
      h,
      messageActivity({ text: 'help', user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url }),
    );
    const result = await invite(t.prisma, w.owner, { emails: ['n1@example.com', 'n2@example.com'] });
    const requestId = result.seatRequestId as string;

    const from = h.fake.calls.length;
    expect((await deliver()).sent).toBeGreaterThanOrEqual(1);
    const card = await h.fake.waitFor(
      (c) =>
        c.method === 'POST' && c.conversationId === w.channel.id && String(JSON.stringify(c.body)).includes(requestId),
    );
    expect(JSON.stringify(card.body)).toContain('Seats: 1 → 3');
    const post1 = await t.prisma.chatPost.findFirstOrThrow({ where: { workspaceId: w.tenantId } });
    await deliver();
    const posts = h.fake.calls
      .slice(from)
      .filter((c) => c.method === 'POST' && String(JSON.stringify(c.body)).includes(requestId));
    expect(posts).toHaveLength(1);

    const manager = await memberActor(t.prisma, w.owner, { email: 'mgr@acme.example', manager: true });
    await decideSeatRequest(t.prisma, manager, { requestId, decision: 'approve' });
    await deliver();
    await h.fake.waitFor(
      (c) =>
        c.method === 'PUT' &&
        c.activityId === post1.messageId &&
        String(JSON.stringify(c.body)).includes('Approved by'),
    );
    await h.fake.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.conversationId === w.ownerUser.personal.id &&
        String(JSON.stringify(c.body)).includes('was approved by'),
    );
  });

  it("without a managers' channel, sends the card to each manager's personal chat once, and updates each", async () => {
    const w = await linkedTenant(t, h, { seats: 1 });
    const manager = await w.member('dm.manager@acme.example', 'viewer', true);
    const silent = await w.member('silent.manager@acme.example', 'viewer', true);
    // The owner and one manager have written to the bot; the other manager never has.
    for (const person of [w.ownerUser, manager]) {
      await post(
        h,
        messageActivity({ text: 'help', user: person, conversation: person.personal, serviceUrl: h.fake.url }),
      );
    }
    const result = await invite(t.prisma, w.owner, { emails: ['dm1@example.com', 'dm2@example.com'] });
    const requestId = result.seatRequestId as string;
    const cardsIn = (conversationId: string, method: 'POST' | 'PUT', text: string) =>
      h.fake.calls.filter(
        (c) =>
          c.method === method &&
          c.conversationId === conversationId &&
          // The decided card has no buttons left, so no request id: PUTs are matched by their text.
          (method === 'PUT' || JSON.stringify(c.body).includes(requestId)) &&
          JSON.stringify(c.body).includes(text),
      );

    await deliver();
    await deliver();
    for (const person of [w.ownerUser, manager]) {
      expect(cardsIn(person.personal.id, 'POST', 'Seats: 1 → 3')).toHaveLength(1);
    }
    expect(h.fake.calls.some((c) => c.conversationId === silent.personal.id)).toBe(false);

    const decider = await memberActor(t.prisma, w.owner, { email: 'dm.decider@acme.example', manager: true });
    await decideSeatRequest(t.prisma, decider, { requestId, decision: 'approve' });
    await deliver();
    for (const person of [w.ownerUser, manager]) {
      await expect.poll(() => cardsIn(person.personal.id, 'PUT', 'Approved by').length).toBe(1);
    }
  });

  it('opens a personal chat with an inviter seen only in a channel', async () => {
    const w = await linkedTenant(t, h);
    await post(
      h,
      messageActivity({ text: 'settings', user: w.ownerUser, conversation: w.channel, serviceUrl: h.fake.url }),
    );
    await invite(t.prisma, w.owner, { emails: ['chan@example.com'] });
    await expireDueInvitations(t.prisma, { now: new Date(Date.now() + 15 * 86_400_000), limit: 100 });
    await deliver();
    const created = await h.fake.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.path === '/v3/conversations' &&
        String(JSON.stringify(c.body)).includes(w.ownerUser.id),
    );
    expect(created.body).toMatchObject({ isGroup: false, tenantId: w.tenantId });
    await h.fake.waitFor((c) => c.method === 'POST' && String(JSON.stringify(c.body)).includes('chan@example.com'));
    const user = await t.prisma.chatUser.findFirstOrThrow({
      where: { workspaceId: w.tenantId, email: w.owner.member.email },
    });
    expect(user.conversationRef).not.toBeNull();
  });

  it('tells the inviter in personal chat that an invitation expired; skips one who never wrote to the bot', async () => {
    const w = await linkedTenant(t, h);
    await post(
      h,
      messageActivity({ text: 'help', user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url }),
    );
    await invite(t.prisma, w.owner, { emails: ['old@example.com'] });
    const later = new Date(Date.now() + 15 * 86_400_000);
    await expireDueInvitations(t.prisma, { now: later, limit: 100 });
    await deliver();
    await h.fake.waitFor(
      (c) => c.conversationId === w.ownerUser.personal.id && String(JSON.stringify(c.body)).includes('old@example.com'),
    );

    const quiet = await linkedTenant(t, h);
    await invite(t.prisma, quiet.owner, { emails: ['old2@example.com'] });
    await expireDueInvitations(t.prisma, { now: later, limit: 100 });
    await deliver();
    const row = await t.prisma.outboxMessage.findFirstOrThrow({
      where: { organizationId: quiet.organization.id, kind: 'notification' },
    });
    expect(row).toMatchObject({ status: 'SENT', sentAt: null });
    expect(row.lastError).toContain('has not used the bot in Teams');
  });

  it('says several outcomes at once in one summary that points to the pending command', async () => {
    const w = await linkedTenant(t, h);
    await post(
      h,
      messageActivity({ text: 'help', user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url }),
    );
    const emails = ['sum1@example.com', 'sum2@example.com', 'sum3@example.com'];
    await invite(t.prisma, w.owner, { emails });
    await expireDueInvitations(t.prisma, { now: new Date(Date.now() + 15 * 86_400_000), limit: 100 });
    const from = h.fake.calls.length;
    await deliver();
    const told = h.fake.calls
      .slice(from)
      .filter(
        (c) => c.conversationId === w.ownerUser.personal.id && JSON.stringify(c.body).includes('sum1@example.com'),
      );
    expect(told).toHaveLength(1);
    const text = String((told[0]?.body as { text?: string } | undefined)?.text);
    expect(text).toContain('3 updates on your invitations: 3 expired.');
    expect(text).toContain('sum1@example.com, sum2@example.com, sum3@example.com.');
    expect(text).toContain('`pending`');
    const rows = await t.prisma.outboxMessage.findMany({
      where: { organizationId: w.organization.id, kind: 'notification' },
    });
    expect(rows.map((r) => r.status)).toEqual(['SENT', 'SENT', 'SENT']);
  });
  it("escapes the summary's addresses for Teams' Markdown, so that an underscore makes no italics", async () => {
    const w = await linkedTenant(t, h);
    await post(
      h,
      messageActivity({ text: 'help', user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url }),
    );
    const emails = ['first_a@example.com', 'first_b@example.com'];
    await invite(t.prisma, w.owner, { emails });
    await expireDueInvitations(t.prisma, { now: new Date(Date.now() + 15 * 86_400_000), limit: 100 });
    const from = h.fake.calls.length;
    await deliver();
    const told = h.fake.calls
      .slice(from)
      .filter((c) => c.conversationId === w.ownerUser.personal.id && JSON.stringify(c.body).includes('first'));
    expect(told).toHaveLength(1);
    const text = String((told[0]?.body as { text?: string } | undefined)?.text);
    expect(text).toContain('first\\_a@example.com, first\\_b@example.com');
  });

  it("escapes a single outcome's address for Teams' Markdown too", async () => {
    const w = await linkedTenant(t, h);
    await post(
      h,
      messageActivity({ text: 'help', user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url }),
    );
    await invite(t.prisma, w.owner, { emails: ['one_of_us@example.com'] });
    await expireDueInvitations(t.prisma, { now: new Date(Date.now() + 15 * 86_400_000), limit: 100 });
    const from = h.fake.calls.length;
    await deliver();
    const told = h.fake.calls
      .slice(from)
      .filter((c) => c.conversationId === w.ownerUser.personal.id && JSON.stringify(c.body).includes('one'));
    expect(told).toHaveLength(1);
    expect(String((told[0]?.body as { text?: string } | undefined)?.text)).toContain('one\\_of\\_us@example.com');
  });
});
