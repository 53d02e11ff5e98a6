// A seat request follows its held invitations and shows true figures: revoking shrinks it (or
// withdraws it), new held invitations join the open request, and the figures are those of now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors/app-error.js';
import { translate } from '../../src/i18n/messages.js';
import { invite } from '../../src/invitations/invite.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { decideSeatRequest } from '../../src/seats/decide-seat-request.js';
import { seatRequestDetails } from '../../src/seats/seat-request-details.js';
import { seatRequestCard as slackCard } from '../../src/slack/blocks/seat-request-card.js';
import { seatRequestCard as teamsCard } from '../../src/teams/cards/seat-request-card.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { failure, newOrganization } from './fixtures.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

async function details(orgId: string, requestId: string) {
  const found = await seatRequestDetails(t.prisma, orgId, requestId);
  if (!found) throw new Error('no such request');
  return found;
}

const redraws = (requestId: string) =>
  t.prisma.outboxMessage.findMany({
    where: { kind: 'notification', idempotencyKey: { startsWith: `seat_request:${requestId}:revision:` } },
  });

describe('a seat request follows its held invitations', () => {
  it('shrinks when one of its held invitations is revoked, and its cards are redrawn', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 1 });
    const { seatRequestId = '' } = await invite(t.prisma, owner, { emails: ['a@x.com', 'b@x.com'] });
    await revokeInvitation(t.prisma, owner, 'a@x.com');
    const d = await details(owner.organization.id, seatRequestId);
    expect(d).toMatchObject({ inviteeCount: 1, invitees: ['b@x.com'], seats: 1, limitBefore: 1, limitAfter: 2 });
    const [redraw] = await redraws(seatRequestId);
    expect(redraw?.payload).toEqual({ type: 'seat_request.created', seatRequestId });
    expect(JSON.stringify(slackCard(d, 'en').blocks)).toContain('Seats: 1 → 2');
  });

  it('is withdrawn when its last held invitation is revoked: cards say so, approving is refused', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 1 });
    const { seatRequestId = '' } = await invite(t.prisma, owner, { emails: ['a@x.com'] });
    await revokeInvitation(t.prisma, owner, 'a@x.com');
    const d = await details(owner.organization.id, seatRequestId);
    expect(d.request.status).toBe('WITHDRAWN');
    expect(await redraws(seatRequestId)).toHaveLength(1);

    const slack = JSON.stringify(slackCard(d, 'en').blocks);
    expect(slack).toContain('Withdrawn');
    expect(slack).not.toContain('seat_approve');
    const teams = JSON.stringify(teamsCard(d, 'fr'));
    expect(teams).toContain('Retirée');
    expect(teams).not.toContain('seat_approve');

    const refused = await failure<AppError>(
      decideSeatRequest(t.prisma, owner, { requestId: seatRequestId, decision: 'approve' }),
    );
    expect(refused.code).toBe('seat_request.withdrawn');
    expect(translate('en', refused.code, refused.params)).toContain('withdrawn');
    expect((await t.prisma.organization.findUniqueOrThrow({ where: { id: owner.organization.id } })).seatLimit).toBe(1);
  });
});

describe('true figures', () => {
  it('merges held invitations into the open request, and the card says its figures changed', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 1 });
    const first = await invite(t.prisma, owner, { emails: ['a@x.com'] });
    const second = await invite(t.prisma, owner, { emails: ['b@x.com'] });
    const third = await invite(t.prisma, owner, { emails: ['c@x.com'] });
    expect(second.seatRequestId).toBe(first.seatRequestId);
    expect(third.seatRequestId).toBe(first.seatRequestId);
    expect(await t.prisma.seatRequest.count({ where: { organizationId: owner.organization.id } })).toBe(1);
    const d = await details(owner.organization.id, first.seatRequestId ?? '');
    expect(d).toMatchObject({
      seats: 3,
      limitBefore: 1,
      limitAfter: 4,
      figuresChanged: { limitBefore: 1, limitAfter: 2 },
    });
    const card = JSON.stringify(slackCard(d, 'en').blocks);
    expect(card).toContain('Seats: 1 → 4');
    expect(card).toContain('changed since this request was posted (it said 1 → 2)');
    expect(JSON.stringify(teamsCard(d, 'fr'))).toContain('ont changé depuis');

    const decided = await decideSeatRequest(t.prisma, owner, { requestId: d.request.id, decision: 'approve' });
    expect(decided).toMatchObject({ invitations: 3, limitAfter: 4 });
    const after = await details(owner.organization.id, d.request.id);
    expect(after).toMatchObject({ limitBefore: 1, limitAfter: 4, seats: 3 });
    expect(JSON.stringify(slackCard(after, 'en').blocks)).toContain('the plan now has 4 seats');
  });

  it('computes the figures at decision time from the current limit', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 1 });
    const { seatRequestId = '' } = await invite(t.prisma, owner, { emails: ['a@x.com', 'b@x.com'] });
    // The limit moved since the request was posted as 1 → 3: the card and the decision say 2 → 4.
    await updateOrganizationSetting(t.prisma, owner, 'seats', '2');
    const d = await details(owner.organization.id, seatRequestId);
    expect(d).toMatchObject({
      limitBefore: 2,
      limitAfter: 4,
      seats: 2,
      figuresChanged: { limitBefore: 1, limitAfter: 3 },
    });
    const decided = await decideSeatRequest(t.prisma, owner, { requestId: seatRequestId, decision: 'approve' });
    expect(decided).toMatchObject({ invitations: 2, limitAfter: 4 });
    expect(decided.request).toMatchObject({ limitBefore: 2, seatsRequested: 2, limitAfter: 4 });
  });
});
