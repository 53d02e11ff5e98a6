// The Teams defects found in review, each shown here over HTTP with Activity JSON as Teams sends
// it (and the fake Bot Connector behaving as Teams does: 503s, slow updates, 413 over 100 KB).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkCode } from '../../src/chat/workspaces/link-codes.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { deliverNotifications } from '../../src/notifications/deliver-notifications.js';
import { createTeamsNotifier } from '../../src/teams/notify/teams-notifier.js';
import { MAX_MESSAGE_BYTES, utf16Bytes } from '../support/card-validation.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import {
  adaptiveCardActionInvoke,
  conversationUpdate,
  fileAttachment,
  messageActivity,
  taskFetchInvoke,
  taskSubmitInvoke,
} from '../support/teams-requests.js';
import {
  checkCardsAfterEach,
  linkedTenant,
  post,
  sentTo,
  startTeams,
  type TeamsHarness,
  type TeamsPerson,
} from './support.js';

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

async function say(person: TeamsPerson, text: string, options: { locale?: string; attachments?: unknown[] } = {}) {
  const from = h.fake.calls.length;
  const conversation = person.personal;
  const res = await post(h, messageActivity({ text, user: person, conversation, serviceUrl: h.fake.url, ...options }));
  expect(res.status).toBe(200);
  return sentTo(h, conversation.id, from).join('\n');
}

const notifier = () => createTeamsNotifier({ db: t.prisma, api: h.service.app.api });
const deliver = () => deliverNotifications(t.prisma, { notifiers: [notifier()], log: createLogger('silent') });

describe('a failed roster lookup', () => {
  it('says Teams could not be reached, and does not lock the user out afterwards', async () => {
    const w = await linkedTenant(t, h, { seats: 5 });
    h.fake.failNext(/\/members\//, 503);
    const first = await say(w.ownerUser, 'seats');
    expect(first).toContain('could not reach Microsoft Teams');
    expect(first).not.toContain('confirmed e-mail');
    // Nothing was cached from the failure: the next message is answered.
    expect(await say(w.ownerUser, 'seats')).toContain('1 of 5 used');
  });

  it('says so when the activity has no serviceUrl to look the user up with, and caches nothing', async () => {
    const w = await linkedTenant(t, h);
    const base = { user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url };
    const { serviceUrl: _none, ...withoutServiceUrl } = adaptiveCardActionInvoke({
      ...base,
      verb: 'pending_page',
      data: { list: { page: 1 } },
    });
    const answer = JSON.stringify((await post(h, withoutServiceUrl)).json);
    expect(answer).toContain('could not reach Microsoft Teams');
    expect(answer).not.toContain('confirmed e-mail');
    const again = await post(
      h,
      adaptiveCardActionInvoke({ ...base, verb: 'pending_page', data: { list: { page: 1 } } }),
    );
    expect(JSON.stringify(again.json)).toContain('0 matches');
  });
});

describe("the managers' channel", () => {
  it('is stored without the thread of the message that chose it, so seat cards are new posts', async () => {
    const w = await linkedTenant(t, h, { seats: 1 });
    const thread = { ...w.channel, id: `${w.channel.id};messageid=1700000000123` };
    await post(
      h,
      messageActivity({ text: 'settings', user: w.ownerUser, conversation: thread, serviceUrl: h.fake.url }),
    );
    const workspace = await t.prisma.chatWorkspace.findFirstOrThrow({ where: { externalId: w.tenantId } });
    expect(workspace.managersChannelId).toBe(w.channel.id);
    expect(workspace.managersChannelRef).toMatchObject({ conversation: { id: w.channel.id } });

    const { seatRequestId } = await invite(t.prisma, w.owner, {
      emails: ['thread1@example.com', 'thread2@example.com'],
    });
    await deliver();
    const card = await h.fake.waitFor(
      (c) => c.method === 'POST' && JSON.stringify(c.body).includes(String(seatRequestId)),
    );
    expect(card.path).toBe(`/v3/conversations/${w.channel.id}/activities`);
  });

  it('stored with a thread by an earlier version still gets new posts', async () => {
    const w = await linkedTenant(t, h, { seats: 1 });
    const threaded = `${w.channel.id};messageid=1700000000456`;
    await t.prisma.chatWorkspace.update({
      where: { platform_externalId: { platform: 'teams', externalId: w.tenantId } },
      data: {
        managersChannelId: threaded,
        managersChannelRef: {
          serviceUrl: h.fake.url,
          channelId: 'msteams',
          conversation: { id: threaded, conversationType: 'channel', tenantId: w.tenantId },
          bot: { id: '28:bot-id', name: 'Sesame' },
          user: { id: w.ownerUser.id },
        },
      },
    });
    const { seatRequestId } = await invite(t.prisma, w.owner, { emails: ['old1@example.com', 'old2@example.com'] });
    await deliver();
    const card = await h.fake.waitFor(
      (c) => c.method === 'POST' && JSON.stringify(c.body).includes(String(seatRequestId)),
    );
    expect(card.path).toBe(`/v3/conversations/${w.channel.id}/activities`);
  });
});

describe('the Approve click', () => {
  it('is answered before the channel card is updated', async () => {
    const w = await linkedTenant(t, h, { seats: 1 });
    const manager = await w.member('quick.mgr@acme.example', 'viewer', true);
    const { seatRequestId } = await invite(t.prisma, w.owner, { emails: ['q1@example.com', 'q2@example.com'] });
    const cardId = '1700000000777';
    h.fake.delayNext(new RegExp(`/activities/${cardId}$`), 3000);
    const started = Date.now();
    const answer = await post(
      h,
      adaptiveCardActionInvoke({
        verb: 'seat_approve',
        data: { requestId: seatRequestId },
        user: manager,
        conversation: w.channel,
        serviceUrl: h.fake.url,
        replyToId: cardId,
      }),
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(JSON.stringify(answer.json)).toContain('Approved by');
    await h.fake.waitFor((c) => c.method === 'PUT' && c.activityId === cardId);
  });
});

describe("replies within Teams' size limits", () => {
  it('summarizes 1,500 invitations in one message under 100 KB, pointing to the full list', async () => {
    const w = await linkedTenant(t, h, { seats: 2000 });
    const emails = Array.from({ length: 1500 }, (_, i) => `bulk.invitee.${i}@example.com`);
    const answer = await say(w.ownerUser, `invite ${emails.join(' ')}`);
    expect(await t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(1500);
    expect(answer).toContain('1500 addresses');
    expect(answer).toContain('more: type `pending`');
    expect(answer).not.toMatch(/try again/i);
    const sent = h.fake.calls.filter((c) => c.conversationId === w.ownerUser.personal.id && c.method === 'POST');
    for (const call of sent) expect(utf16Bytes(call.body)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(sent.every((c) => !c.failed)).toBe(true);
  });

  it('keeps an import review quoting long cells under the card limit', async () => {
    const w = await linkedTenant(t, h);
    const long = (i: number) => `${'x'.repeat(3000)}${i}@example.com`;
    const rows = Array.from({ length: 150 }, (_, i) => `${long(i)},Long${i}`);
    const csv = `Email,First Name\nok.person@example.com,Ok\n${rows.join('\n')}\n`;
    const file = h.fake.addFile({ name: 'long.csv', content: csv });
    const review = await say(w.ownerUser, 'import', { attachments: [fileAttachment('long.csv', file)] });
    expect(review).toContain('Review the import');
    expect(review).toContain('more rows with an error');
    // checkCardsAfterEach holds the card to Microsoft's 28 KB.
  });

  it('never says "try again" after the work was done, when Teams refuses the answer', async () => {
    const w = await linkedTenant(t, h);
    h.fake.failNext(new RegExp(`/conversations/${w.ownerUser.personal.id}/activities$`), 500);
    const answer = await say(w.ownerUser, 'invite done.once@example.com');
    expect(await t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(1);
    expect(answer).toContain('nothing needs doing again');
    expect(answer).not.toMatch(/try again/i);
  });
});

describe('submissions Sesame cannot read', () => {
  it('get a validation message, not "something went wrong"', async () => {
    const w = await linkedTenant(t, h, { seats: 1 });
    const base = { user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url };
    const answers = [
      await post(h, adaptiveCardActionInvoke({ ...base, verb: 'seat_approve', data: { requestId: 'not-a-uuid' } })),
      await post(h, adaptiveCardActionInvoke({ ...base, verb: 'pending_resend', data: { id: 42 } })),
      await post(h, adaptiveCardActionInvoke({ ...base, verb: 'import_confirm', data: {} })),
      await post(h, taskSubmitInvoke({ ...base, data: { verb: 'invite_form', emails: ['a@example.com'] } })),
      await post(h, taskSubmitInvoke({ ...base, data: { verb: 'add_member_form', email: { x: 1 } } })),
      await post(h, taskFetchInvoke({ ...base, data: { verb: 'reissue_password' } })),
    ].map((a) => JSON.stringify(a.json));
    for (const answer of answers) {
      expect(answer).toContain('sent values Sesame cannot read');
      expect(answer).not.toContain('Something went wrong');
    }
    expect(h.logs.filter((line) => line.includes(' ERROR '))).toEqual([]);
  });
});

describe('the dialog summary', () => {
  it('renders bold in the conversation, as the typed command does', async () => {
    const w = await linkedTenant(t, h);
    const base = { user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url };
    const from = h.fake.calls.length;
    await post(
      h,
      taskSubmitInvoke({
        ...base,
        data: { verb: 'invite_form', emails: 'bold@example.com', assignment: 'viewer/viewer' },
      }),
    );
    const fromDialog = sentTo(h, w.ownerUser.personal.id, from).join('\n');
    const typed = await say(w.ownerUser, 'invite bold2@example.com');
    expect(typed).toContain('**Invitations**');
    expect(fromDialog).toContain('**Invitations**');
  });
});

describe('Teams words in Teams', () => {
  const slackWords = /\/invite|workspace|espace de travail|Slack|users:read/;

  it('in help for an unknown command, linking, a missing e-mail and an expired import', async () => {
    const w = await linkedTenant(t, h);
    const said: string[] = [
      await say(w.ownerUser, 'frobnicate'),
      await say(w.ownerUser, 'frobnicate', { locale: 'fr-FR' }),
    ];
    const { code } = await createLinkCode(t.prisma, w.owner, { platform: 'teams' });
    const tenant = randomUUID();
    const admin = w.person('admin@newtenant.example');
    const other = { ...admin, personal: { ...admin.personal, tenantId: tenant } };
    h.fake.addUser({ id: other.id, aadObjectId: other.aadObjectId, email: other.email, tenantId: tenant });
    said.push(await say(other, `link ${code}`), await say(w.ownerUser, `link ${code}`));
    const nameless = { ...w.person('nameless@acme.example'), id: `29:${randomUUID()}` };
    h.fake.addUser({ id: nameless.id, aadObjectId: nameless.aadObjectId, email: '', tenantId: w.tenantId });
    said.push(await say(nameless, 'seats'));
    const base = { user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url };
    said.push(
      JSON.stringify(
        (await post(h, adaptiveCardActionInvoke({ ...base, verb: 'import_confirm', data: { draftId: randomUUID() } })))
          .json,
      ),
    );
    expect(said.join('\n')).toContain('now linked');
    for (const text of said) expect(text).not.toMatch(slackWords);
  });

  it('in the personal welcome (no `settings` "here") and in the undeliverable notice', async () => {
    const w = await linkedTenant(t, h);
    const from = h.fake.calls.length;
    await post(
      h,
      conversationUpdate({ user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url }),
    );
    const welcome = sentTo(h, w.ownerUser.personal.id, from).join();
    expect(welcome).toContain('Sesame');
    expect(welcome).not.toContain('settings');
    const workspace = await t.prisma.chatWorkspace.findFirstOrThrow({ where: { externalId: w.tenantId } });
    await say(w.ownerUser, 'help');
    const before = h.fake.calls.length;
    const verdict = await notifier().deliver(
      workspace,
      {
        type: 'invitation.undeliverable',
        invitationEmail: 'gone@example.com',
        recipient: { memberId: w.owner.member.id, email: w.owner.member.email },
        organizationLocale: 'en',
      },
      new Date(),
    );
    expect(verdict.type).toBe('sent');
    const notice = sentTo(h, w.ownerUser.personal.id, before).join();
    expect(notice).toContain('gone@example.com');
    expect(notice).not.toMatch(slackWords);
  });
});

describe('French typography', () => {
  it('puts a non-breaking space before : ; ? ! in what a French user reads', async () => {
    const w = await linkedTenant(t, h, { seats: 3 });
    await invite(t.prisma, w.owner, { emails: ['fr1@example.com', "o'bad@example.com"] });
    const base = { user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url, locale: 'fr-FR' };
    const from = h.fake.calls.length;
    const answers = h.answers.length;
    for (const text of ['seats', 'pending', 'aide', 'frobnicate', "invite ok@example.com o'neil@example.com"]) {
      await post(h, messageActivity({ ...base, text }));
    }
    await post(h, taskFetchInvoke({ ...base, data: { verb: 'invite_form' } }));
    await post(h, taskSubmitInvoke({ ...base, data: { verb: 'invite_form', emails: "x'y@example.com" } }));
    await post(h, adaptiveCardActionInvoke({ ...base, verb: 'pending_page', data: { list: { page: 1 } } }));
    const read = [
      ...h.fake.calls.slice(from).map((c) => JSON.stringify(c.body)),
      ...h.answers.slice(answers).map((a) => JSON.stringify(a)),
    ].join('\n');
    expect(read).toContain('\u00a0:');
    expect(read.match(/.{0,30} [:;?!].{0,10}/g) ?? []).toEqual([]);
  });
});
