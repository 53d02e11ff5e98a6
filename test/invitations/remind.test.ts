// Reminders (src/invitations/remind.ts): day 3 and day 10 once each, the latest missed step only,
// none after expiry, and a reminder on demand within the resend cooldown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/errors/app-error.js';
import { remindNow, sendDueReminders } from '../../src/invitations/remind.js';
import { failure, newInvitation } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const invited = (email: string) => newInvitation(t.prisma, email);

describe('reminders', () => {
  it('sends day 3 and day 10 once each, and none after expiry', async () => {
    const { id } = await invited('rem@x.com');
    const count = () => t.prisma.outboxMessage.count({ where: { payload: { path: ['invitationId'], equals: id } } });
    const at = (days: number) => new Date(Date.now() + days * DAY);
    expect(await count()).toBe(1);
    await sendDueReminders(t.prisma, { now: at(2) });
    expect(await count()).toBe(1);
    await Promise.all([sendDueReminders(t.prisma, { now: at(3.1) }), sendDueReminders(t.prisma, { now: at(3.1) })]);
    await sendDueReminders(t.prisma, { now: at(4) });
    expect(await count()).toBe(2);
    await sendDueReminders(t.prisma, { now: at(10.1) });
    await sendDueReminders(t.prisma, { now: at(11) });
    expect(await count()).toBe(3);
    expect(await t.prisma.invitation.findUnique({ where: { id } })).toMatchObject({ remindersSent: 2, sendCount: 3 });
  });

  it('sends only the latest missed step, never after expiry, and on demand within the cooldown rules', async () => {
    const late = await invited('late@x.com');
    await sendDueReminders(t.prisma, { now: new Date(Date.now() + 12 * DAY) });
    expect(await t.prisma.invitation.findUnique({ where: { id: late.id } })).toMatchObject({
      remindersSent: 2,
      sendCount: 2,
    });
    const gone = await invited('gone@x.com');
    expect(await sendDueReminders(t.prisma, { now: new Date(Date.now() + 20 * DAY) })).toBe(0);
    expect(await t.prisma.invitation.findUnique({ where: { id: gone.id } })).toMatchObject({ remindersSent: 0 });
    expect(((await failure(remindNow(t.prisma, gone.owner, 'gone@x.com'))) as AppError).code).toBe('resend.cooldown');
    expect((await remindNow(t.prisma, gone.owner, 'gone@x.com', new Date(Date.now() + 2 * DAY))).sendCount).toBe(2);
  });
});
