// The code e-mailed to an address chosen at enrollment carries the organization's brand and sender
// like the invitation it answers (issue 18): the from name and reply-to in the SendGrid request,
// the logo, colour and name in the body, in the invitee's language (issue 17).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locale.js';
import { acceptInvitation } from '../../src/invitations/accept.js';
import { setBrand } from '../../src/organizations/brand.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { deliverOutbox } from '../../src/outbox/deliver-outbox.js';
import { SAMPLE_PNG } from '../brand/samples.js';
import { invitation, STRONG_PASSWORD } from '../enrollment/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSendgrid, startFakeSendgrid } from '../support/fake-sendgrid.js';
import { fakeTransport, memoryLog, PUBLIC_URL } from './support.js';

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
afterEach(() => {
  fake.requests.length = 0;
});

/** The invitee, on a page in `pageLocale`, chooses another address: the code goes to it. */
async function chooseAddress(token: string, email: string, pageLocale: Locale) {
  const outcome = await acceptInvitation(db.prisma, {
    token,
    firstName: 'Paul',
    lastName: 'Martin',
    email,
    password: STRONG_PASSWORD,
    passwordConfirmation: STRONG_PASSWORD,
    locale: pageLocale,
  });
  expect(outcome.status).toBe('verification_sent');
  const { log } = memoryLog();
  await deliverOutbox(db.prisma, { transport: fakeTransport(fake, log), publicUrl: PUBLIC_URL, log });
  const request = fake.requests.find((r) => JSON.stringify(r.body).includes(email));
  const message = fake.accepted().find((m) => m.to === email);
  expect(message?.customArgs.sesame_key).toMatch(/^enrollment:/);
  return { body: request?.body, message };
}

describe('the code for a chosen address', () => {
  it('comes from the inviter via the brand, answers to the inviter, and shows the brand in the invitee’s language', async () => {
    const link = await invitation(db.prisma, { locale: 'en', mustUseEmail: false, language: 'fr' });
    const brand = await setBrand(db.prisma, link.owner, {
      logo: SAMPLE_PNG,
      color: '#0b6e4f',
      displayName: 'Atelier <Géo>',
    });
    // The invitee reads the page in English; the admin set French for them: French wins.
    const { body, message } = await chooseAddress(link.token, 'paul@elsewhere.org', 'en');
    expect(body?.from).toEqual({ email: 'sesame@example.com', name: 'Camille Durand via Atelier <Géo>' });
    expect(body?.reply_to).toEqual({ email: link.owner.member.email, name: 'Camille Durand' });
    expect(message?.subject).toBe('Votre code pour rejoindre Atelier <Géo>');
    const html = message?.html ?? '';
    const logoUrl = `${PUBLIC_URL}/brand/${link.organization.id}/logo?v=${brand.logo?.hash}`;
    expect(html).toContain(`<img src="${logoUrl}" alt="Atelier &lt;Géo&gt;"`);
    expect(html).toContain('Confirmez votre adresse pour Atelier &lt;Géo&gt;');
    expect(html).toContain('color:#0b6e4f');
    expect(html).toContain('Envoyé avec Sesame');
    expect(html).not.toContain(link.organization.name);
    expect(message?.text).toContain('Envoyé avec Sesame');
  });

  it('takes the organization’s own from name and reply-to, and the page’s language when the invitation sets none', async () => {
    const link = await invitation(db.prisma, { locale: 'fr', mustUseEmail: false });
    await updateOrganizationSetting(db.prisma, link.owner, 'from-name', 'Acme Onboarding');
    await updateOrganizationSetting(db.prisma, link.owner, 'reply-to', 'help@acme.example');
    await setBrand(db.prisma, link.owner, { sesameFooter: false });
    const { body, message } = await chooseAddress(link.token, 'zoe@elsewhere.org', 'en');
    expect(body?.from).toEqual({ email: 'sesame@example.com', name: 'Acme Onboarding' });
    expect(body?.reply_to).toEqual({ email: 'help@acme.example' });
    expect(message?.subject).toBe(`Your code to join ${link.organization.name}`);
    expect(message?.html).not.toContain('<img');
    expect(message?.html).not.toContain('Sesame');
    expect(message?.text).not.toContain('Sesame');
  });
});
