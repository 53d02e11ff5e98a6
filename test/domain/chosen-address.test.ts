// "Any e-mail" invitations: the invitee may enroll with another address, but never one that
// belongs to a member or to another open invitation, and only once a code sent to it is typed back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '../../src/email/outgoing-email.js';
import { acceptInvitation, FormError } from '../../src/invitations/accept.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { confirmChosenAddress } from '../../src/invitations/confirm-chosen-address.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { deliverOutbox } from '../../src/outbox/deliver-outbox.js';
import { seatSummary } from '../../src/seats/seat-summary.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { failure, newOrganization } from './fixtures.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const form = { firstName: 'Eve', lastName: 'Martin', password: 'Zx9!kq2mw', passwordConfirmation: 'Zx9!kq2mw' };

async function organizationWith(emails: string[]) {
  const { owner } = await newOrganization(t.prisma, { seats: 10 });
  const made = await invite(t.prisma, owner, { emails, mustUseEmail: false });
  const tokens = await Promise.all(made.results.map((r) => issueAcceptToken(t.prisma, r.invitationId ?? '')));
  return { owner, tokens, ids: made.results.map((r) => r.invitationId ?? '') };
}

/** Delivers the outbox into memory and returns the e-mails that left. */
async function deliveredEmails(): Promise<OutgoingEmail[]> {
  const sent: OutgoingEmail[] = [];
  await deliverOutbox(t.prisma, {
    publicUrl: 'https://sesame.example.com',
    log: createLogger('error', () => {}),
    transport: {
      name: 'file',
      async *send(emails) {
        sent.push(...emails);
        yield { indexes: emails.map((_, i) => i), outcome: { ok: true } };
      },
    },
  });
  return sent;
}

const codeIn = (email: OutgoingEmail | undefined) => /\b(\d{6})\b/.exec(email?.composed.text ?? '')?.[1] ?? '';

describe('choosing another address at enrollment', () => {
  it('refuses the address of another open invitation, and the victim’s own link still enrolls them', async () => {
    const { owner, tokens } = await organizationWith(['eve@x.com', 'victim@x.com']);
    const [eveToken = '', victimToken = ''] = tokens;
    const refused = await failure<FormError>(
      acceptInvitation(t.prisma, { ...form, token: eveToken, email: 'Victim@X.com' }),
    );
    expect(refused).toBeInstanceOf(FormError);
    expect(refused.fields.email?.code).toBe('email.not_choosable');
    expect(await t.prisma.enrollmentVerification.count({ where: { email: 'victim@x.com' } })).toBe(0);

    const victim = await acceptInvitation(t.prisma, { ...form, token: victimToken, firstName: 'Vic' });
    expect(victim.status).toBe('enrolled');
    const seats = await seatSummary(t.prisma, owner);
    expect(seats).toMatchObject({ members: 2, pending: 1, used: 3 });
  });

  it('refuses the address of a member', async () => {
    const { owner, tokens } = await organizationWith(['eve@x.com']);
    const refused = await failure<FormError>(
      acceptInvitation(t.prisma, { ...form, token: tokens[0] ?? '', email: owner.member.email }),
    );
    expect(refused.fields.email?.code).toBe('email.not_choosable');
  });

  it('creates the member only once the code e-mailed to the chosen address is typed back', async () => {
    const { tokens, ids } = await organizationWith(['eve@x.com']);
    const token = tokens[0] ?? '';
    const asked = await acceptInvitation(t.prisma, { ...form, token, email: 'eve.martin@y.com' });
    expect(asked).toMatchObject({ status: 'verification_sent', email: 'eve.martin@y.com' });
    expect(await t.prisma.member.count({ where: { email: 'eve.martin@y.com' } })).toBe(0);

    const sent = (await deliveredEmails()).filter((e) => e.to.email === 'eve.martin@y.com');
    expect(sent).toHaveLength(1);
    const code = codeIn(sent[0]);
    expect(code).toMatch(/^\d{6}$/);
    // Only a hash of the code is kept.
    const row = await t.prisma.enrollmentVerification.findUniqueOrThrow({ where: { invitationId: ids[0] ?? '' } });
    expect(JSON.stringify(row)).not.toContain(code);

    const wrong = await failure<FormError>(
      confirmChosenAddress(t.prisma, { token, code: code === '000000' ? '111111' : '000000' }),
    );
    expect(wrong.fields.code?.code).toBe('verification.code_wrong');
    const { member } = await confirmChosenAddress(t.prisma, { token, code });
    expect(member).toMatchObject({ email: 'eve.martin@y.com', firstName: 'Eve', status: 'ACTIVE' });
    const invitation = await t.prisma.invitation.findUniqueOrThrow({ where: { id: ids[0] ?? '' } });
    expect(invitation).toMatchObject({ status: 'ACCEPTED', memberId: member.id });
  });

  it('gives up a code after five wrong tries', async () => {
    const { tokens } = await organizationWith(['eve@x.com']);
    const token = tokens[0] ?? '';
    await acceptInvitation(t.prisma, { ...form, token, email: 'five@y.com' });
    const code = codeIn((await deliveredEmails()).find((e) => e.to.email === 'five@y.com'));
    const other = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await failure(confirmChosenAddress(t.prisma, { token, code: other }));
    const spent = await failure<FormError>(confirmChosenAddress(t.prisma, { token, code }));
    expect(spent.fields.code?.code).toBe('verification.code_spent');
  });

  it('refuses, without an error page, an address invited or taken while its code was on its way', async () => {
    const { owner, tokens } = await organizationWith(['eve@x.com']);
    const token = tokens[0] ?? '';
    await acceptInvitation(t.prisma, { ...form, token, email: 'late@y.com' });
    const code = codeIn((await deliveredEmails()).find((e) => e.to.email === 'late@y.com'));
    await invite(t.prisma, owner, { emails: ['late@y.com'] });
    const refused = await failure<FormError>(confirmChosenAddress(t.prisma, { token, code }));
    expect(refused).toBeInstanceOf(FormError);
    expect(refused.fields.email?.code).toBe('email.not_choosable');
  });
});
