// Issue 13, item 4: a delivery that failed for good shows on the invitation (pending list and
// its JSON), the audit trail names the invitation rather than an outbox row, and the invitation
// can be sent again at once instead of waiting out the resend cooldown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationJson } from '../../src/cli/actions/invitations.js';
import { deliveryLabel } from '../../src/invitations/delivery-label.js';
import { listInvitations } from '../../src/invitations/list-invitations.js';
import { resendInvitation } from '../../src/invitations/resend.js';
import { deliverOutbox } from '../../src/outbox/deliver-outbox.js';
import { pendingList } from '../../src/slack/blocks/pending-list.js';
import { pendingCard } from '../../src/teams/cards/pending-card.js';
import { fakeTransport, invitations, memoryLog, PUBLIC_URL } from '../email/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSendgrid, startFakeSendgrid } from '../support/fake-sendgrid.js';

let db: TestDatabase;
let fake: FakeSendgrid;

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeSendgrid();
});
afterAll(async () => {
  await fake?.close();
  await db?.close();
});

const REASON = 'SendGrid answered 400: Does not contain a valid address.';

describe('an invitation whose e-mail failed for good', () => {
  it('says so in the pending list and its JSON, in the audit trail, and may be resent at once', async () => {
    const { log } = memoryLog();
    const { owner, ids, emails } = await invitations(db.prisma, 2, { prefix: 'visible' });
    const bad = emails[0] as string;
    fake.respondWith((body) =>
      body.personalizations.some((p) => p.to[0]?.email === bad)
        ? { status: 400, message: 'Does not contain a valid address.' }
        : undefined,
    );
    expect(await deliverOutbox(db.prisma, { transport: fakeTransport(fake, log), publicUrl: PUBLIC_URL, log })).toEqual(
      { sent: 1, failed: 1, retried: 0, skipped: 0 },
    );

    const page = await listInvitations(db.prisma, owner);
    const failed = page.invitations.find((i) => i.email === bad);
    expect(invitationJson(failed as NonNullable<typeof failed>)).toMatchObject({
      deliveryStatus: 'FAILED',
      deliveryDetail: REASON,
    });
    // The chat lists say it too, in the reader's language.
    expect(JSON.stringify(pendingList(page, owner.organization, {}, 'fr'))).toContain('✉️ échec');
    expect(JSON.stringify(pendingCard(page, owner.organization, {}, 'en'))).toContain('✉️ failed');
    expect(deliveryLabel('FAILED', 'en')).toBe('failed');
    expect(deliveryLabel('FAILED', 'fr')).toBe('échec');
    expect(deliveryLabel(null, 'fr')).toBe('en file');

    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'invitation.undeliverable' } });
    expect(audit.subjectId).toBe(ids[0]);
    expect(audit.data).toEqual({ email: bad, reason: REASON });

    // Nothing reached the invitee: no cooldown. The resend itself restarts it (a double click
    // still sends one e-mail), and the delivery state is back to queued.
    const resent = await resendInvitation(db.prisma, owner, bad);
    expect(resent).toMatchObject({ sendCount: 2, deliveryStatus: 'QUEUED', deliveryDetail: null });
    await expect(resendInvitation(db.prisma, owner, bad)).rejects.toMatchObject({ code: 'resend.cooldown' });
    // One that was sent is still held by the cooldown.
    await expect(resendInvitation(db.prisma, owner, emails[1] as string)).rejects.toMatchObject({
      code: 'resend.cooldown',
    });
  });
});
