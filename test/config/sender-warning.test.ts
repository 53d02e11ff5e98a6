// A deployment that sends from a placeholder address is warned at boot (issue 18): SendGrid
// refuses unverified senders and mail providers drop what gets through.
import { describe, expect, it } from 'vitest';
import { parseEnv, placeholderSenderWarning } from '../../src/config/env.js';

const deployed = { NODE_ENV: 'production', SENDGRID_API_KEY: 'SG.key' };

describe('the placeholder sender warning', () => {
  it.each([
    'sesame@localhost.localdomain',
    'sesame@mail.localhost',
    'noreply@example.com',
    'noreply@mail.example.org',
    'sesame@acme.test',
    'sesame@box.local',
  ])('warns a deployment sending from %s, naming the variable and the fix', (address) => {
    const warning = placeholderSenderWarning(parseEnv({ ...deployed, SENDGRID_FROM_EMAIL: address }));
    expect(warning).toContain(`SENDGRID_FROM_EMAIL is ${address}, a placeholder`);
    expect(warning).toContain('verified in SendGrid');
  });

  it('warns by default in production (the default sender is a placeholder), and with a public PUBLIC_URL', () => {
    expect(placeholderSenderWarning(parseEnv(deployed))).toContain('sesame@localhost.localdomain');
    expect(
      placeholderSenderWarning(parseEnv({ PUBLIC_URL: 'https://sesame.acme.fr', EMAIL_TRANSPORT: 'file' })),
    ).toBeDefined();
  });

  it('stays quiet with a real address, and on a developer’s machine', () => {
    expect(placeholderSenderWarning(parseEnv({ ...deployed, SENDGRID_FROM_EMAIL: 'invites@acme.fr' }))).toBeUndefined();
    expect(
      placeholderSenderWarning(parseEnv({ ...deployed, SENDGRID_FROM_EMAIL: 'a@example.company' })),
    ).toBeUndefined();
    expect(placeholderSenderWarning(parseEnv({}))).toBeUndefined();
    expect(placeholderSenderWarning(parseEnv({ PUBLIC_URL: 'http://localhost:3000' }))).toBeUndefined();
  });
});
