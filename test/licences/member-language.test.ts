// The member's language set at invite (issue 17, item 3) drives their invitation e-mail and the
// enrollment page's default language, overriding the organization's locale; without one, the
// organization's applies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPagesDatabase, type PagesDatabase } from '../../src/db/pages-database.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { invitationPageLoader } from '../../src/invitations/invitation-page.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { addMember } from '../../src/members/add-member.js';
import type { InvitationEmailPayload, MemberAddedEmailPayload } from '../../src/outbox/payloads.js';
import { prepareInvitationEmails } from '../../src/outbox/prepare-invitation-emails.js';
import { prepareMemberAddedEmails } from '../../src/outbox/prepare-member-added-emails.js';
import { newOrganization } from '../domain/fixtures.js';
import { embeddedTestDatabase } from '../enrollment/support.js';
import { claimed } from '../sso/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
let pages: PagesDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  pages = createPagesDatabase({ url: t.url, embedded: embeddedTestDatabase(), log: createLogger('silent'), max: 2 });
});
afterAll(async () => {
  await pages?.end();
  await t?.close();
});

describe("the member's language", () => {
  it('drives the invitation e-mail and the enrollment page over the organization locale', async () => {
    const { owner } = await newOrganization(t.prisma, { locale: 'en' });
    const french = await invite(t.prisma, owner, { emails: ['fr@example.org'], language: 'fr' });
    const english = await invite(t.prisma, owner, { emails: ['en@example.org'] });
    const ids = [french, english].map((made) => made.results[0]?.invitationId ?? '');

    const queued = await t.prisma.outboxMessage.findMany({
      where: { organizationId: owner.organization.id, kind: 'invitation.email' },
    });
    const prepared = await prepareInvitationEmails(
      t.prisma,
      queued.map((row) => ({ message: claimed(row), payload: row.payload as InvitationEmailPayload })),
      { publicUrl: 'https://sesame.example.com', now: new Date() },
    );
    const subjects = new Map(prepared.ready.map((ready) => [ready.email.to.email, ready.email.composed.subject]));
    expect(subjects.get('fr@example.org')).toContain('vous invite à rejoindre');
    expect(subjects.get('en@example.org')).toContain('invited you to join');

    const load = invitationPageLoader(pages);
    const opened = await Promise.all(ids.map(async (id) => load(await issueAcceptToken(t.prisma, id))));
    const [frPage, enPage] = opened.map((page) => ('open' in page ? page.open : undefined));
    expect([frPage?.organization.locale, frPage?.language]).toEqual(['fr', 'fr']);
    expect([enPage?.organization.locale, enPage?.language]).toEqual(['en', undefined]);
  });

  it('drives the "account ready" e-mail of a member added directly', async () => {
    const { owner } = await newOrganization(t.prisma, { locale: 'en' });
    await addMember(t.prisma, owner, {
      email: 'lea@example.org',
      firstName: 'Léa',
      lastName: 'Roy',
      password: 'Tr0mbone-Lavande-42',
      language: 'fr',
    });
    const queued = await t.prisma.outboxMessage.findMany({
      where: { organizationId: owner.organization.id, kind: 'member.added_email' },
    });
    expect(queued).toHaveLength(1);
    const prepared = await prepareMemberAddedEmails(
      t.prisma,
      queued.map((row) => ({ message: claimed(row), payload: row.payload as MemberAddedEmailPayload })),
      { publicUrl: 'https://sesame.example.com' },
    );
    expect(prepared.ready[0]?.email.composed.subject).toContain('Votre compte');
  });
});
