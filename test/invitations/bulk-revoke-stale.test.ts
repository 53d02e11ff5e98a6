// "Revoke all pending older than N days" (src/invitations/bulk-revoke-stale.ts): the preview's
// count, then one set-based run with a single revoke's effects (links dead, seats freed, the
// invitation.revoked webhook), the held ones' seat request following, ONE audit row; a second run
// does nothing; other organizations are untouched; a plain member is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors/app-error.js';
import { openInvitationLink } from '../../src/invitations/accept.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { bulkRevokeStale, previewBulkRevoke } from '../../src/invitations/bulk-revoke-stale.js';
import { invite } from '../../src/invitations/invite.js';
import type { Actor } from '../../src/permissions/actor.js';
import { seatUsage } from '../../src/seats/seat-usage.js';
import { failure, memberActor, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

async function invited(owner: Actor, emails: string[], daysAgo = 0) {
  const made = await invite(t.prisma, owner, { emails });
  const ids = made.results.map((r) => r.invitationId ?? '');
  await t.prisma.$executeRawUnsafe(
    `UPDATE invitation SET created_at = created_at - make_interval(days => $2) WHERE id = ANY($1::uuid[])`,
    ids,
    daysAgo,
  );
  return ids;
}

describe('revoke all pending older than N days', () => {
  it('counts first, then revokes the old ones once, with the held ones and their seat request', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 3 }); // the owner takes one
    const endpoint = await t.prisma.webhookEndpoint.create({
      data: { organizationId: owner.organization.id, url: 'https://hooks.example.com/sesame', secret: 's'.repeat(32) },
    });
    const old = await invited(owner, ['ana@x.com', 'bo@x.com'], 40);
    const [young] = await invited(owner, ['young@x.com'], 5); // beyond the 3 seats: held
    const [oldHeld] = await invited(owner, ['held@x.com'], 35); // held on the same request
    const [newHeld] = await invited(owner, ['newheld@x.com'], 2);
    const rows = await t.prisma.invitation.findMany({
      where: { id: { in: [young ?? '', oldHeld ?? '', newHeld ?? ''] } },
    });
    expect(rows.map((r) => r.status).sort()).toEqual(['AWAITING_APPROVAL', 'AWAITING_APPROVAL', 'AWAITING_APPROVAL']);
    const requestId = rows[0]?.seatRequestId ?? '';
    const request = await t.prisma.seatRequest.findUniqueOrThrow({ where: { id: requestId } });
    const token = await issueAcceptToken(t.prisma, old[0] ?? '');

    const preview = await previewBulkRevoke(t.prisma, owner, { days: 30 });
    expect(preview).toEqual({ days: 30, count: 3, held: 1, sample: ['ana@x.com', 'bo@x.com', 'held@x.com'] });
    const done = await bulkRevokeStale(t.prisma, owner, { days: 30, expected: 3 });
    expect(done).toMatchObject({ count: 3, held: 1, changed: false, expected: 3 });
    const revoked = [...old, oldHeld ?? ''];
    expect([...done.ids].sort()).toEqual([...revoked].sort());
    for (const row of await t.prisma.invitation.findMany({ where: { id: { in: revoked } } }))
      expect(row).toMatchObject({ status: 'REVOKED', openEmail: null, openUsername: null, closedReason: 'revoked' });
    expect(
      await t.prisma.invitation.count({
        where: { id: { in: [young ?? '', newHeld ?? ''] }, status: 'AWAITING_APPROVAL' },
      }),
    ).toBe(2);
    // The link is dead at once, the seats are free, the endpoint hears of each.
    expect((await failure<AppError>(openInvitationLink(t.prisma, token))).code).toBe('accept.revoked');
    expect((await seatUsage(t.prisma, owner.organization.id)).used).toBe(1);
    const revokedHooks = {
      kind: 'webhook',
      organizationId: owner.organization.id,
      idempotencyKey: { contains: ':invitation.revoked:' },
    };
    const hooks = await t.prisma.outboxMessage.findMany({ where: revokedHooks });
    expect(hooks.map((h) => h.idempotencyKey).sort()).toEqual(
      revoked.map((id) => `webhook:${endpoint.id}:invitation.revoked:${id}`).sort(),
    );
    expect(hooks[0]?.payload).toMatchObject({ event: 'invitation.revoked', data: { kind: 'internal', company: null } });
    // The request follows: one held invitation fewer.
    const after = await t.prisma.seatRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(after).toMatchObject({ status: 'PENDING', seatsRequested: request.seatsRequested - 1 });
    expect(after.revision).toBeGreaterThan(request.revision);

    const audits = await t.prisma.auditEvent.findMany({
      where: { organizationId: owner.organization.id, action: 'invitation.bulk_revoked' },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.data).toEqual({ count: 3, ids: [...revoked].sort(), held: 1, days: 30 });

    // Again: nothing left to revoke, nothing recorded.
    expect(await bulkRevokeStale(t.prisma, owner, { days: 30, expected: 3 })).toMatchObject({
      count: 0,
      changed: true,
    });
    expect(
      await t.prisma.auditEvent.count({
        where: { organizationId: owner.organization.id, action: 'invitation.bulk_revoked' },
      }),
    ).toBe(1);
    expect(await t.prisma.outboxMessage.count({ where: revokedHooks })).toBe(3);

    // Revoking the last held ones withdraws their request.
    expect(await bulkRevokeStale(t.prisma, owner, { days: 1 })).toMatchObject({ count: 2, held: 2 });
    expect(await t.prisma.seatRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: 'WITHDRAWN',
    });
  });

  it('leaves other organizations alone, refuses a plain member, and checks the days', async () => {
    const { owner } = await newOrganization(t.prisma);
    const { owner: elsewhere } = await newOrganization(t.prisma);
    const [theirs] = await invited(elsewhere, ['theirs@x.com'], 60);
    const [ours] = await invited(owner, ['ours@x.com'], 60);
    const viewer = await memberActor(t.prisma, owner, { email: 'viewer@x.com' });
    expect((await failure(previewBulkRevoke(t.prisma, viewer, { days: 30 }))).code).toBe('permission.invite');
    expect((await failure(bulkRevokeStale(t.prisma, viewer, { days: 30 }))).code).toBe('permission.invite');
    expect(await t.prisma.invitation.findUnique({ where: { id: ours } })).toMatchObject({ status: 'PENDING' });

    expect(await bulkRevokeStale(t.prisma, owner, { days: 30 })).toMatchObject({ count: 1, ids: [ours] });
    expect(await t.prisma.invitation.findUnique({ where: { id: theirs } })).toMatchObject({ status: 'PENDING' });
    for (const days of [0, 366, 'thirty'])
      expect((await failure<AppError>(bulkRevokeStale(t.prisma, owner, { days }))).code).toBe('bulk.days_invalid');
  });
});
