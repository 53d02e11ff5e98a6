// Which links open an invitation after a resend (src/enrollment/README.md, "Links after a resend"):
// every link sent for it, until the invitation closes. Each delivery mints its own token (the first
// e-mail, reminders, resends), all to the same address; closing the invitation closes them all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { resendInvitation } from '../../src/invitations/resend.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { invitation, type Pages, STRONG_PASSWORD, startPages, Visitor } from './support.js';

let t: TestDatabase;
let pages: Pages;
// The pages' clock runs ahead: past the first e-mail's expiry, before the resend's.
const DAY = 86_400_000;
let later: Date;
beforeAll(async () => {
  t = await createTestDatabase();
  later = new Date(Date.now() + 40 * DAY);
  pages = await startPages(t, { now: () => later });
});
afterAll(async () => {
  await pages?.close();
  await t?.close();
});

const english = { 'accept-language': 'en' };
const filled = { firstName: 'Ana', lastName: 'Lima', password: STRONG_PASSWORD, passwordConfirmation: STRONG_PASSWORD };

/** An invitation sent once, expired, then resent (renewed) with a second link. */
async function resent() {
  const link = await invitation(t.prisma);
  const first = await t.prisma.invitation.findUniqueOrThrow({ where: { id: link.invitationId } });
  expect(first.expiresAt.getTime()).toBeLessThan(later.getTime());
  await resendInvitation(t.prisma, link.owner, link.invitationId, new Date(later.getTime() - DAY));
  const second = await issueAcceptToken(t.prisma, link.invitationId);
  return { ...link, oldPath: link.path, newPath: `/accept/${second}` };
}

describe('links after a resend', () => {
  it('keeps the old link open, with the renewed expiry, and accepting through it closes the new one', async () => {
    const link = await resent();
    const v = new Visitor(pages.base, english);
    expect((await v.get(link.newPath)).status).toBe(200);
    const form = await v.get(link.oldPath);
    expect(form.status).toBe(200);
    expect((await v.post(link.oldPath, { ...form.hidden, ...filled })).status).toBe(200);
    expect(await t.prisma.member.count({ where: { organizationId: link.organization.id, email: link.email } })).toBe(1);
    // One invitation, accepted once: every link now says so.
    expect((await v.get(link.newPath)).status).toBe(409);
    expect((await v.get(link.oldPath)).status).toBe(409);
  });

  it('closes every link when the invitation is withdrawn', async () => {
    const link = await resent();
    await revokeInvitation(t.prisma, link.owner, link.invitationId);
    const v = new Visitor(pages.base, english);
    expect((await v.get(link.oldPath)).status).toBe(410);
    expect((await v.get(link.newPath)).status).toBe(410);
  });
});
