// A seat request holding an import's worth of invitations is decided like a small one: the
// decision's statements are set-based (their number does not grow with the rows), and it does not
// live under Prisma's default interactive-transaction timeout. The client below has that default
// cut to 1 s: a decision that depended on it would fail here with 60,000 rows.
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import { decideSeatRequest } from '../../src/seats/decide-seat-request.js';
import { seatRequestDetails } from '../../src/seats/seat-request-details.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { newOrganization } from './fixtures.js';

const ROWS = 60_000;

let t: TestDatabase;
let impatient: PrismaClient;
beforeAll(async () => {
  t = await createTestDatabase();
  impatient = new PrismaClient({
    adapter: new PrismaPg({ connectionString: t.url, max: 2 }),
    transactionOptions: { timeout: 1_000 },
  });
});
afterAll(async () => {
  await impatient?.$disconnect();
  await t?.close();
});

/** An organization over its limit with ROWS held invitations behind one request, written in one statement. */
async function heldImport() {
  const { owner } = await newOrganization(t.prisma, { seats: 1 });
  const request = await t.prisma.seatRequest.create({
    data: {
      organizationId: owner.organization.id,
      requestedById: owner.member.id,
      seatsRequested: ROWS,
      limitBefore: 1,
      postedLimitBefore: 1,
      postedLimitAfter: 1 + ROWS,
    },
  });
  await t.prisma.$executeRawUnsafe(
    `INSERT INTO invitation (organization_id, email, role, user_type, status, open_email, inviter_id,
                             seat_request_id, expires_at)
     SELECT $1::uuid, 'p' || n || '@big.example', 'viewer', 'creator', 'AWAITING_APPROVAL', 'p' || n || '@big.example',
            $2::uuid, $3::uuid, now() + interval '14 days'
       FROM generate_series(1, $4::int) AS n`,
    owner.organization.id,
    owner.member.id,
    request.id,
    ROWS,
  );
  return { owner, requestId: request.id };
}

describe('a seat request held by a large import', () => {
  it('is approved: every invitation released and queued once, the limit raised to fit', {
    timeout: 240_000,
  }, async () => {
    const { owner, requestId } = await heldImport();
    const card = await seatRequestDetails(t.prisma, owner.organization.id, requestId);
    expect(card).toMatchObject({ inviteeCount: ROWS, seats: ROWS, limitAfter: 1 + ROWS });

    const decided = await decideSeatRequest(impatient, owner, { requestId, decision: 'approve' });
    expect(decided).toMatchObject({ invitations: ROWS, limitAfter: 1 + ROWS });
    const [counts] = await t.prisma.$queryRawUnsafe<{ pending: number; emails: number }[]>(
      `SELECT (SELECT count(*) FROM invitation WHERE seat_request_id = $1::uuid AND status = 'PENDING')::int AS pending,
              (SELECT count(*) FROM outbox_message WHERE organization_id = $2::uuid AND kind = 'invitation.email')::int AS emails`,
      requestId,
      owner.organization.id,
    );
    expect(counts).toEqual({ pending: ROWS, emails: ROWS });
  });

  it('is denied: every held invitation cancelled with the reason', { timeout: 240_000 }, async () => {
    const { owner, requestId } = await heldImport();
    const decided = await decideSeatRequest(impatient, owner, { requestId, decision: 'deny', reason: 'Budget' });
    expect(decided).toMatchObject({ invitations: ROWS, limitAfter: 1 });
    expect(
      await t.prisma.invitation.count({
        where: { seatRequestId: requestId, status: 'CANCELLED', closedReason: 'Budget' },
      }),
    ).toBe(ROWS);
  });
});
