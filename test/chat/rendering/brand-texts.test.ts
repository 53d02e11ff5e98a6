import { describe, expect, it } from 'vitest';
import { brandSummary } from '../../../src/chat/rendering/brand-texts.js';
import { escapeMrkdwn } from '../../../src/chat/rendering/mrkdwn.js';
import { NO_BRAND } from '../../../src/organizations/brand.js';

const unset = { emailFromName: null, emailReplyTo: null, signInUrl: null, gettingStartedUrl: null };

describe('the brand in the chats’ settings', () => {
  it('says what an organization without a brand shows, in English and French', () => {
    const en = brandSummary('en', { organizationName: 'Acme', brand: NO_BRAND, ...unset }, escapeMrkdwn);
    expect(en.split('\n')).toEqual([
      '*What invitees see:*',
      "• *Display name*: Acme (the organization's name)",
      '• *Logo*: none',
      '• *Colour*: Sesame blue (default)',
      '• *"Sent with Sesame"*: shown',
      `• *Sender name*: "&lt;inviter's name&gt; via Acme" (default)`,
      "• *Replies go to*: the inviter's address (default)",
      '• *Sign-in link*: none: new members are told the organization will say where to sign in',
      '• *Getting started*: none',
    ]);
    const fr = brandSummary('fr', { organizationName: 'Acme', brand: NO_BRAND, ...unset }, escapeMrkdwn);
    expect(fr).toContain('*Ce que voient les invités :*');
    expect(fr).toContain('• *Couleur*: bleu Sesame (par défaut)');
    expect(fr).toContain(
      "• *Lien de connexion*: aucun : les nouveaux membres lisent que l'organisation leur dira où se connecter",
    );
  });

  it('shows a brand, with every value escaped by the caller', () => {
    const text = brandSummary(
      'en',
      {
        organizationName: 'Acme',
        brand: {
          displayName: '<!here> Acme & Co',
          color: '#0b6e4f',
          logo: { type: 'image/svg+xml', hash: 'abc' },
          sesameFooter: false,
        },
        emailFromName: 'Acme *Team*',
        emailReplyTo: 'help@acme.example',
        signInUrl: 'https://app.acme.example/login',
        gettingStartedUrl: null,
        logoUrl: 'https://sesame.acme.example/brand/1/logo?v=abc',
      },
      escapeMrkdwn,
    );
    expect(text).toContain('• *Display name*: &lt;!here&gt; Acme &amp; Co');
    expect(text).not.toContain('<!here>');
    expect(text).toContain('• *Colour*: #0b6e4f');
    expect(text).toContain('• *"Sent with Sesame"*: hidden');
    expect(text).toContain('• *Logo*: https://sesame.acme.example/brand/1/logo?v=abc (SVG: shown on the pages;');
    expect(text).toContain('• *Sign-in link*: https://app.acme.example/login');
    expect(text).toContain('• *Replies go to*: help@acme.example');
  });
});
