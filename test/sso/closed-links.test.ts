// An enterprise invitation's link stays single-use, and a revoked, expired or used link behaves at
// /sso/start and /sso/callback as on the accept page: its page (410 or 409), nobody sent to the
// provider, nothing created. At the callback the link may have closed while the invitee was
// signing in at the provider (a real oidc-provider on loopback).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import type { Actor } from '../../src/permissions/actor.js';
import { textOf } from '../enrollment/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { signInAtProvider } from './provider.js';
import { Browser, enterpriseInvitation, organizationWithProvider, type SsoWorld, startSsoWorld } from './support.js';

let t: TestDatabase;
let world: SsoWorld;
let owner: Actor;
beforeAll(async () => {
  t = await createTestDatabase();
  world = await startSsoWorld(t);
  ({ owner } = await organizationWithProvider(t.prisma, world));
});
afterAll(async () => {
  await world?.close();
  await t?.close();
});

let n = 0;
/** An enterprise invitation to a provider account of the same address. */
async function invitee() {
  n += 1;
  const login = `closed-${n}-${Math.random().toString(36).slice(2, 8)}`;
  const email = `${login}@acme.example`;
  world.provider.accounts.set(login, { email, email_verified: true, given_name: 'Ana', family_name: 'Lima' });
  return { login, email, ...(await enterpriseInvitation(t.prisma, owner, email)) };
}

/** /sso/start for the link: the provider's authorization URL when it opens. */
const start = (browser: Browser, token: string, lang = 'en') => browser.get(`/sso/start?token=${token}&lang=${lang}`);

/** Starts in a browser and signs in at the provider: the callback URL, not followed yet. */
async function atProvider(person: { token: string; login: string }, browser = new Browser(world.base)) {
  const started = await start(browser, person.token);
  expect(started.status).toBe(303);
  return {
    browser,
    callback: await signInAtProvider(started.headers.get('location') ?? '', person.login, world.callback),
  };
}

/** Expiry as the job does it: the lifetime ends, then the sweep marks the invitation EXPIRED. */
async function expire(invitationId: string, sweep: boolean) {
  const past = new Date(Date.now() - 60_000);
  await t.prisma.invitation.update({ where: { id: invitationId }, data: { expiresAt: past } });
  if (sweep) await expireDueInvitations(t.prisma);
}

const members = (email: string) => t.prisma.member.count({ where: { organizationId: owner.organization.id, email } });
const signIns = () => t.prisma.ssoLogin.count({ where: { organizationId: owner.organization.id } });

async function expectClosedPage(res: Response, status: number, title: string) {
  const text = textOf(await res.text());
  expect(res.status, text).toBe(status);
  expect(text).toContain(title);
  expect(res.headers.get('location')).toBeNull();
}

describe('a closed enterprise link at /sso/start', { timeout: 60_000 }, () => {
  it('shows the revoked, expired or used page and sends nobody to the provider', async () => {
    const revoked = await invitee();
    await revokeInvitation(t.prisma, owner, revoked.invitationId);
    const swept = await invitee();
    await expire(swept.invitationId, true);
    const lapsed = await invitee();
    await expire(lapsed.invitationId, false);
    const used = await invitee();
    const joined = await atProvider(used);
    expect((await joined.browser.get(joined.callback)).status).toBe(200);
    const before = await signIns();

    const browser = new Browser(world.base);
    await expectClosedPage(await start(browser, revoked.token), 410, 'This invitation was withdrawn');
    await expectClosedPage(await start(browser, lapsed.token), 410, 'This invitation has expired');
    await expectClosedPage(await start(browser, swept.token), 410, 'This invitation has expired');
    await expectClosedPage(await start(browser, swept.token, 'fr'), 410, 'Cette invitation a expiré');
    await expectClosedPage(await start(browser, used.token), 409, 'This invitation was already accepted');
    expect(browser.setCookies).toEqual([]);
    expect(await signIns()).toBe(before);
  });
});

describe('a link closed while the invitee signs in at the provider, at /sso/callback', { timeout: 60_000 }, () => {
  it('shows the withdrawn page when it was revoked meanwhile; nothing is created', async () => {
    const person = await invitee();
    const { browser, callback } = await atProvider(person);
    await revokeInvitation(t.prisma, owner, person.invitationId);
    await expectClosedPage(await browser.get(callback), 410, 'This invitation was withdrawn');
    expect(await members(person.email)).toBe(0);
    expect(browser.setCookies.at(-1)).toMatch(/^sesame-sso=;.*Max-Age=0/);
  });

  it.each([
    { when: 'its lifetime ended', sweep: false },
    { when: 'the expiry job swept it', sweep: true },
  ])('shows the expired page when $when meanwhile; nothing is created', async ({ sweep }) => {
    const person = await invitee();
    const { browser, callback } = await atProvider(person);
    await expire(person.invitationId, sweep);
    await expectClosedPage(await browser.get(callback), 410, 'This invitation has expired');
    expect(await members(person.email)).toBe(0);
  });

  it('shows the waiting page when it went back to a manager meanwhile (its company secured again beyond the seats)', async () => {
    const person = await invitee();
    const { browser, callback } = await atProvider(person);
    // What resuming a suspended invitation beyond the external seats does (follow-coverage.ts).
    await t.prisma.invitation.update({ where: { id: person.invitationId }, data: { status: 'AWAITING_APPROVAL' } });
    await expectClosedPage(await browser.get(callback), 409, 'This invitation is waiting for approval');
    expect(await members(person.email)).toBe(0);
  });

  it('stays single-use: a second sign-in started before the first ended finds it used', async () => {
    const person = await invitee();
    const first = await atProvider(person);
    const second = await atProvider(person);
    expect((await first.browser.get(first.callback)).status).toBe(200);
    await expectClosedPage(await second.browser.get(second.callback), 409, 'This invitation was already accepted');
    expect(await members(person.email)).toBe(1);
    const invitation = await t.prisma.invitation.findUniqueOrThrow({ where: { id: person.invitationId } });
    expect(invitation.status).toBe('ACCEPTED');
  });
});
