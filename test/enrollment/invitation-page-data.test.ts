// The accept page's one-query read gives the domain's verdict for every state of an invitation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPagesDatabase, type PagesDatabase } from '../../src/db/pages-database.js';
import { isAppError } from '../../src/errors/app-error.js';
import type { InvitationStatus } from '../../src/generated/prisma/enums.js';
import { openInvitationLink } from '../../src/invitations/accept.js';
import { type InvitationPageLoader, invitationPageLoader } from '../../src/invitations/invitation-page.js';
import { createLogger } from '../../src/log/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { embeddedTestDatabase, invitation } from './support.js';

let t: TestDatabase;
let pages: PagesDatabase;
let loadInvitationPage: InvitationPageLoader;
beforeAll(async () => {
  t = await createTestDatabase();
  pages = createPagesDatabase({ url: t.url, embedded: embeddedTestDatabase(), log: createLogger('silent'), max: 2 });
  loadInvitationPage = invitationPageLoader(pages);
});
afterAll(async () => {
  await pages?.end();
  await t?.close();
});

const statuses: InvitationStatus[] = ['PENDING', 'AWAITING_APPROVAL', 'ACCEPTED', 'REVOKED', 'EXPIRED', 'CANCELLED'];
const verdictOfDomain = (token: string, now: Date) =>
  openInvitationLink(t.prisma, token, now).then(
    () => 'open',
    (error: unknown) => (isAppError(error) ? error.code.replace('accept.', '') : String(error)),
  );
const verdictOfPage = async (token: string, now: Date) => {
  const found = await loadInvitationPage(token, now);
  return 'open' in found ? 'open' : found.closed;
};

describe('the accept page’s read', () => {
  it('agrees with openInvitationLink for every status, before and after the expiry date', async () => {
    const link = await invitation(t.prisma, { role: 'Data Editor', firstName: 'Ana' });
    const { expiresAt } = await t.prisma.invitation.findUniqueOrThrow({ where: { id: link.invitationId } });
    for (const status of statuses) {
      await t.prisma.invitation.update({ where: { id: link.invitationId }, data: { status } });
      for (const now of [new Date(expiresAt.getTime() - 1000), new Date(expiresAt.getTime())]) {
        expect(await verdictOfPage(link.token, now), `${status} at ${now.toISOString()}`).toBe(
          await verdictOfDomain(link.token, now),
        );
      }
    }
    for (const token of ['', 'short', 'B'.repeat(43), `${link.token}x`]) {
      expect(await verdictOfPage(token, new Date())).toBe(await verdictOfDomain(token, new Date()));
    }
  });

  it('reads what the page shows in one go', async () => {
    const link = await invitation(t.prisma, {
      role: 'Data Editor',
      firstName: 'Ana',
      mustUseEmail: false,
      locale: 'fr',
    });
    const found = await loadInvitationPage(link.token);
    const domain = await openInvitationLink(t.prisma, link.token);
    expect(found).toEqual({
      open: {
        invitationId: link.invitationId,
        organization: { id: link.organization.id, name: link.organization.name, locale: 'fr', usesUsernames: false },
        inviterName: domain.inviterName,
        roleNames: { en: 'Data Editor', fr: 'Mise à jour' },
        email: link.email,
        firstName: 'Ana',
        lastName: '',
        username: null,
        mustUseEmail: false,
        // The brand, next step and inviter's address come in the same query (none set here).
        inviterEmail: link.owner.member.email,
        brand: { displayName: null, color: null, logo: null, sesameFooter: true },
        nextStep: { signInUrl: null, gettingStartedUrl: null },
      },
    });
  });

  it('names an inviter without a name by their address, as the domain does', async () => {
    const link = await invitation(t.prisma, { inviter: { firstName: '', lastName: '' } });
    const found = await loadInvitationPage(link.token);
    expect('open' in found && found.open.inviterName).toBe(
      (await openInvitationLink(t.prisma, link.token)).inviterName,
    );
  });

  it('answers the pages asked for together with one query, each with its own verdict', async () => {
    const open = await invitation(t.prisma);
    const revoked = await invitation(t.prisma);
    await t.prisma.invitation.update({ where: { id: revoked.invitationId }, data: { status: 'REVOKED' } });
    let queries = 0;
    const counting = invitationPageLoader({
      read: (query, values) => {
        queries++;
        return pages.read(query, values);
      },
      end: async () => {},
    });
    const tokens = [open.token, revoked.token, 'C'.repeat(43), open.token, 'not-a-token'];
    const found = await Promise.all(tokens.map((token) => counting(token)));
    expect(found.map((f) => ('open' in f ? f.open.invitationId : f.closed))).toEqual([
      open.invitationId,
      'revoked',
      'unknown',
      open.invitationId,
      'unknown',
    ]);
    expect(queries).toBe(1);
    // A failed query fails the pages that waited for it, not the next ones.
    const failing = invitationPageLoader({ read: () => Promise.reject(new Error('down')), end: async () => {} });
    await expect(Promise.all([failing(open.token), failing(revoked.token)])).rejects.toThrow('down');
    expect('open' in (await counting(open.token))).toBe(true);
  });

  it('keeps two queries in flight at most; the pages asked for meanwhile leave together', async () => {
    const links = await Promise.all([1, 2, 3, 4].map(() => invitation(t.prisma)));
    const batches: number[] = [];
    const releases: (() => void)[] = [];
    const held = invitationPageLoader({
      read: async (query, values) => {
        batches.push((values[0] as unknown[]).length);
        await new Promise<void>((resolve) => releases.push(resolve));
        return pages.read(query, values);
      },
      end: async () => {},
    });
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const found = [held(links[0]?.token ?? '')];
    await turn();
    found.push(held(links[1]?.token ?? ''));
    await turn();
    found.push(held(links[2]?.token ?? ''), held(links[3]?.token ?? ''));
    await turn();
    expect(batches).toEqual([1, 1]);
    releases.shift()?.();
    await found[0];
    await turn();
    expect(batches).toEqual([1, 1, 2]);
    for (const release of releases) release();
    const results = await Promise.all(found);
    expect(results.map((r) => ('open' in r ? r.open.invitationId : r.closed))).toEqual(
      links.map((l) => l.invitationId),
    );
  });
});
