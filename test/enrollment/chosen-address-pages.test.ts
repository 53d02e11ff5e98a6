// The "any e-mail" enrollment over HTTP: another open invitation's address is refused on the form
// (never a 500), the victim's link still works, and a chosen address is confirmed by its code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '../../src/email/outgoing-email.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { deliverOutbox } from '../../src/outbox/deliver-outbox.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { invitation, type Pages, STRONG_PASSWORD, startPages, textOf, Visitor } from './support.js';

let t: TestDatabase;
let pages: Pages;
beforeAll(async () => {
  t = await createTestDatabase();
  pages = await startPages(t);
});
afterAll(async () => {
  await pages?.close();
  await t?.close();
});

const english = { 'accept-language': 'en' };
const french = { 'accept-language': 'fr' };
const filled = {
  firstName: 'Eve',
  lastName: 'Martin',
  password: STRONG_PASSWORD,
  passwordConfirmation: STRONG_PASSWORD,
};

async function codeSentTo(address: string): Promise<string> {
  const sent: OutgoingEmail[] = [];
  await deliverOutbox(t.prisma, {
    publicUrl: pages.base,
    log: createLogger('error', () => {}),
    transport: {
      name: 'file',
      async *send(emails) {
        sent.push(...emails);
        yield { indexes: emails.map((_, i) => i), outcome: { ok: true } };
      },
    },
  });
  const email = sent.find((e) => e.to.email === address);
  return /\b(\d{6})\b/.exec(email?.composed.text ?? '')?.[1] ?? '';
}

describe('another address on the accept page', () => {
  it('refuses another invitee’s address on the form, and the victim enrolls with their own link', async () => {
    const attacker = await invitation(t.prisma, { mustUseEmail: false });
    await invite(t.prisma, attacker.owner, { emails: ['victim@example.org'] });
    const victimInvitation = await t.prisma.invitation.findFirstOrThrow({
      where: { organizationId: attacker.organization.id, email: 'victim@example.org' },
    });
    const victimPath = `/accept/${await issueAcceptToken(t.prisma, victimInvitation.id)}`;

    const refused = await new Visitor(pages.base, english).fill(attacker.path, {
      ...filled,
      email: 'Victim@Example.org',
    });
    expect(refused.status).toBe(422);
    expect(textOf(refused.html)).toContain('victim@example.org cannot be used here');
    expect(await t.prisma.member.count({ where: { email: 'victim@example.org' } })).toBe(0);

    const victim = await new Visitor(pages.base, english).fill(victimPath, { ...filled, firstName: 'Vic' });
    expect(victim.status).toBe(200);
    expect(await t.prisma.member.count({ where: { email: 'victim@example.org' } })).toBe(1);
  });

  it('creates the account once the code sent to the chosen address is typed back, in French', async () => {
    const link = await invitation(t.prisma, { mustUseEmail: false, locale: 'fr' });
    const visitor = new Visitor(pages.base, french);
    const asked = await visitor.fill(link.path, { ...filled, email: 'eve@elsewhere.org' });
    expect(asked.status).toBe(200);
    expect(textOf(asked.html)).toContain('Nous avons envoyé un code à 6 chiffres à eve@elsewhere.org');
    expect(await t.prisma.member.count({ where: { email: 'eve@elsewhere.org' } })).toBe(0);

    const code = await codeSentTo('eve@elsewhere.org');
    const wrong = await visitor.post(link.path, { ...asked.hidden, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(422);
    expect(textOf(wrong.html)).toContain("Ce n'est pas le code envoyé");

    const done = await visitor.post(link.path, { ...wrong.hidden, code });
    expect(done.status).toBe(200);
    expect(await t.prisma.member.findFirstOrThrow({ where: { email: 'eve@elsewhere.org' } })).toMatchObject({
      organizationId: link.organization.id,
      status: 'ACTIVE',
    });
  });

  it('answers the form, not an error page, when the chosen address was invited while the code travelled', async () => {
    const link = await invitation(t.prisma, { mustUseEmail: false });
    const visitor = new Visitor(pages.base, english);
    const asked = await visitor.fill(link.path, { ...filled, email: 'late@elsewhere.org' });
    const code = await codeSentTo('late@elsewhere.org');
    await invite(t.prisma, link.owner, { emails: ['late@elsewhere.org'] });
    const refused = await visitor.post(link.path, { ...asked.hidden, code });
    expect(refused.status).toBe(422);
    expect(textOf(refused.html)).toContain('late@elsewhere.org cannot be used here');
  });
});
