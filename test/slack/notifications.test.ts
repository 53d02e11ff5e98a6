// Chat notifications delivered to Slack: the seat request card in the managers' channel (posted
// once, redrawn once decided), the direct messages to inviters and requesters, and what the
// outbox row says afterwards (sent, skipped with a note, retried at Slack's time, given up).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatTexts } from '../../src/chat/rendering/texts.js';
import { rememberChatUser } from '../../src/chat/workspaces/chat-users.js';
import { recordEmailEvents } from '../../src/email/events/record-email-events.js';
import type { Locale } from '../../src/i18n/locale.js';
import { acceptInvitation } from '../../src/invitations/accept.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { type ChatNotifier, deliverNotifications } from '../../src/notifications/deliver-notifications.js';
import { decideSeatRequest } from '../../src/seats/decide-seat-request.js';
import { createSlackNotifier } from '../../src/slack/notify/slack-notifier.js';
import { memberActor, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSlack, type SlackCall, startFakeSlack } from '../support/fake-slack.js';

let t: TestDatabase;
let fake: FakeSlack;
let notifier: ChatNotifier;
const log = createLogger('silent');
const en = chatTexts('en');
const fr = chatTexts('fr');

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeSlack();
  notifier = createSlackNotifier({ db: t.prisma, botToken: fake.botToken, slackApiUrl: fake.apiUrl });
});
afterAll(async () => {
  await fake?.close();
  await t?.close();
});

const deliver = (options: { now?: Date } = {}) =>
  deliverNotifications(t.prisma, { notifiers: [notifier], log, ...options });

const suffix = () => randomUUID().slice(0, 8).toLowerCase();

/** A fresh organization, optionally linked to its own Slack workspace, whose owner may be a Slack user. */
async function organization(
  options: {
    seats?: number;
    locale?: Locale;
    linked?: boolean;
    managersChannelId?: string | null;
    /** The owner's Slack locale; null: the owner has no Slack account in the workspace. */
    ownerSlackLocale?: string | null;
  } = {},
) {
  const { organization, owner } = await newOrganization(t.prisma, { seats: options.seats, locale: options.locale });
  const teamId = `T${suffix().toUpperCase()}`;
  if (options.linked ?? true) {
    await t.prisma.chatWorkspace.create({
      data: {
        platform: 'slack',
        externalId: teamId,
        organizationId: organization.id,
        managersChannelId: options.managersChannelId === undefined ? 'CMANAGERS' : options.managersChannelId,
      },
    });
  }
  const slackUser = (email: string, locale = 'en-US') => {
    const id = `U${randomUUID().slice(0, 10).toUpperCase()}`;
    fake.addUser({ id, teamId, email, locale });
    return id;
  };
  const ownerSlackId =
    options.ownerSlackLocale === null ? undefined : slackUser(owner.member.email, options.ownerSlackLocale);
  return { organization, owner, teamId, ownerSlackId, slackUser };
}

/** The organization's chat notification rows, oldest first. */
const notificationRows = (organizationId: string) =>
  t.prisma.outboxMessage.findMany({ where: { organizationId, kind: 'notification' }, orderBy: { id: 'asc' } });

async function onlyNotification(organizationId: string) {
  const rows = await notificationRows(organizationId);
  expect(rows).toHaveLength(1);
  const [row] = rows;
  if (!row) throw new Error('no notification row');
  return row;
}

/** Calls to `method` made after the first `from` calls (the calls of one step of a test). */
const callsSince = (from: number, method: string) => fake.calls.slice(from).filter((c) => c.method === method);

const textOf = (call: SlackCall) => JSON.stringify([call.args.text, call.args.blocks ?? null]);

/** The seat request card posts (chat.postMessage) of one request: its buttons carry its id. */
const cardPosts = (requestId: string) =>
  fake.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.args.blocks ?? null).includes(requestId));

/** Direct messages to one Slack user. */
const dmsTo = (userId: string) => fake.callsTo('chat.postMessage').filter((c) => c.args.channel === userId);

type Block = { type: string; block_id?: string; elements?: { type: string; action_id?: string; value?: string }[] };

/** An organization of 1 seat (its owner) whose owner invited 2 addresses: both held behind one seat request. */
async function seatRequest(options: Parameters<typeof organization>[0] = {}) {
  const org = await organization({ seats: 1, ...options });
  const s = suffix();
  const emails = [`ana.${s}@example.org`, `bo.${s}@example.org`];
  const result = await invite(t.prisma, org.owner, { emails });
  expect(result.results.map((r) => r.outcome)).toEqual(['held', 'held']);
  const requestId = result.seatRequestId ?? '';
  expect(requestId).not.toBe('');
  return { ...org, emails, requestId };
}

const postOf = (teamId: string, requestId: string) =>
  t.prisma.chatPost.findUnique({
    where: {
      platform_workspaceId_subject: { platform: 'slack', workspaceId: teamId, subject: `seat_request:${requestId}` },
    },
  });

describe('seat request card', () => {
  it("posts the card once in the managers' channel, with who asked, for whom, the seats and the buttons", async () => {
    const { organization, owner, teamId, emails, requestId } = await seatRequest();
    const row = await onlyNotification(organization.id);
    expect(row.payload).toEqual({ type: 'seat_request.created', seatRequestId: requestId });

    const from = fake.calls.length;
    await deliver();

    const posts = cardPosts(requestId);
    expect(posts).toHaveLength(1);
    const post = posts[0] as SlackCall;
    expect(post.args.channel).toBe('CMANAGERS');
    expect(post.token).toBe(fake.botToken);
    expect(String(post.args.text)).toContain(en.seatRequestTitle);
    const text = textOf(post);
    expect(text).toContain(owner.member.email);
    for (const email of emails) expect(text).toContain(email);
    expect(text).toContain(en.seatsBeforeAfter(1, 3));
    expect(text).toContain('Seats: 1 → 3');
    expect(text).toContain(en.billingNotice(2));

    const blocks = post.args.blocks as Block[];
    const actions = blocks.find((b) => b.type === 'actions');
    expect(actions?.block_id).toBe(`seat_request:${requestId}`);
    expect(actions?.elements?.map((e) => [e.action_id, e.value])).toEqual([
      ['seat_approve', requestId],
      ['seat_deny', requestId],
    ]);
    // Nothing else was said for this organization (no direct message for a new request).
    expect(callsSince(from, 'chat.update')).toHaveLength(0);

    const recorded = await postOf(teamId, requestId);
    expect(recorded).toMatchObject({ channelId: 'CMANAGERS' });
    expect(recorded?.messageId).toMatch(/^\d+\.\d+$/);
    expect(await t.prisma.outboxMessage.findUnique({ where: { id: row.id } })).toMatchObject({
      status: 'SENT',
      attempts: 1,
      lastError: null,
    });
    expect((await t.prisma.outboxMessage.findUnique({ where: { id: row.id } }))?.sentAt).toBeInstanceOf(Date);

    // Delivering again says nothing more.
    const again = fake.calls.length;
    await deliver();
    expect(cardPosts(requestId)).toHaveLength(1);
    expect(callsSince(again, 'chat.postMessage').filter((c) => textOf(c).includes(requestId))).toHaveLength(0);
    expect(callsSince(again, 'chat.update')).toHaveLength(0);
  });

  it('once approved, redraws the same card without buttons and tells the requester', async () => {
    const { organization, owner, teamId, ownerSlackId, requestId } = await seatRequest();
    await deliver();
    const posted = await postOf(teamId, requestId);
    expect(posted).not.toBeNull();

    const managerEmail = `manager.${suffix()}@example.org`;
    const manager = await memberActor(t.prisma, owner, { email: managerEmail, manager: true });
    await decideSeatRequest(t.prisma, manager, { requestId, decision: 'approve' });
    const decided = (await notificationRows(organization.id)).filter(
      (r) => (r.payload as { type?: string }).type === 'seat_request.decided',
    );
    expect(decided).toHaveLength(1);

    const from = fake.calls.length;
    await deliver();

    const updates = callsSince(from, 'chat.update').filter((c) => c.args.ts === posted?.messageId);
    expect(updates).toHaveLength(1);
    const update = updates[0] as SlackCall;
    expect(update.args.channel).toBe('CMANAGERS');
    const card = textOf(update);
    expect(card).toContain(en.approved(managerEmail, 3));
    expect(card).toContain(`Approved by ${managerEmail}`);
    expect((update.args.blocks as Block[]).some((b) => b.type === 'actions')).toBe(false);
    expect(card).not.toContain('seat_approve');
    // The card is redrawn, never posted a second time.
    expect(cardPosts(requestId)).toHaveLength(1);

    const dms = dmsTo(ownerSlackId ?? '');
    expect(dms).toHaveLength(1);
    expect(dms[0]?.args.text).toBe(en.decisionDm(true, 2, managerEmail, null));
    expect(String(dms[0]?.args.text)).toContain('approved');
    expect(await t.prisma.outboxMessage.findUnique({ where: { id: decided[0]?.id } })).toMatchObject({
      status: 'SENT',
      lastError: null,
    });
    expect(
      await t.prisma.chatUser.findUnique({
        where: {
          platform_workspaceId_externalUserId: {
            platform: 'slack',
            workspaceId: teamId,
            externalUserId: ownerSlackId ?? '',
          },
        },
      }),
    ).toMatchObject({ email: owner.member.email.toLowerCase() });

    // Delivering again says nothing more.
    const again = fake.calls.length;
    await deliver();
    expect(callsSince(again, 'chat.update').filter((c) => c.args.ts === posted?.messageId)).toHaveLength(0);
    expect(dmsTo(ownerSlackId ?? '')).toHaveLength(1);
  });

  it('once denied, redraws the card with the reason and tells the requester why', async () => {
    const { owner, teamId, ownerSlackId, requestId } = await seatRequest();
    await deliver();
    const posted = await postOf(teamId, requestId);
    const managerEmail = `manager.${suffix()}@example.org`;
    const manager = await memberActor(t.prisma, owner, { email: managerEmail, manager: true });
    await decideSeatRequest(t.prisma, manager, { requestId, decision: 'deny', reason: 'No budget this quarter' });

    const from = fake.calls.length;
    await deliver();
    const update = callsSince(from, 'chat.update').find((c) => c.args.ts === posted?.messageId);
    if (!update) throw new Error('the card was not redrawn');
    expect(textOf(update)).toContain(en.denied(managerEmail, 'No budget this quarter'));
    expect((update.args.blocks as Block[]).some((b) => b.type === 'actions')).toBe(false);
    const dms = dmsTo(ownerSlackId ?? '');
    expect(dms.map((d) => d.args.text)).toEqual([en.decisionDm(false, 2, managerEmail, 'No budget this quarter')]);
  });

  it("tells the requester in their Slack language (fr-FR), whatever the organization's", async () => {
    const { owner, ownerSlackId, requestId } = await seatRequest({ locale: 'en', ownerSlackLocale: 'fr-FR' });
    await deliver();
    const managerEmail = `manager.${suffix()}@example.org`;
    const manager = await memberActor(t.prisma, owner, { email: managerEmail, manager: true });
    await decideSeatRequest(t.prisma, manager, { requestId, decision: 'approve' });
    await deliver();

    const dms = dmsTo(ownerSlackId ?? '');
    expect(dms).toHaveLength(1);
    expect(dms[0]?.args.text).toBe(fr.decisionDm(true, 2, managerEmail, null));
    expect(String(dms[0]?.args.text)).toContain('approuvée');
  });

  it('tells the requester in the language remembered from their last Slack request', async () => {
    const { owner, teamId, ownerSlackId, requestId } = await seatRequest({ locale: 'en', ownerSlackLocale: 'fr-FR' });
    // As a slash command does (src/slack/identify.ts): the user, their e-mail and their locale.
    await rememberChatUser(
      t.prisma,
      { platform: 'slack', externalId: teamId },
      { externalUserId: ownerSlackId ?? '', email: owner.member.email, locale: 'fr-FR' },
    );
    await deliver();
    const managerEmail = `manager.${suffix()}@example.org`;
    const manager = await memberActor(t.prisma, owner, { email: managerEmail, manager: true });
    await decideSeatRequest(t.prisma, manager, { requestId, decision: 'approve' });
    await deliver();
    expect(dmsTo(ownerSlackId ?? '').map((d) => d.args.text)).toEqual([fr.decisionDm(true, 2, managerEmail, null)]);
  });

  it("without a managers' channel, goes to each manager on Slack in a direct message, once", async () => {
    const { organization, owner, teamId, ownerSlackId, requestId, slackUser } = await seatRequest({
      managersChannelId: null,
    });
    const managerEmail = `manager.${suffix()}@example.org`;
    await memberActor(t.prisma, owner, { email: managerEmail, manager: true });
    const managerSlackId = slackUser(managerEmail);
    await memberActor(t.prisma, owner, { email: `plain.${suffix()}@example.org` });
    await deliver();
    const posts = cardPosts(requestId);
    expect(posts.map((p) => p.args.channel).sort()).toEqual([managerSlackId, ownerSlackId].sort());
    expect(await t.prisma.chatPost.count({ where: { workspaceId: teamId } })).toBe(2);
    expect(await onlyNotification(organization.id)).toMatchObject({ status: 'SENT' });
    await deliver();
    expect(cardPosts(requestId)).toHaveLength(2);
  });

  it("is skipped, with a note about /invite settings, when there is no managers' channel and no manager on Slack", async () => {
    const { organization, teamId, requestId } = await seatRequest({ managersChannelId: null, ownerSlackLocale: null });
    const from = fake.calls.length;
    await deliver();
    expect(cardPosts(requestId)).toHaveLength(0);
    expect(callsSince(from, 'chat.update')).toHaveLength(0);
    expect(await postOf(teamId, requestId)).toBeNull();
    const row = await onlyNotification(organization.id);
    // Skipped rows are closed (SENT, never sent: no sent_at) with the reason in last_error.
    expect(row).toMatchObject({ status: 'SENT', sentAt: null });
    expect(row.lastError).toContain('/invite settings');
  });

  it('is skipped when no chat workspace is linked to the organization', async () => {
    const { organization, requestId } = await seatRequest({ linked: false });
    await deliver();
    expect(cardPosts(requestId)).toHaveLength(0);
    const row = await onlyNotification(organization.id);
    expect(row).toMatchObject({
      status: 'SENT',
      sentAt: null,
      lastError: 'no chat workspace is linked to the organization',
    });
  });

  it('waits for the time Slack asks after a 429, then posts the card exactly once', async () => {
    const { organization, teamId, requestId } = await seatRequest();
    fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 30 });
    const before = Date.now();
    await deliver();
    const after = Date.now();

    // Slack refused the one call it received; nothing was recorded as posted or sent.
    expect(cardPosts(requestId)).toHaveLength(1);
    expect(await postOf(teamId, requestId)).toBeNull();
    const waiting = await onlyNotification(organization.id);
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 1, sentAt: null, lastError: 'rate limited by Slack' });
    const at = waiting.nextAttemptAt.getTime();
    expect(at).toBeGreaterThanOrEqual(before + 30_000 - 1_000);
    expect(at).toBeLessThanOrEqual(after + 30_000 + 1_000);

    // Not due before that time.
    const early = fake.calls.length;
    await deliver();
    expect(callsSince(early, 'chat.postMessage').filter((c) => textOf(c).includes(requestId))).toHaveLength(0);
    expect(await onlyNotification(organization.id)).toMatchObject({ status: 'PENDING', attempts: 1 });

    // Due once that time has passed: posted, once.
    const later = new Date(at + 1_000);
    const from = fake.calls.length;
    await deliver({ now: later });
    expect(callsSince(from, 'chat.postMessage').filter((c) => textOf(c).includes(requestId))).toHaveLength(1);
    expect(await postOf(teamId, requestId)).toMatchObject({ channelId: 'CMANAGERS' });
    const sent = await onlyNotification(organization.id);
    expect(sent).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
    expect(sent.sentAt?.getTime()).toBe(later.getTime());

    // One card in all (the refused call and the accepted one), and no more afterwards.
    await deliver({ now: new Date(at + 3_600_000) });
    expect(cardPosts(requestId)).toHaveLength(2);
    expect(fake.callsTo('chat.update').filter((c) => textOf(c).includes(requestId))).toHaveLength(0);
  });

  // A refused channel falls back to the deciders' DMs (test/notifications/unreachable-managers-channel.test.ts).
  it('gives up at once when Slack refuses the message itself for good (invalid_blocks), with the error in last_error', async () => {
    const { organization, teamId, requestId } = await seatRequest();
    fake.failNext('chat.postMessage', { error: 'invalid_blocks' });
    await deliver();
    expect(cardPosts(requestId)).toHaveLength(1);
    expect(await postOf(teamId, requestId)).toBeNull();
    const row = await onlyNotification(organization.id);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1, sentAt: null });
    expect(row.lastError).toBe('Slack: invalid_blocks');

    // Not retried, even much later.
    await deliver({ now: new Date(Date.now() + 86_400_000) });
    expect(cardPosts(requestId)).toHaveLength(1);
    expect(await onlyNotification(organization.id)).toMatchObject({ status: 'FAILED', attempts: 1 });
  });
});

describe('direct messages to the inviter', () => {
  async function invited(options: Parameters<typeof organization>[0] = {}) {
    const org = await organization({ seats: 10, ...options });
    const email = `invitee.${suffix()}@example.org`;
    const result = await invite(t.prisma, org.owner, { emails: [email] });
    const invitationId = result.results[0]?.invitationId ?? '';
    expect(result.results[0]?.outcome).toBe('invited');
    return { ...org, email, invitationId };
  }

  async function expire(invitationId: string) {
    await t.prisma.invitation.update({
      where: { id: invitationId },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });
    expect(await expireDueInvitations(t.prisma, { now: new Date(), limit: 500 })).toBeGreaterThanOrEqual(1);
    expect(await t.prisma.invitation.findUnique({ where: { id: invitationId } })).toMatchObject({ status: 'EXPIRED' });
  }

  it('tells the inviter that an invitation expired', async () => {
    const { organization, owner, ownerSlackId, email, invitationId } = await invited();
    await expire(invitationId);
    const row = await onlyNotification(organization.id);
    expect(row.payload).toEqual({ type: 'invitation.expired', invitationId, recipientId: owner.member.id });

    await deliver();
    const dms = dmsTo(ownerSlackId ?? '');
    expect(dms.map((d) => d.args.text)).toEqual([en.expired(email)]);
    expect(dms[0]?.token).toBe(fake.botToken);
    expect(fake.callsTo('users.lookupByEmail').some((c) => c.args.email === owner.member.email)).toBe(true);
    expect(await t.prisma.outboxMessage.findUnique({ where: { id: row.id } })).toMatchObject({
      status: 'SENT',
      lastError: null,
    });

    await deliver();
    expect(dmsTo(ownerSlackId ?? '')).toHaveLength(1);
  });

  it('tells the inviter that an invitation was accepted', async () => {
    const { organization, ownerSlackId, email, invitationId } = await invited();
    const token = await issueAcceptToken(t.prisma, invitationId);
    await acceptInvitation(t.prisma, {
      token,
      firstName: 'Ana',
      lastName: 'Lima',
      password: 'Zx9!kq2mw',
      passwordConfirmation: 'Zx9!kq2mw',
    });
    await deliver();
    expect(dmsTo(ownerSlackId ?? '').map((d) => d.args.text)).toEqual([en.accepted(email)]);
    expect(await onlyNotification(organization.id)).toMatchObject({ status: 'SENT', lastError: null });
  });

  it("tells the inviter that the invitation e-mail bounced, with SendGrid's reason", async () => {
    const { organization, ownerSlackId, email, invitationId } = await invited();
    await recordEmailEvents(t.prisma, [
      {
        sg_event_id: `sg-${randomUUID()}`,
        event: 'bounce',
        timestamp: Math.floor(Date.now() / 1000),
        reason: '550 5.1.1 mailbox unavailable',
        invitation_id: invitationId,
        outbox_id: undefined,
      },
    ]);
    await deliver();
    expect(dmsTo(ownerSlackId ?? '').map((d) => d.args.text)).toEqual([
      en.bounced(email, 'bounced: 550 5.1.1 mailbox unavailable'),
    ]);
    expect(await onlyNotification(organization.id)).toMatchObject({ status: 'SENT', lastError: null });
  });

  it('speaks French to the inviter of a French organization whose Slack locale is fr-FR', async () => {
    const { ownerSlackId, email, invitationId } = await invited({ locale: 'fr', ownerSlackLocale: 'fr-FR' });
    await expire(invitationId);
    await deliver();
    expect(dmsTo(ownerSlackId ?? '').map((d) => d.args.text)).toEqual([fr.expired(email)]);
  });

  it('skips the message, with a note, when the inviter has no Slack account in the workspace', async () => {
    const { organization, owner, email, invitationId } = await invited({ ownerSlackLocale: null });
    await expire(invitationId);
    const from = fake.calls.length;
    await deliver();
    expect(callsSince(from, 'users.lookupByEmail').map((c) => c.args.email)).toContain(owner.member.email);
    expect(callsSince(from, 'chat.postMessage').filter((c) => String(c.args.text).includes(email))).toHaveLength(0);
    const row = await onlyNotification(organization.id);
    expect(row).toMatchObject({
      status: 'SENT',
      sentAt: null,
      lastError: 'the recipient has no Slack account in this workspace',
    });
  });
});
