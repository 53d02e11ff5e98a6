// The organization's brand and sender on the e-mails that leave through SendGrid (issue 18): the
// from name and reply-to in the request, the logo, colour and name in the body, the inviter by
// name with their address, and the next step in the "account ready" notice.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { invite } from '../../src/invitations/invite.js';
import { addMember } from '../../src/members/add-member.js';
import { setBrand } from '../../src/organizations/brand.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { deliverOutbox } from '../../src/outbox/deliver-outbox.js';
import { SAMPLE_PNG, SAMPLE_SVG } from '../brand/samples.js';
import { newOrganization, refreshed } from '../domain/fixtures.js';
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

const deliver = async () => {
  const { log } = memoryLog();
  await deliverOutbox(db.prisma, { transport: fakeTransport(fake, log), publicUrl: PUBLIC_URL, log });
};

/** Invitations from a named owner ("Jeanne Dupont"). */
async function fromJeanne(locale: 'en' | 'fr' = 'en') {
  const made = await newOrganization(db.prisma, { locale });
  await db.prisma.member.update({
    where: { id: made.owner.member.id },
    data: { firstName: 'Jeanne', lastName: 'Dupont' },
  });
  const owner = await refreshed(db.prisma, made.owner);
  return { owner, organization: owner.organization, email: owner.member.email };
}

describe('the sender of the e-mails', () => {
  it('is "<inviter> via <organization>" from the operator’s address, and replies reach the inviter', async () => {
    const { owner, organization, email } = await fromJeanne();
    await invite(db.prisma, owner, { emails: ['paul@example.org'] });
    await deliver();
    const body = fake.requests[0]?.body;
    expect(body?.from).toEqual({ email: 'sesame@example.com', name: `Jeanne Dupont via ${organization.name}` });
    expect(body?.reply_to).toEqual({ email, name: 'Jeanne Dupont' });
    const message = fake.accepted()[0];
    // The inviter by name, with the address after it; the subject names them only.
    expect(message?.subject).toBe(`Jeanne Dupont invited you to join ${organization.name}`);
    expect(message?.text).toContain(`Jeanne Dupont (${email}) invited you to join ${organization.name}`);
    expect(message?.html).toContain(`<strong>Jeanne Dupont (${email})</strong> invited you to join`);
  });

  it('takes the organization’s own from name and reply-to when set, and its display name', async () => {
    const { owner, organization } = await fromJeanne();
    await updateOrganizationSetting(db.prisma, owner, 'from-name', 'Acme Onboarding');
    await updateOrganizationSetting(db.prisma, owner, 'reply-to', 'help@acme.example');
    const actor = await refreshed(db.prisma, owner);
    await invite(db.prisma, actor, { emails: ['zoe@example.org'] });
    await deliver();
    expect(fake.requests[0]?.body.from).toEqual({ email: 'sesame@example.com', name: 'Acme Onboarding' });
    expect(fake.requests[0]?.body.reply_to).toEqual({ email: 'help@acme.example' });

    await updateOrganizationSetting(db.prisma, actor, 'from-name', 'none');
    await setBrand(db.prisma, actor, { displayName: 'Acme Corp' });
    await invite(db.prisma, actor, { emails: ['lou@example.org'] });
    await deliver();
    expect(fake.requests[1]?.body.from.name).toBe('Jeanne Dupont via Acme Corp');
    expect(fake.accepted().at(-1)?.subject).toBe('Jeanne Dupont invited you to join Acme Corp');
    expect(fake.accepted().at(-1)?.html).not.toContain(organization.name);
  });
});

describe('the brand on the e-mails', () => {
  it('shows the logo from Sesame’s URL, the colour on the button, and the footer until it is turned off (French)', async () => {
    const { owner } = await fromJeanne('fr');
    const brand = await setBrand(db.prisma, owner, {
      logo: SAMPLE_PNG,
      color: '#0b6e4f',
      displayName: 'Atelier <Géo>',
    });
    await invite(db.prisma, owner, { emails: ['lea@example.org'] });
    await deliver();
    const html = fake.accepted()[0]?.html ?? '';
    const logoUrl = `${PUBLIC_URL}/brand/${owner.organization.id}/logo?v=${brand.logo?.hash}`;
    expect(html).toContain(`<img src="${logoUrl}" alt="Atelier &lt;Géo&gt;"`);
    expect(html).toContain('bgcolor="#0b6e4f"');
    expect(html).not.toContain('#1a56db');
    expect(html).toContain('Rejoindre Atelier &lt;Géo&gt;');
    expect(html).toContain('Envoyé avec Sesame');
    expect(fake.accepted()[0]?.text).toContain('Envoyé avec Sesame');

    // An SVG logo stays on the pages: most mail clients would show a broken image.
    await setBrand(db.prisma, owner, { logo: Buffer.from(SAMPLE_SVG), sesameFooter: false });
    await invite(db.prisma, owner, { emails: ['max@example.org'] });
    await deliver();
    const svgHtml = fake.accepted().at(-1)?.html ?? '';
    expect(svgHtml).not.toContain('<img');
    expect(svgHtml).not.toContain('Sesame');
    expect(fake.accepted().at(-1)?.text).not.toContain('Sesame');
  });
});

describe('the "account ready" notice', () => {
  it('shows the sign-in link as a button and the getting-started guide, or says the organization will tell', async () => {
    const { owner } = await fromJeanne();
    const add = (email: string) =>
      addMember(db.prisma, owner, { email, firstName: 'Claire', lastName: 'Martin', password: 'Zx9!kq2mwT' });
    const { member: without } = await add('claire@example.org');
    await deliver();
    const plain = fake.accepted().find((m) => m.customArgs.member_id === without.id);
    expect(plain?.text).toContain(`${owner.organization.name} will tell you where to sign in.`);
    expect(fake.requests.at(-1)?.body.from.name).toBe(`Jeanne Dupont via ${owner.organization.name}`);
    expect(plain?.html).toContain(`<strong>Jeanne Dupont (${owner.member.email})</strong> created your account`);

    await updateOrganizationSetting(db.prisma, owner, 'sign-in-url', 'https://app.acme.example/login');
    await updateOrganizationSetting(db.prisma, owner, 'getting-started-url', 'https://docs.acme.example/start');
    const { member } = await add('marc@example.org');
    await deliver();
    const message = fake.accepted().find((m) => m.customArgs.member_id === member.id);
    expect(message?.html).toMatch(/<a href="https:\/\/app\.acme\.example\/login"[^>]*>Go to Org [^<]+<\/a>/);
    expect(message?.html).toContain('href="https://docs.acme.example/start"');
    expect(message?.text).toContain(
      `After that, you sign in to ${owner.organization.name} here:\nhttps://app.acme.example/login`,
    );
    expect(message?.text).not.toContain('will tell you where to sign in');
  });
});
