// Issue 12, item 6: a first name stored with a line break or a tab (before the edge rule) keeps
// the e-mail's greeting on one line.
import { describe, expect, it } from 'vitest';
import { renderInvitationEmail } from '../../src/email/templates/invitation.js';
import { renderMemberAddedEmail } from '../../src/email/templates/member-added.js';

describe('the e-mail greeting', () => {
  it('is one line whatever the stored first name holds', () => {
    const invitation = renderInvitationEmail({
      locale: 'en',
      reason: 'invite',
      organizationName: 'Isocarto',
      inviterName: 'Jeanne Dupont',
      invitee: { email: 'paul@example.com', firstName: 'Paul\r\nBcc: x\tY' },
      roleName: 'Publisher',
      message: null,
      expiresAt: new Date('2026-12-14T09:38:00Z'),
      acceptUrl: 'https://sesame.example/accept/t',
    });
    expect(invitation.values.greeting).toBe('Hello Paul  Bcc: x Y,');
    const added = renderMemberAddedEmail({
      locale: 'fr',
      organizationName: 'Isocarto',
      member: { email: 'paul@example.com', firstName: 'Paul\nX', username: 'paul_x' },
      adminName: 'Jeanne Dupont',
      roleName: 'Publisher',
      firstLoginUrl: 'https://sesame.example/first-login?org=o',
    });
    expect(added.values.greeting).toBe('Bonjour Paul X,');
  });
});
