// The templates with and without a brand, in English and French (issue 18).
import { describe, expect, it } from 'vitest';
import { emailBrandOf, UNBRANDED } from '../../src/email/templates/email-brand.js';
import { renderInvitationEmail } from '../../src/email/templates/invitation.js';
import { renderMemberAddedEmail } from '../../src/email/templates/member-added.js';
import { NO_BRAND } from '../../src/organizations/brand.js';
import { attr, parseHtml } from './html.js';

const org = { id: '6f1d2c3b-4a59-4e68-8f7a-9b0c1d2e3f40', name: 'acme-prod' };
const branded = emailBrandOf(
  org,
  {
    displayName: 'Acme "Maps"',
    color: '#0b6e4f',
    logo: { type: 'image/png', hash: 'abcdef0123456789' },
    sesameFooter: true,
  },
  'https://sesame.example.com',
);
const invitation = (locale: 'en' | 'fr', brand = branded) =>
  renderInvitationEmail({
    locale,
    reason: 'invite',
    organizationName: brand.name,
    inviterName: 'Jeanne Dupont',
    inviterEmail: 'jeanne@acme.example',
    brand,
    invitee: { email: 'paul@example.com', firstName: 'Paul' },
    roleName: 'Viewer',
    message: null,
    expiresAt: new Date('2026-12-14T09:38:00Z'),
    acceptUrl: 'https://sesame.example.com/accept/x',
  });

describe('the e-mails with a brand', () => {
  it('take the display name, the logo from Sesame’s URL and the colour, in English', () => {
    const email = invitation('en');
    const html = parseHtml(email.html);
    const logo = html.elements('img')[0];
    expect(attr(logo as never, 'src')).toBe(`https://sesame.example.com/brand/${org.id}/logo?v=abcdef0123456789`);
    expect(attr(logo as never, 'alt')).toBe('Acme "Maps"');
    expect(email.subject).toBe('Jeanne Dupont invited you to join Acme "Maps"');
    expect(html.text).toContain(
      'Jeanne Dupont (jeanne@acme.example) invited you to join Acme "Maps" with the Viewer role.',
    );
    expect(email.html).toContain('background-color:#0b6e4f');
    expect(email.html).not.toContain('#1a56db');
    expect(html.text).toContain('Sent with Sesame');
  });

  it('in French, and the "account ready" notice with its next step', () => {
    expect(parseHtml(invitation('fr').html).text).toContain('Envoyé avec Sesame');
    const added = renderMemberAddedEmail({
      locale: 'fr',
      organizationName: branded.name,
      adminName: 'Jeanne Dupont',
      adminEmail: 'jeanne@acme.example',
      brand: branded,
      nextStep: { signInUrl: 'https://maps.acme.example/login', gettingStartedUrl: null },
      member: { email: 'paul@example.com', firstName: 'Paul', username: 'paul' },
      roleName: 'Consultation',
      firstLoginUrl: 'https://sesame.example.com/first-login?org=x',
    });
    const html = parseHtml(added.html);
    const button = html.elements('a').find((a) => attr(a, 'href') === 'https://maps.acme.example/login');
    expect(button).toBeDefined();
    expect(html.text).toContain('Accéder à Acme "Maps"');
    expect(html.text).toContain('Jeanne Dupont (jeanne@acme.example) a créé votre compte');
    expect(added.text).toContain('Ensuite, vous vous connectez à Acme "Maps" ici :\nhttps://maps.acme.example/login');
  });
});

describe('the e-mails without a brand', () => {
  it('keep Sesame’s blue, no logo, the organization’s name, in both languages', () => {
    for (const locale of ['en', 'fr'] as const) {
      const plain = emailBrandOf(org, NO_BRAND, 'https://sesame.example.com');
      expect(plain).toEqual(UNBRANDED('acme-prod'));
      const email = invitation(locale, plain);
      expect(email.html).toContain('background-color:#1a56db');
      expect(parseHtml(email.html).elements('img')).toHaveLength(0);
      expect(email.subject).toContain('acme-prod');
    }
  });
});
