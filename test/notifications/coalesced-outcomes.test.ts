// Notification storms (issue 12, item 17): an inviter's outcomes (accepted, expired, bounced,
// undeliverable) are said one by one while they are single, and in one summary per window when
// they come in numbers; each row is settled once, even with two deliverers at work at once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatTexts } from '../../src/chat/rendering/texts.js';
import { createPrismaClient, type Db } from '../../src/db/database.js';
import type { Locale } from '../../src/i18n/locale.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { claimOutcomes } from '../../src/notifications/claim-outcomes.js';
import { deliverNotifications } from '../../src/notifications/deliver-notifications.js';
import { outcomeWindowMs } from '../../src/notifications/outcome-policy.js';
import { settle } from '../../src/outbox/settle-outbox.js';
import { createSlackNotifier } from '../../src/slack/notify/slack-notifier.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';

let t: TestDatabase;
let slack: FakeSlack;
beforeAll(async () => {
  t = await createTestDatabase();
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack?.close();
  await t?.close();
});

const log = createLogger('silent');
const deliver = (db: Db, now: Date) =>
  deliverNotifications(db, {
    notifiers: [createSlackNotifier({ db, botToken: slack.botToken, slackApiUrl: slack.apiUrl })],
    log,
    now,
  });

/** An organization on Slack whose owner (a Slack user) invited `count` addresses. */
async function inviter(count: number, locale: Locale = 'en') {
  const { organization, owner } = await newOrganization(t.prisma, { seats: count + 10, locale });
  const teamId = `T${randomUUID().slice(0, 8).toUpperCase()}`;
  await t.prisma.chatWorkspace.create({
    data: { platform: 'slack', externalId: teamId, organizationId: organization.id },
  });
  const slackId = `U${randomUUID().slice(0, 10).toUpperCase()}`;
  slack.addUser({ id: slackId, teamId, email: owner.member.email, locale: locale === 'fr' ? 'fr-FR' : 'en-US' });
  const s = randomUUID().slice(0, 6);
  const emails = Array.from({ length: count }, (_, i) => `p${i}.${s}@example.org`);
  const result = await invite(t.prisma, owner, { emails });
  const invitations = result.results.map((r) => r.invitationId ?? '');
  /** Queues an outcome of invitation `i`, as the domain does (one row per event). */
  const happen = (i: number, type = 'invitation.accepted') =>
    t.prisma.outboxMessage.create({
      data: {
        organizationId: organization.id,
        kind: 'notification',
        idempotencyKey: `invitation:${invitations[i]}:${type}`,
        payload: { type, invitationId: invitations[i], recipientId: owner.member.id },
      },
    });
  const dms = () =>
    slack
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === slackId)
      .map((c) => String(c.args.text));
  const rows = () =>
    t.prisma.outboxMessage.findMany({ where: { organizationId: organization.id, kind: 'notification' } });
  return { organization, owner, emails, invitations, happen, dms, rows };
}

const at = (start: number, seconds: number) => new Date(start + seconds * 1000);
/** How many events a message says: a summary's figure, or one. */
const eventsIn = (text: string) => Number(/^📬 (\d+) /.exec(text)?.[1] ?? 1);

describe("an inviter's outcomes", () => {
  it('alone, each is its own direct message; in numbers, one summary per window with counts, the first addresses and the pending list', async () => {
    const en = chatTexts('en');
    const a = await inviter(40);
    const start = Date.now() + 1000;
    await a.happen(0);
    await deliver(t.prisma, at(start, 0));
    expect(a.dms()).toEqual([en.accepted(a.emails[0] ?? '')]);

    // 30 acceptances and 2 expiries within the window after that message: held, not said...
    for (let i = 1; i <= 30; i++) await a.happen(i);
    await a.happen(31, 'invitation.expired');
    await a.happen(32, 'invitation.expired');
    await deliver(t.prisma, at(start, 30));
    expect(a.dms()).toHaveLength(1);
    // ...then said in one summary when it ends.
    await deliver(t.prisma, new Date(start + outcomeWindowMs + 1000));
    const dms = a.dms();
    expect(dms).toHaveLength(2);
    expect(dms[1]).toBe(
      `📬 32 updates on your invitations: 30 accepted, 2 expired.\n${a.emails.slice(1, 6).join(', ')} and 27 more.\nSee who has not answered yet with \`/invite pending\`.`,
    );
    const rows = await a.rows();
    expect(rows.filter((r) => r.status === 'SENT' && r.sentAt)).toHaveLength(33);
  });

  it('names hostile addresses escaped, in French with its spacing, and a single event after a quiet window is a plain message again', async () => {
    const fr = chatTexts('fr');
    const a = await inviter(3, 'fr');
    await t.prisma.invitation.update({ where: { id: a.invitations[0] }, data: { email: '<!here>@example.org' } });
    const start = Date.now() + 1000;
    await a.happen(0);
    await a.happen(1, 'invitation.undeliverable');
    await deliver(t.prisma, at(start, 0));
    expect(a.dms()).toEqual([
      `📬 2 nouvelles de vos invitations\u00a0: 1 acceptée, 1 non envoyée.\n&lt;!here&gt;@example.org, ${a.emails[1]}.\nVoyez qui n'a pas encore répondu avec \`/invite pending\`.`,
    ]);
    await a.happen(2, 'invitation.expired');
    await deliver(t.prisma, at(start, 2 * 60 + 5));
    expect(a.dms()[1]).toBe(fr.expired(a.emails[2] ?? ''));
  });

  it('with two deliverers at work at once, every event is said exactly once, in a few messages', async () => {
    const db2 = createPrismaClient(t.url);
    try {
      const inviters = [await inviter(40), await inviter(40)];
      const start = Date.now() + 1000;
      // Four waves of 10 events per inviter, at 0, 20, 40 and 70 s; both deliverers run every 10 s.
      const waves = new Map([
        [0, 0],
        [20, 1],
        [40, 2],
        [70, 3],
      ]);
      for (let second = 0; second <= 200; second += 10) {
        const wave = waves.get(second);
        if (wave !== undefined) {
          for (const a of inviters) for (let i = 0; i < 10; i++) await a.happen(wave * 10 + i);
        }
        await Promise.all([deliver(t.prisma, at(start, second)), deliver(db2, at(start, second))]);
      }
      for (const a of inviters) {
        const rows = await a.rows();
        expect(rows).toHaveLength(40);
        expect(rows.every((r) => r.status === 'SENT' && r.sentAt !== null)).toBe(true);
        const dms = a.dms();
        expect(dms.reduce((sum, text) => sum + eventsIn(text), 0)).toBe(40);
        expect(dms.length).toBeLessThanOrEqual(4);
      }
    } finally {
      await db2.$disconnect();
    }
  });

  it('survives a deliverer that claims and dies: the rows come back after the lease, are said once, and its late verdicts are fenced off', async () => {
    const a = await inviter(5);
    for (let i = 0; i < 5; i++) await a.happen(i);
    const start = Date.now() + 1000;
    // A deliverer claims every row, then stalls past its lease (it never posts).
    const stalled = await claimOutcomes(t.prisma, { now: at(start, 0), leaseMs: 60_000 });
    const mine = stalled.filter((g) => g.organizationId === a.organization.id).flatMap((g) => g.rows);
    expect(mine).toHaveLength(5);
    await deliver(t.prisma, at(start, 30)); // still leased: nothing said
    expect(a.dms()).toHaveLength(0);
    await deliver(t.prisma, at(start, 61)); // the lease has passed: said once, in one summary
    expect(a.dms()).toEqual([expect.stringMatching(/^📬 5 updates on your invitations: 5 accepted\./)]);
    // The stalled deliverer wakes up and records a failure: its claim is no longer valid.
    const late = await settle(
      t.prisma,
      mine.map((message) => ({ message, verdict: { type: 'failed', retryable: true, error: 'late' } as const })),
      { now: at(start, 62), maxAttempts: 10, log },
    );
    expect(late).toEqual({ sent: 0, skipped: 0, retried: 0, failed: 0 });
    expect((await a.rows()).every((r) => r.status === 'SENT' && r.lastError === null)).toBe(true);
  });
});
