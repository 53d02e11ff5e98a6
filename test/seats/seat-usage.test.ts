// Seats are counted once (src/seats/seat-usage.ts): what a writer refuses or holds and what the
// summary shows come from the same count, so they agree whatever the organization holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { invite } from '../../src/invitations/invite.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import { seatSummary } from '../../src/seats/seat-summary.js';
import { seatUsage } from '../../src/seats/seat-usage.js';
import { memberActor, newOrganization, refreshed } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

describe('seat counting', () => {
  it('members and pending invitations take seats; held, revoked and expired ones do not', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 6 }); // the owner takes one seat
    await memberActor(t.prisma, owner, { email: 'member@example.org' });
    // 2 members, 4 seats left: 4 pending, 2 held.
    const made = await invite(t.prisma, owner, {
      emails: ['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org', 'e@example.org', 'f@example.org'],
      userType: 'Editor',
    });
    expect(made.results.map((result) => result.outcome)).toEqual([
      'invited',
      'invited',
      'invited',
      'invited',
      'held',
      'held',
    ]);
    await revokeInvitation(t.prisma, owner, 'a@example.org');
    // An expired invitation of another organization, and the seats of this one, stay apart.
    const other = await newOrganization(t.prisma, { seats: 5 });
    await invite(t.prisma, other.owner, { emails: ['z@example.org'] });

    const usage = await seatUsage(t.prisma, owner.organization.id);
    expect(usage).toEqual({ members: 2, pending: 3, used: 5 });
    const summary = await seatSummary(t.prisma, owner);
    expect(summary).toMatchObject({ limit: 6, used: 5, remaining: 1, members: 2, pending: 3, awaitingApproval: 2 });
    expect(summary.byUserType).toEqual({ creator: 2, editor: 3 });

    // A writer fits exactly what the summary says remains, and holds the rest.
    const next = await invite(t.prisma, await refreshed(t.prisma, owner), {
      emails: ['g@example.org', 'h@example.org'],
    });
    expect(next.results.map((result) => result.outcome)).toEqual(['invited', 'held']);
    expect(await seatUsage(t.prisma, owner.organization.id)).toEqual({ members: 2, pending: 4, used: 6 });
    expect((await seatSummary(t.prisma, owner)).used).toBe(6);

    // Expired invitations free their seats in both.
    await expireDueInvitations(t.prisma, { now: new Date(Date.now() + 400 * 86_400_000) });
    expect(await seatUsage(t.prisma, owner.organization.id)).toEqual({ members: 2, pending: 0, used: 2 });
    expect(await seatSummary(t.prisma, owner)).toMatchObject({ used: 2, pending: 0, awaitingApproval: 3 });
  });
});
