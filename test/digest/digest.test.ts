// The managers' channel digest in the domain: its schedule in the organization's time zone (DST
// included), its settings and their refusals, what it counts, "nothing to say" unless "always",
// one digest per period with two schedulers at once, and "Resend the expiring ones" under the cooldown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../src/db/database.js';
import { nextDigestAt, zonedInstant } from '../../src/digest/digest-schedule.js';
import { digestSummary, isEmptyDigest, readDigest } from '../../src/digest/digest-summary.js';
import { postDueDigests } from '../../src/digest/post-due-digests.js';
import { resendExpiring } from '../../src/digest/resend-expiring.js';
import type { AppError } from '../../src/errors/app-error.js';
import { translate } from '../../src/i18n/messages.js';
import { invite } from '../../src/invitations/invite.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { failure, memberActor, newOrganization, refreshed } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const paris = { frequency: 'daily', time: '08:00', weekday: 1, timezone: 'Europe/Paris' };

describe('digest schedule', () => {
  it('puts 08:00 Europe/Paris at the right UTC instant on both sides of a DST change', () => {
    // Winter (UTC+1), then the night of 29 March 2026 (clocks go forward), then summer (UTC+2).
    expect(nextDigestAt(paris, new Date('2026-01-15T12:00:00Z'))?.toISOString()).toBe('2026-01-16T07:00:00.000Z');
    expect(nextDigestAt(paris, new Date('2026-03-28T07:30:00Z'))?.toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(nextDigestAt(paris, new Date('2026-03-29T06:00:00Z'))?.toISOString()).toBe('2026-03-30T06:00:00.000Z');
    // Back to winter on 25 October 2026.
    expect(nextDigestAt(paris, new Date('2026-10-24T07:00:00Z'))?.toISOString()).toBe('2026-10-25T07:00:00.000Z');
    // A time the spring-forward night skips happens an hour later, never not at all.
    expect(zonedInstant('Europe/Paris', 2026, 3, 29, 2 * 60 + 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(
      nextDigestAt({ ...paris, timezone: 'America/New_York' }, new Date('2026-07-01T00:00:00Z'))?.toISOString(),
    ).toBe('2026-07-01T12:00:00.000Z');
  });

  it('is weekly on its day, and off has no next time', () => {
    // 2026-12-04 is a Friday; the next Monday is the 7th.
    const weekly = { ...paris, frequency: 'weekly', weekday: 1 };
    expect(nextDigestAt(weekly, new Date('2026-12-04T10:00:00Z'))?.toISOString()).toBe('2026-12-07T07:00:00.000Z');
    expect(nextDigestAt({ ...weekly, weekday: 5 }, new Date('2026-12-04T06:00:00Z'))?.toISOString()).toBe(
      '2026-12-04T07:00:00.000Z',
    );
    expect(nextDigestAt({ ...paris, frequency: 'off' }, new Date())).toBeNull();
  });
});

describe('digest settings', () => {
  it('schedules the next digest from the settings and refuses wrong values in English and French', async () => {
    const { owner } = await newOrganization(t.prisma);
    await updateOrganizationSetting(t.prisma, owner, 'timezone', 'Europe/Paris');
    await updateOrganizationSetting(t.prisma, owner, 'digest-time', '8:30');
    const org = await updateOrganizationSetting(t.prisma, owner, 'digest', 'weekly');
    expect(org).toMatchObject({ timezone: 'Europe/Paris', digestTime: '08:30', digestFrequency: 'weekly' });
    expect(org.nextDigestAt?.getUTCDay()).toBe(1);
    const friday = await updateOrganizationSetting(t.prisma, owner, 'digest-day', 'vendredi');
    expect(friday.digestWeekday).toBe(5);
    expect(friday.nextDigestAt?.getUTCDay()).toBe(5);
    expect((await updateOrganizationSetting(t.prisma, owner, 'digest-when', 'always')).digestAlways).toBe(true);
    expect((await updateOrganizationSetting(t.prisma, owner, 'digest', 'off')).nextDigestAt).toBeNull();

    for (const [key, value, en, fr] of [
      ['timezone', 'Europe/Atlantis', 'IANA time zone', 'fuseau horaire IANA'],
      ['digest', 'hourly', 'daily, weekly or off', 'quotidien'],
      ['digest-time', '25:00', 'HH:MM', 'HH:MM'],
      ['digest-day', 'someday', 'monday to sunday', 'lundi à dimanche'],
      ['digest-when', 'sometimes', 'always', 'toujours'],
    ] as const) {
      const error = await failure<AppError>(updateOrganizationSetting(t.prisma, owner, key, value));
      expect(error.code).toBe('digest.setting_invalid');
      expect(translate('en', error.code, error.params as never)).toContain(en);
      expect(translate('fr', error.code, error.params as never)).toContain(fr);
    }
  });
});

describe('digest content', () => {
  it('counts pending (and expiring within 48 h), accepted, bounced, held, seat requests and seats', async () => {
    const { owner, organization } = await newOrganization(t.prisma, { seats: 4 });
    const made = await invite(t.prisma, owner, { emails: ['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com', 'e@x.com'] });
    const [a, b, c] = made.results.map((r) => r.invitationId ?? '');
    const now = new Date();
    await t.prisma.invitation.update({ where: { id: a }, data: { expiresAt: new Date(now.getTime() + 3_600_000) } });
    await t.prisma.invitation.update({
      where: { id: b },
      data: { status: 'ACCEPTED', openEmail: null, closedAt: now },
    });
    await t.prisma.emailEvent.create({
      data: { sgEventId: `ev-${c}`, invitationId: c, event: 'bounce', occurredAt: new Date(now.getTime() - 1000) },
    });
    const later = new Date(now.getTime() + 1000);
    const summary = await digestSummary(t.prisma, organization.id, {
      since: new Date(now.getTime() - 86_400_000),
      now: later,
    });
    expect(summary).toMatchObject({ pending: 2, expiringSoon: 1, accepted: 1, bounced: 1, held: 2 });
    expect(summary.seatRequests).toHaveLength(1);
    expect(summary.seatRequests[0]).toMatchObject({
      seatsRequested: 2,
      requestedBy: owner.member.email,
      kind: 'internal',
    });
    expect(summary.seats).toEqual({ internal: { used: 3, limit: 4, remaining: 1 }, external: null });
    expect(isEmptyDigest(summary)).toBe(false);
    // Since a later time, the accepted and bounced ones are not news any more.
    const quiet = await digestSummary(t.prisma, organization.id, { since: later, now: new Date(later.getTime() + 1) });
    expect(quiet).toMatchObject({ accepted: 0, bounced: 0, pending: 2 });
  });

  it('is read by owners, administrators and managers only', async () => {
    const { owner } = await newOrganization(t.prisma);
    const manager = await memberActor(t.prisma, owner, { email: 'm@x.com', manager: true });
    const viewer = await memberActor(t.prisma, owner, { email: 'v@x.com' });
    await expect(readDigest(t.prisma, manager)).resolves.toMatchObject({ pending: 0 });
    expect((await failure<AppError>(readDigest(t.prisma, viewer))).code).toBe('permission.digest');
  });
});

describe('digest job', () => {
  const due = async (organizationId: string, at: Date) =>
    t.prisma.organization.update({ where: { id: organizationId }, data: { nextDigestAt: at } });
  const digestRows = (organizationId: string) =>
    t.prisma.outboxMessage.findMany({
      where: { organizationId, kind: 'notification', idempotencyKey: { startsWith: 'digest:' } },
    });

  it('posts nothing when there is nothing to say, unless "always", and moves the schedule on', async () => {
    const { owner, organization } = await newOrganization(t.prisma);
    await updateOrganizationSetting(t.prisma, owner, 'digest', 'daily');
    const now = new Date();
    await due(organization.id, new Date(now.getTime() - 1000));
    await postDueDigests(t.prisma, { now });
    expect(await digestRows(organization.id)).toHaveLength(0);
    const after = await t.prisma.organization.findUniqueOrThrow({ where: { id: organization.id } });
    expect(after.nextDigestAt?.getTime()).toBeGreaterThan(now.getTime());
    expect(after.lastDigestAt?.toISOString()).toBe(now.toISOString());

    await updateOrganizationSetting(t.prisma, await refreshed(t.prisma, owner), 'digest-when', 'always');
    const periodStart = new Date(now.getTime() + 500);
    await due(organization.id, periodStart);
    await postDueDigests(t.prisma, { now: new Date(now.getTime() + 1000) });
    const rows = await digestRows(organization.id);
    expect(rows.map((r) => r.idempotencyKey)).toEqual([`digest:${organization.id}:${periodStart.toISOString()}`]);
    expect(rows[0]?.payload).toMatchObject({ type: 'digest', periodStart: periodStart.toISOString() });
  });

  it('queues one digest per period with two schedulers running the job at once', async () => {
    const { owner, organization } = await newOrganization(t.prisma);
    await invite(t.prisma, owner, { emails: ['p@x.com'] });
    await updateOrganizationSetting(t.prisma, owner, 'digest', 'daily');
    const periodStart = new Date(Date.now() - 60_000);
    await due(organization.id, periodStart);
    const [a, b] = [createPrismaClient(t.url), createPrismaClient(t.url)];
    try {
      const now = new Date();
      const results = await Promise.all([postDueDigests(a, { now }), postDueDigests(b, { now })]);
      expect(results.reduce((sum, r) => sum + r.queued, 0)).toBe(1);
      // The same period replayed (a schedule moved back by hand) is still queued once: its key.
      await due(organization.id, periodStart);
      await Promise.all([postDueDigests(a, { now }), postDueDigests(b, { now })]);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
    expect(await digestRows(organization.id)).toHaveLength(1);
  });
});

describe('resend the expiring ones', () => {
  it('resends those expiring within 48 hours, leaving those within the cooldown alone', async () => {
    const { owner } = await newOrganization(t.prisma);
    const made = await invite(t.prisma, owner, { emails: ['r1@x.com', 'r2@x.com', 'r3@x.com'] });
    const [r1, r2] = made.results.map((r) => r.invitationId ?? '');
    const now = new Date();
    const soon = new Date(now.getTime() + 3_600_000);
    const longAgo = new Date(now.getTime() - 3 * 86_400_000);
    // r1 e-mailed three days ago, r2 an hour ago (within the 24 h cooldown); r3 not expiring.
    await t.prisma.invitation.update({ where: { id: r1 }, data: { expiresAt: soon, lastSentAt: longAgo } });
    await t.prisma.invitation.update({
      where: { id: r2 },
      data: { expiresAt: soon, lastSentAt: new Date(now.getTime() - 3_600_000) },
    });
    expect(await resendExpiring(t.prisma, owner, now)).toEqual({ resent: 1, cooldown: 1, failed: 0 });
    const renewed = await t.prisma.invitation.findUniqueOrThrow({ where: { id: r1 } });
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(soon.getTime());
    // Clicked again: nothing left expiring but the one in its cooldown.
    expect(await resendExpiring(t.prisma, owner, now)).toEqual({ resent: 0, cooldown: 1, failed: 0 });
  });
});
