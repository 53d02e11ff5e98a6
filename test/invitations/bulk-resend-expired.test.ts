// "Resend all expired in the last N days" (src/invitations/bulk-resend-expired.ts): the preview's
// counts, then one set-based run: new lifetime, new e-mail rows with keys of their own, the
// reminder schedule started over, ONE audit row; what is skipped and why (cooldown, re-invited,
// members, uncovered companies), seats beyond the room held for approval, each kind apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import type { AppError } from '../../src/errors/app-error.js';
import { translate } from '../../src/i18n/messages.js';
import { openInvitationLink } from '../../src/invitations/accept.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { bulkResendExpired, previewBulkResend } from '../../src/invitations/bulk-resend-expired.js';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { invite } from '../../src/invitations/invite.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import type { Actor } from '../../src/permissions/actor.js';
import { seatUsage } from '../../src/seats/seat-usage.js';
import { failure, memberActor, newOrganization, refreshed } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const DAY = 86_400_000;

async function invited(owner: Actor, emails: string[], options: Partial<Parameters<typeof invite>[2]> = {}) {
  const made = await invite(t.prisma, owner, { ...options, emails });
  return made.results.map((r) => r.invitationId ?? '');
}

/** Moves an invitation's dates back by `days` (as if invited and last e-mailed then). */
async function age(ids: string[], days: number): Promise<void> {
  await t.prisma.$executeRawUnsafe(
    `UPDATE invitation SET created_at = created_at - make_interval(days => $2),
            last_sent_at = last_sent_at - make_interval(days => $2), expires_at = expires_at - make_interval(days => $2)
      WHERE id = ANY($1::uuid[])`,
    ids,
    days,
  );
}

/** Invited `days` ago and expired by the job since (lifetime 14 days: expired `days - 14` days ago). */
async function expired(owner: Actor, emails: string[], days = 16, options: Partial<Parameters<typeof invite>[2]> = {}) {
  const ids = await invited(owner, emails, options);
  await age(ids, days);
  await expireDueInvitations(t.prisma);
  return ids;
}

const auditRows = (owner: Actor, action: string) =>
  t.prisma.auditEvent.findMany({ where: { organizationId: owner.organization.id, action } });

const emailKeys = async (ids: string[]) =>
  (
    await t.prisma.outboxMessage.findMany({
      where: {
        kind: 'invitation.email',
        idempotencyKey: { in: ids.flatMap((id) => [1, 2, 3].map((n) => `invitation:${id}:send:${n}`)) },
      },
      select: { idempotencyKey: true },
    })
  )
    .map((row) => row.idempotencyKey)
    .sort();

describe('resend all expired in the last N days', () => {
  it('counts first, then brings them back once: new lifetime and link, e-mails of their own, one audit row', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 20 });
    const recent = await expired(owner, ['ana@x.com', 'bo@x.com', 'cy@x.com']);
    const [old] = await expired(owner, ['old@x.com'], 40); // expired 26 days ago: outside 7 days
    const [reminded] = await expired(owner, ['late@x.com']);
    // An admin's "remind now" an hour before it expired: still within the 24 h cooldown.
    await t.prisma.invitation.update({
      where: { id: reminded },
      data: { lastSentAt: new Date(Date.now() - 2 * 3_600_000) },
    });
    await expired(owner, ['again@x.com']);
    await invited(owner, ['again@x.com']); // invited anew meanwhile
    await expired(owner, ['joined@x.com']);
    await t.prisma.member.create({
      data: {
        organizationId: owner.organization.id,
        email: 'joined@x.com',
        username: 'joined',
        role: 'viewer',
        userType: 'creator',
      },
    });
    const [oldToken] = await Promise.all(recent.map((id) => issueAcceptToken(t.prisma, id)));

    const preview = await previewBulkResend(t.prisma, owner, { days: 7 });
    expect(preview).toEqual({
      days: 7,
      count: 3,
      held: 0,
      sample: ['ana@x.com', 'bo@x.com', 'cy@x.com'],
      skipped: { member: 1, reinvited: 1, usernameTaken: 0, uncovered: 0, cooldown: 1 },
    });
    expect(await t.prisma.invitation.count({ where: { id: { in: recent }, status: 'EXPIRED' } })).toBe(3);

    const before = Date.now();
    const done = await bulkResendExpired(t.prisma, owner, { days: '7', expected: 3 });
    expect(done).toMatchObject({ count: 3, held: 0, changed: false, expected: 3, skipped: preview.skipped });
    expect([...done.ids].sort()).toEqual([...recent].sort());
    const rows = await t.prisma.invitation.findMany({ where: { id: { in: recent } } });
    for (const row of rows) {
      expect(row).toMatchObject({
        status: 'PENDING',
        openEmail: row.email,
        closedAt: null,
        sendCount: 2,
        remindersSent: 0,
      });
      expect(row.expiresAt.getTime() - before).toBeGreaterThan(14 * DAY - 60_000);
      expect(row.expiresAt.getTime() - before).toBeLessThan(14 * DAY + 60_000);
      expect((row.nextReminderAt?.getTime() ?? 0) - before).toBeGreaterThan(3 * DAY - 60_000);
    }
    // One e-mail each, keyed apart from the first send.
    expect(await emailKeys(recent)).toEqual(
      recent.flatMap((id) => [`invitation:${id}:send:1`, `invitation:${id}:send:2`]).sort(),
    );
    const payload = await t.prisma.outboxMessage.findUnique({
      where: { idempotencyKey: `invitation:${recent[0]}:send:2` },
    });
    expect(payload?.payload).toEqual({ invitationId: recent[0], reason: 'resend' });
    // A new link opens it (tokens are minted when the e-mail leaves).
    const fresh = await issueAcceptToken(t.prisma, recent[0] ?? '');
    expect((await openInvitationLink(t.prisma, fresh)).invitation.id).toBe(recent[0]);
    expect((await openInvitationLink(t.prisma, oldToken ?? '')).invitation.id).toBe(recent[0]);

    const [audit, ...more] = await auditRows(owner, 'invitation.bulk_resent');
    expect(more).toEqual([]);
    expect(audit).toMatchObject({ actorEmail: owner.member.email, channel: 'cli', subjectType: 'organization' });
    expect(audit?.data).toEqual({ count: 3, ids: [...recent].sort(), held: 0, days: 7, skipped: preview.skipped });
    expect(await t.prisma.invitation.findUnique({ where: { id: old } })).toMatchObject({ status: 'EXPIRED' });
    expect(await t.prisma.invitation.findUnique({ where: { id: reminded } })).toMatchObject({ status: 'EXPIRED' });

    // The same action again does nothing: no e-mail, no audit row.
    const again = await bulkResendExpired(t.prisma, owner, { days: 7, expected: 3 });
    expect(again).toMatchObject({ count: 0, changed: true, ids: [] });
    expect(await emailKeys(recent)).toHaveLength(6);
    expect(await auditRows(owner, 'invitation.bulk_resent')).toHaveLength(1);

    // Wider: the old one too (the others are still skipped, the cooldown one among them).
    const wider = await bulkResendExpired(t.prisma, owner, { days: 30 });
    expect(wider).toMatchObject({ count: 1, ids: [old], skipped: { cooldown: 1, member: 1, reinvited: 1 } });
  });

  it('holds those beyond the room of their kind for approval, internal and external apart', async () => {
    const { owner: first } = await newOrganization(t.prisma, { seats: 4 }); // the owner takes one
    await addCompany(t.prisma, first, { name: 'JLO' });
    await addCompany(t.prisma, first, { name: 'Other' });
    await setCompanySecured(t.prisma, first, 'JLO', true);
    await updateOrganizationSetting(t.prisma, first, 'external-seats', '1');
    const owner = await refreshed(t.prisma, first);
    const internal = await expired(owner, ['in1@x.com', 'in2@x.com', 'in3@x.com']);
    const [ext] = await expired(owner, ['ext@jlo.example'], 16, { company: 'JLO' });
    await setCompanySecured(t.prisma, owner, 'Other', true);
    const [other] = await expired(owner, ['ext@other.example'], 16, { company: 'Other' });
    await setCompanySecured(t.prisma, owner, 'Other', false); // no longer covered
    await invited(owner, ['now@x.com']); // 2 internal seats used now: room for 2

    const preview = await previewBulkResend(t.prisma, owner, { days: 7 });
    expect(preview).toMatchObject({ count: 4, held: 1, skipped: { uncovered: 1 } });
    const done = await bulkResendExpired(t.prisma, owner, { days: 7 });
    expect(done).toMatchObject({ count: 4, held: 1 });
    const status = async (id: string | undefined) =>
      t.prisma.invitation.findUniqueOrThrow({ where: { id: id ?? '' }, include: { seatRequest: true } });
    expect((await status(internal[0])).status).toBe('PENDING');
    expect((await status(internal[1])).status).toBe('PENDING');
    const held = await status(internal[2]);
    expect(held).toMatchObject({ status: 'AWAITING_APPROVAL', nextReminderAt: null, sendCount: 1 });
    expect(held.seatRequest).toMatchObject({ kind: 'internal', status: 'PENDING', seatsRequested: 1 });
    expect(await emailKeys([held.id])).toEqual([`invitation:${held.id}:send:1`]); // not e-mailed until approved
    expect(await status(ext)).toMatchObject({ status: 'PENDING', suspended: false });
    expect(await status(other)).toMatchObject({ status: 'EXPIRED' });
    expect((await seatUsage(t.prisma, owner.organization.id, 'internal')).used).toBe(4);
    expect((await seatUsage(t.prisma, owner.organization.id, 'external')).used).toBe(1);
    expect(await auditRows(owner, 'seat_request.created')).toHaveLength(1);
  });

  it('leaves other organizations alone, refuses a plain member, and checks the days', async () => {
    const { owner } = await newOrganization(t.prisma);
    const { owner: elsewhere } = await newOrganization(t.prisma);
    const [theirs] = await expired(elsewhere, ['theirs@x.com']);
    const [ours] = await expired(owner, ['ours@x.com']);
    await expired(owner, ['named@x.com'], 16, { username: 'named.one' });
    await t.prisma.member.create({
      data: {
        organizationId: owner.organization.id,
        email: 'other@x.com',
        username: 'named.one',
        role: 'viewer',
        userType: 'creator',
      },
    });
    const viewer = await memberActor(t.prisma, owner, { email: 'viewer@x.com' });
    expect((await failure(previewBulkResend(t.prisma, viewer, { days: 7 }))).code).toBe('permission.invite');
    expect((await failure(bulkResendExpired(t.prisma, viewer, { days: 7 }))).code).toBe('permission.invite');

    expect(await bulkResendExpired(t.prisma, owner, { days: 7 })).toMatchObject({
      count: 1,
      ids: [ours],
      skipped: { usernameTaken: 1 },
    });
    expect(await t.prisma.invitation.findUnique({ where: { id: theirs } })).toMatchObject({ status: 'EXPIRED' });

    for (const days of [0, 366, 1.5, 'seven', '', '-3', null]) {
      const error = await failure<AppError>(previewBulkResend(t.prisma, owner, { days }));
      expect(error.code, String(days)).toBe('bulk.days_invalid');
    }
    const error = await failure<AppError>(bulkResendExpired(t.prisma, owner, { days: 'seven' }));
    expect(translate('en', error.code, error.params as never)).toBe(
      '"seven" is not a usable number of days: type a whole number from 1 to 365.',
    );
    expect(translate('fr', error.code, error.params as never)).toBe(
      "« seven » n'est pas un nombre de jours utilisable\u00a0: saisissez un nombre entier de 1 à 365.",
    );
  });
});
