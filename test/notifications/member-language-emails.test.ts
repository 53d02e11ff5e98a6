// Issue 17, item 3: a member's language drives their e-mails. The notifications e-mailed when no
// chat carries them follow it too: the inviter hears what became of an invitation in their own
// language, and an owner learns in theirs that the chat's access was lost; without one set, the
// organization's.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeWords } from '../../src/email/templates/notice-texts.js';
import type { Locale } from '../../src/i18n/locale.js';
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

const log = createLogger('silent');
/** With a Slack token, the organizations linked to Slack are tried there first ('xoxb-revoked': refused). */
const deliver = (slackToken?: string) =>
  deliverNotifications(t.prisma, {
    notifiers: slackToken
      ? [createSlackNotifier({ db: t.prisma, botToken: slackToken, slackApiUrl: slack.apiUrl })]
      : [],
    emailNotices: createEmailNotices({ db: t.prisma, transport: fakeTransport(sendgrid, log) }),
    log,
  });

/** An organization whose owner (language `language`) invited one address, which was then accepted. */
async function acceptedInvitation(locale: Locale, language: Locale | null) {
  const { organization, owner } = await newOrganization(t.prisma, { locale });
  await t.prisma.member.update({ where: { id: owner.member.id }, data: { language } });
  const email = `p.${randomUUID().slice(0, 8)}@example.org`;
  const invitationId = (await invite(t.prisma, owner, { emails: [email] })).results[0]?.invitationId ?? '';
  await t.prisma.outboxMessage.create({
    data: {
      organizationId: organization.id,
      kind: 'notification',
      idempotencyKey: `invitation:${invitationId}:invitation.accepted`,
      payload: { type: 'invitation.accepted', invitationId, recipientId: owner.member.id },
    },
  });
  return { organization, owner, email };
}

const subjectsTo = (address: string) =>
  sendgrid
    .accepted()
    .filter((m) => m.to === address)
    .map((m) => m.subject);

describe('notifications e-mailed for want of a chat', () => {
  it("tell an inviter whose language is set in it; one without, in the organization's", async () => {
    const set = await acceptedInvitation('en', 'fr');
    const unset = await acceptedInvitation('fr', null);
    await deliver();
    expect(subjectsTo(set.owner.member.email)).toEqual([
      noticeWords('fr').accepted(set.email, set.organization.name).subject,
    ]);
    expect(subjectsTo(unset.owner.member.email)).toEqual([
      noticeWords('fr').accepted(unset.email, unset.organization.name).subject,
    ]);
  });

  it("tell an owner whose language is set, in it, that the chat's access was lost", async () => {
    const a = await acceptedInvitation('en', 'fr');
    const teamId = `T${randomUUID().slice(0, 8).toUpperCase()}`;
    await t.prisma.chatWorkspace.create({
      data: { platform: 'slack', externalId: teamId, organizationId: a.organization.id },
    });
    await deliver('xoxb-revoked');
    const org = a.organization.name;
    expect(subjectsTo(a.owner.member.email).sort()).toEqual(
      [
        noticeWords('fr').accepted(a.email, org).subject,
        noticeWords('fr').chatAccessLost({ org, platform: 'slack', cause: '' }).subject,
      ].sort(),
    );
  });
});
