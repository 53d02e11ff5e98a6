// Enterprise invitations over HTTP, against a real OpenID Provider (oidc-provider) on loopback:
// the accept page offers "Continue with <label>", the provider signs the invitee in, and the
// callback enrolls them through the same path as the password form. Every refusal leaves the
// invitation pending and creates nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation } from '../../src/invitations/accept.js';
import type { InvitationEmailPayload } from '../../src/outbox/payloads.js';
import { prepareInvitationEmails } from '../../src/outbox/prepare-invitation-emails.js';
import type { Actor } from '../../src/permissions/actor.js';
import { failure } from '../domain/fixtures.js';
import { STRONG_PASSWORD, textOf } from '../enrollment/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { signInAtProvider } from './provider.js';
import {
  Browser,
  claimed,
  enterpriseInvitation,
  organizationWithProvider,
  type SsoWorld,
  startSsoWorld,
} from './support.js';

let t: TestDatabase;
let world: SsoWorld;
beforeAll(async () => {
  t = await createTestDatabase();
  world = await startSsoWorld(t);
});
afterAll(async () => {
  await world?.close();
  await t?.close();
});

let n = 0;
/** A provider account and an address for it, unique to the test. */
function account(overrides: { email?: string; email_verified?: boolean } = {}) {
  n += 1;
  const id = `employee-${n}-${Math.random().toString(36).slice(2, 8)}`;
  const email = overrides.email ?? `${id}@acme.example`;
  world.provider.accounts.set(id, {
    email,
    email_verified: overrides.email_verified ?? true,
    given_name: 'Ana',
    family_name: 'Lima',
  });
  return { id, email };
}

/** Opens the accept page, follows "Continue with", signs in at the provider, comes back. */
async function joinThroughProvider(path: string, login: string, browser = new Browser(world.base)) {
  const page = await browser.get(path);
  const html = await page.text();
  const start = /href="(\/sso\/start\?[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  if (!start) throw new Error(`no "Continue with" link on the accept page (${page.status})`);
  const started = await browser.get(start);
  expect(started.status).toBe(303);
  const callback = await signInAtProvider(started.headers.get('location') ?? '', login, world.callback);
  const back = await browser.get(callback);
  return { browser, start, callback, back, html: await back.text() };
}

async function pendingAndNothingCreated(invitationId: string, email: string, owner: Actor) {
  const invitation = await t.prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } });
  expect(invitation.status).toBe('PENDING');
  expect(await t.prisma.member.count({ where: { organizationId: owner.organization.id, email } })).toBe(0);
}

describe('an enterprise invitation', { timeout: 60_000 }, () => {
  it('joins through the provider: member active with the enterprise identity and no password, announced like a password enrollment', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    await t.prisma.webhookEndpoint.create({
      data: { organizationId: owner.organization.id, url: 'https://hooks.example.com/x', secret: 's' },
    });
    const person = account();
    const link = await enterpriseInvitation(t.prisma, owner, person.email);

    // The e-mail's button says how to join.
    const queued = await t.prisma.outboxMessage.findFirstOrThrow({
      where: { organizationId: owner.organization.id, kind: 'invitation.email' },
    });
    const prepared = await prepareInvitationEmails(
      t.prisma,
      [{ message: claimed(queued), payload: queued.payload as InvitationEmailPayload }],
      { publicUrl: world.base, now: new Date() },
    );
    expect(prepared.ready[0]?.email.composed.text).toContain('Continue with Acme SSO:');
    expect(prepared.ready[0]?.email.composed.html).toContain('Continue with Acme SSO');

    const accept = await new Browser(world.base).get(link.path);
    const acceptText = textOf(await accept.text());
    expect(acceptText).toContain('Continue with Acme SSO');
    // The organization joins through its provider only: no password form.
    expect(acceptText).not.toContain('Create my account');

    const { browser, back, html } = await joinThroughProvider(link.path, person.id);
    expect(back.status, textOf(html)).toBe(200);
    expect(textOf(html)).toContain(`You joined ${owner.organization.name}`);
    expect(textOf(html)).toContain('sign in with Acme SSO');
    const cookie = browser.setCookies.find((line) => line.startsWith('sesame-sso='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // http here; Secure and __Host- under https

    const member = await t.prisma.member.findFirstOrThrow({
      where: { organizationId: owner.organization.id, email: person.email },
    });
    expect(member).toMatchObject({
      status: 'ACTIVE',
      passwordHash: null,
      enterpriseIssuer: world.provider.issuer,
      enterpriseSubject: person.id,
      firstName: 'Ana',
      lastName: 'Lima',
    });
    const invitation = await t.prisma.invitation.findUniqueOrThrow({ where: { id: link.invitationId } });
    expect(invitation).toMatchObject({ status: 'ACCEPTED', memberId: member.id });
    const audit = await t.prisma.auditEvent.findMany({
      where: { organizationId: owner.organization.id, action: 'invitation.accepted' },
    });
    expect(audit).toHaveLength(1);
    const outbox = await t.prisma.outboxMessage.findMany({ where: { organizationId: owner.organization.id } });
    const said = JSON.stringify(outbox.map((row) => row.payload));
    expect(said).toContain('"type":"invitation.accepted"');
    expect(said).toContain('member.enrolled');
    expect(outbox.some((row) => row.kind === 'notification' && JSON.stringify(row.payload).includes(member.id))).toBe(
      true,
    );
    // The log names the invitation and the member, never the provider's tokens or claims.
    const logs = world.logs.join('\n');
    expect(logs).toContain(link.invitationId);
    expect(logs).not.toContain(person.id);
    expect(logs).not.toContain(person.email);
    expect(logs).not.toContain(link.token);
  });

  it('refuses another address than the invited one, naming the invited address; nothing is created', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const invited = `invited-${Math.random().toString(36).slice(2, 8)}@acme.example`;
    const other = account();
    const link = await enterpriseInvitation(t.prisma, owner, invited);
    const { back, html } = await joinThroughProvider(link.path, other.id);
    expect(back.status).toBe(403);
    expect(textOf(html)).toContain(`This invitation is for ${invited}`);
    await pendingAndNothingCreated(link.invitationId, other.email, owner);
    await pendingAndNothingCreated(link.invitationId, invited, owner);
  });

  it('compares the addresses case-insensitively', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const person = account();
    world.provider.accounts.set(person.id, { email: person.email.toUpperCase(), email_verified: true });
    const link = await enterpriseInvitation(t.prisma, owner, person.email);
    const { back } = await joinThroughProvider(link.path, person.id);
    expect(back.status).toBe(200);
  });

  it('refuses an address the provider did not verify', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const person = account({ email_verified: false });
    const link = await enterpriseInvitation(t.prisma, owner, person.email);
    const { back, html } = await joinThroughProvider(link.path, person.id);
    expect(back.status).toBe(403);
    expect(textOf(html)).toContain('did not confirm your e-mail address');
    await pendingAndNothingCreated(link.invitationId, person.email, owner);
  });

  it("takes Entra ID's xms_edov as the address's verification", async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const person = account();
    world.provider.accounts.set(person.id, { email: person.email, xms_edov: true });
    const link = await enterpriseInvitation(t.prisma, owner, person.email);
    expect((await joinThroughProvider(link.path, person.id)).back.status).toBe(200);
  });

  it('shows the page in French', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const invited = `fr-${Math.random().toString(36).slice(2, 8)}@acme.example`;
    const other = account();
    const link = await enterpriseInvitation(t.prisma, owner, invited);
    const { back, html } = await joinThroughProvider(`${link.path}?lang=fr`, other.id);
    expect(back.status).toBe(403);
    expect(textOf(html)).toContain(`Cette invitation est destinée à ${invited}`);
  });

  it('refuses a replayed callback, and one without the browser cookie', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const person = account();
    const link = await enterpriseInvitation(t.prisma, owner, person.email);
    const first = await joinThroughProvider(link.path, person.id);
    expect(first.back.status).toBe(200);
    const replay = await new Browser(world.base).get(first.callback);
    expect(replay.status).toBe(400);
    expect(textOf(await replay.text())).toContain('expired, was already used');

    // Another browser that was handed the callback URL (no cookie) gets nothing either.
    const second = account();
    const other = await enterpriseInvitation(t.prisma, owner, second.email);
    const browser = new Browser(world.base);
    await browser.get(other.path);
    const page = await new Browser(world.base).get(other.path);
    const start = /href="(\/sso\/start\?[^"]+)"/.exec(await page.text())?.[1]?.replace(/&amp;/g, '&') ?? '';
    const started = await browser.get(start);
    const callback = await signInAtProvider(started.headers.get('location') ?? '', second.id, world.callback);
    const stolen = await new Browser(world.base).get(callback);
    expect(stolen.status).toBe(400);
    await pendingAndNothingCreated(other.invitationId, second.email, owner);
    // The right browser still can (the stolen try did not consume it).
    expect((await browser.get(callback)).status).toBe(200);
  });

  it('refuses an expired sign-in', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const person = account();
    const link = await enterpriseInvitation(t.prisma, owner, person.email);
    const browser = new Browser(world.base);
    const page = await browser.get(link.path);
    const start = /href="(\/sso\/start\?[^"]+)"/.exec(await page.text())?.[1]?.replace(/&amp;/g, '&') ?? '';
    const started = await browser.get(start);
    const callback = await signInAtProvider(started.headers.get('location') ?? '', person.id, world.callback);
    await t.prisma.ssoLogin.updateMany({
      where: { organizationId: owner.organization.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await browser.get(callback)).status).toBe(400);
    await pendingAndNothingCreated(link.invitationId, person.email, owner);
  });

  it('refuses an ID token for another audience, and one signed by a key the provider never published', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    for (const tamper of [
      (idToken: string) => world.provider.resign(idToken, { aud: 'another-client' }),
      (idToken: string) => world.provider.forge(idToken),
    ]) {
      const person = account();
      const link = await enterpriseInvitation(t.prisma, owner, person.email);
      world.provider.tamper = tamper;
      try {
        const { back, html } = await joinThroughProvider(link.path, person.id);
        expect(back.status).toBe(403);
        expect(textOf(html)).toContain('could not be verified');
      } finally {
        world.provider.tamper = undefined;
      }
      await pendingAndNothingCreated(link.invitationId, person.email, owner);
    }
    // The provider's own token, untouched, still goes through (the checks above refused the change).
    const person = account();
    const link = await enterpriseInvitation(t.prisma, owner, person.email);
    expect((await joinThroughProvider(link.path, person.id)).back.status).toBe(200);
  });

  it('says the provider is down when it cannot be reached at the callback', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const person = account();
    const link = await enterpriseInvitation(t.prisma, owner, person.email);
    const browser = new Browser(world.base);
    const page = await browser.get(link.path);
    const start = /href="(\/sso\/start\?[^"]+)"/.exec(await page.text())?.[1]?.replace(/&amp;/g, '&') ?? '';
    const started = await browser.get(start);
    const callback = await signInAtProvider(started.headers.get('location') ?? '', person.id, world.callback);
    world.provider.down();
    try {
      const back = await browser.get(callback);
      expect(back.status).toBe(502);
      expect(textOf(await back.text())).toContain('could not be reached');
    } finally {
      world.provider.up();
    }
    await pendingAndNothingCreated(link.invitationId, person.email, owner);
  });

  it('takes no password for an invitation the organization accepts through its provider only', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const email = `only-${n}@acme.example`;
    const link = await enterpriseInvitation(t.prisma, owner, email);
    const password = {
      firstName: 'A',
      lastName: 'B',
      password: STRONG_PASSWORD,
      passwordConfirmation: STRONG_PASSWORD,
    };
    const refused = await failure(acceptInvitation(t.prisma, { token: link.token, ...password }));
    expect(refused.code).toBe('sso.password_not_offered');
    await pendingAndNothingCreated(link.invitationId, email, owner);
  });

  it('offers the password form too when the organization lets members join either way', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world, { joinMode: 'EITHER' });
    const link = await enterpriseInvitation(t.prisma, owner, `either-${n}@acme.example`);
    const text = textOf(await (await new Browser(world.base).get(link.path)).text());
    expect(text).toContain('Continue with Acme SSO');
    expect(text).toContain('Create my account');
  });
});
