// Notifications no chat can carry go by e-mail (issue 13, item 4; issue 12, item 9): with no
// Slack or Teams linked, the inviter hears what became of an invitation and the managers that a
// seat request waits; when Slack refuses Sesame (a revoked token), the notification goes by
// e-mail and the owners learn, once, what to fix. Coalesced like the chat messages.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { deliverNotifications } from '../../src/notifications/deliver-notifications.js';
import { createEmailNotices } from '../../src/notifications/email-notices.js';
import { createSlackNotifier } from '../../src/slack/notify/slack-notifier.js';
import { newOrganization } from '../domain/fixtures.js';
import { fakeTransport } from '../email/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSendgrid, startFakeSendgrid } from '../support/fake-sendgrid.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';

let t: TestDatabase;
let sendgrid: FakeSendgrid;
let slack: FakeSlack;
beforeAll(async () => {
  t = await createTestDatabase();
  sendgrid = await startFakeSendgrid();
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack?.close();
  await sendgrid?.close();
  await t?.close();
});
beforeEach(() => {
  sendgrid.requests.length = 0;
});

const log = createLogger('silent');
const deliver = (db: Db, options: { slackToken?: string; now?: Date } = {}) =>
  deliverNotifications(db, {
    notifiers: options.slackToken
      ? [createSlackNotifier({ db, botToken: options.slackToken, slackApiUrl: slack.apiUrl })]
      : [],
    emailNotices: createEmailNotices({ db, transport: fakeTransport(sendgrid, log) }),
    log,
    now: options.now,
  });

/** An organization whose owner invited `count` addresses; `happen(i)` queues an outcome as the domain does. */
async function inviter(count: number, options: { seats?: number; locale?: 'en' | 'fr' } = {}) {
  const { organization, owner } = await newOrganization(t.prisma, {
    seats: options.seats ?? count + 10,
    locale: options.locale,
  });
  const tag = randomUUID().slice(0, 6);
  const emails = Array.from({ length: count }, (_, i) => `p${i}.${tag}@example.org`);
  const result = await invite(t.prisma, owner, { emails });
  const invitations = result.results.map((r) => r.invitationId ?? '');
  const happen = (i: number, type = 'invitation.accepted') =>
    t.prisma.outboxMessage.create({
      data: {
        organizationId: organization.id,
        kind: 'notification',
        idempotencyKey: `invitation:${invitations[i]}:${type}`,
        payload: { type, invitationId: invitations[i], recipientId: owner.member.id },
      },
    });
  return { organization, owner, emails, invitations, happen, seatRequestId: result.seatRequestId };
}

const mailTo = (address: string) => sendgrid.accepted().filter((m) => m.to === address);

describe('notifications without a chat', () => {
  it('tell the inviter by e-mail what became of an invitation, when no Slack or Teams is linked', async () => {
    const a = await inviter(1);
    await a.happen(0);
    const before = sendgrid.accepted().length;
    const settled = await deliver(t.prisma);
    expect(settled.sent).toBe(1);
    const [mail] = mailTo(a.owner.member.email);
    expect(mail?.subject).toBe(`${a.emails[0]} joined ${a.organization.name}`);
    expect(mail?.text).toContain(`${a.emails[0]} accepted your invitation`);
    expect(sendgrid.accepted().length).toBe(before + 1);
    // Said once: the next run finds nothing to say.
    await deliver(t.prisma);
    expect(mailTo(a.owner.member.email)).toHaveLength(1);
  });

  it('say many outcomes in one summary e-mail per window, in the organization language', async () => {
    const a = await inviter(12, { locale: 'fr' });
    const start = new Date(Date.now() + 1000);
    await a.happen(0);
    await deliver(t.prisma, { now: start });
    for (let i = 1; i < 12; i++) await a.happen(i, i % 2 ? 'invitation.accepted' : 'invitation.expired');
    await deliver(t.prisma, { now: new Date(start.getTime() + 10_000) });
    await deliver(t.prisma, { now: new Date(start.getTime() + 61_000) });
    const mails = mailTo(a.owner.member.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.subject).toBe(`11 nouvelles de vos invitations à ${a.organization.name}`);
    expect(mails[1]?.text).toContain('6 acceptées, 5 expirées.');
    expect(mails[1]?.text).toContain('sesame pending');
  });

  it('tell the managers by e-mail that a seat request waits, with the commands that decide it, once', async () => {
    const a = await inviter(2, { seats: 1 });
    expect(a.seatRequestId).toBeTruthy();
    await deliver(t.prisma);
    const [mail] = mailTo(a.owner.member.email);
    expect(mail?.subject).toMatch(/asks for 2 more seats in /);
    expect(mail?.text).toContain(`sesame requests approve ${a.seatRequestId}`);
    expect(mail?.text).toContain(a.emails[1]);
    await deliver(t.prisma);
    expect(mailTo(a.owner.member.email)).toHaveLength(1);
  });

  it("escape the organization's name and the addresses in the HTML part", async () => {
    const a = await inviter(1);
    await t.prisma.organization.update({
      where: { id: a.organization.id },
      data: { name: `Acme <img src=x onerror=alert(1)> ${randomUUID().slice(0, 4)}` },
    });
    await a.happen(0, 'invitation.expired');
    await deliver(t.prisma);
    const [mail] = mailTo(a.owner.member.email);
    expect(mail?.html).toContain('Acme &lt;img src=x onerror=alert(1)&gt;');
    expect(mail?.html).not.toContain('<img');
  });
});

describe('notifications when Slack refuses Sesame (a revoked token)', () => {
  it('go by e-mail, and the owners learn once what to fix', async () => {
    const a = await inviter(2);
    const teamId = `T${randomUUID().slice(0, 8).toUpperCase()}`;
    await t.prisma.chatWorkspace.create({
      data: { platform: 'slack', externalId: teamId, organizationId: a.organization.id },
    });
    slack.addUser({ id: `U${randomUUID().slice(0, 8).toUpperCase()}`, teamId, email: a.owner.member.email });
    await a.happen(0);
    const start = new Date(Date.now() + 1000);
    await deliver(t.prisma, { slackToken: 'xoxb-revoked', now: start });
    const first = mailTo(a.owner.member.email);
    expect(first.map((m) => m.subject).sort()).toEqual(
      [
        `${a.emails[0]} joined ${a.organization.name}`,
        `Sesame lost its access to Slack for ${a.organization.name}`,
      ].sort(),
    );
    expect(first.find((m) => m.subject.startsWith('Sesame lost'))?.text).toContain('sesame slack link');
    await a.happen(1, 'invitation.expired');
    await deliver(t.prisma, { slackToken: 'xoxb-revoked', now: new Date(start.getTime() + 61_000) });
    const all = mailTo(a.owner.member.email);
    expect(all).toHaveLength(3);
    expect(all.filter((m) => m.subject.startsWith('Sesame lost'))).toHaveLength(1);
  });
});
