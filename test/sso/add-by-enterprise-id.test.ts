// Members added by enterprise ID sign in through the provider: the first sign-in links the
// account only when the provider's subject is the ID the admin gave; an admin can correct a wrong
// ID until then. Over HTTP, against a real oidc-provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRunImport } from '../../src/imports/dry-run-import.js';
import { runImport } from '../../src/imports/run-import.js';
import { prepareMemberAddedEmails } from '../../src/outbox/prepare-member-added-emails.js';
import type { Actor } from '../../src/permissions/actor.js';
import { addMemberByEnterpriseId } from '../../src/sso/add-member-by-enterprise-id.js';
import { setEnterpriseId } from '../../src/sso/set-enterprise-id.js';
import { failure } from '../domain/fixtures.js';
import { textOf } from '../enrollment/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { signInToOrganization } from './sign-in.js';
import { claimed, organizationWithProvider, type SsoWorld, startSsoWorld } from './support.js';

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

const unique = () => Math.random().toString(36).slice(2, 8);

async function signIn(owner: Actor, login: string) {
  const page = await signInToOrganization(world, owner.organization.id, login);
  return { status: page.status, text: textOf(page.html) };
}

describe('a member added by enterprise ID', { timeout: 60_000 }, () => {
  it('signs in when the subject is the given ID, and is linked to it', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const id = `00u${unique()}`;
    const email = `${id}@acme.example`;
    world.provider.accounts.set(id, { email, email_verified: true });
    const { member, warnings } = await addMemberByEnterpriseId(t.prisma, owner, {
      email,
      firstName: 'Jon',
      lastName: 'Cho',
      enterpriseId: id,
    });
    expect(member).toMatchObject({ status: 'ACTIVE', passwordHash: null, enterpriseId: id, enterpriseSubject: null });
    expect(warnings.map((w) => w.code)).toContain('sso.enterprise_id_warning');
    // The e-mail says to sign in with the enterprise login, with no password (queued with the add).
    const queued = await t.prisma.outboxMessage.findFirstOrThrow({
      where: { organizationId: owner.organization.id, kind: 'member.added_email' },
    });
    const prepared = await prepareMemberAddedEmails(
      t.prisma,
      [{ message: claimed(queued), payload: { memberId: member.id } }],
      { publicUrl: 'https://sesame.acme.example' },
    );
    const text = prepared.ready[0]?.email.composed.text ?? '';
    expect(text).toContain('You sign in with your enterprise login (Acme SSO): there is no password to choose.');
    expect(text).toContain(`https://sesame.acme.example/sso/start?org=${owner.organization.id}`);
    expect(text).not.toContain('temporary password');

    const first = await signIn(owner, id);
    expect(first.status, first.text).toBe(200);
    expect(first.text).toContain(`You are signed in to ${owner.organization.name}`);
    const linked = await t.prisma.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(linked).toMatchObject({ enterpriseIssuer: world.provider.issuer, enterpriseSubject: id });
    expect(await t.prisma.auditEvent.count({ where: { action: 'member.first_sign_in', subjectId: member.id } })).toBe(
      1,
    );
    // Linked: the ID can no longer be changed, and signing in again still works.
    expect((await failure(setEnterpriseId(t.prisma, owner, { email, enterpriseId: 'other' }))).code).toBe(
      'sso.already_signed_in',
    );
    expect((await signIn(owner, id)).status).toBe(200);
  });

  it('refuses a first sign-in whose subject differs from the given ID, until an admin corrects it', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const subject = `00u${unique()}`;
    const email = `${subject}@acme.example`;
    world.provider.accounts.set(subject, { email, email_verified: true });
    const { member } = await addMemberByEnterpriseId(t.prisma, owner, {
      email,
      firstName: 'Satish',
      lastName: 'Rajhandas',
      enterpriseId: `${subject}-typo`,
    });

    const refused = await signIn(owner, subject);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('does not match your enterprise login');
    expect(await t.prisma.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      enterpriseSubject: null,
      enterpriseIssuer: null,
    });

    await setEnterpriseId(t.prisma, owner, { email, enterpriseId: subject });
    expect((await signIn(owner, subject)).status).toBe(200);
  });

  it('refuses someone the organization does not know', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const stranger = `stranger-${unique()}`;
    world.provider.accounts.set(stranger, { email: `${stranger}@acme.example`, email_verified: true });
    const refused = await signIn(owner, stranger);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('No account of this organization matches your enterprise login');
  });
});

describe("the seed's enterprise CSV", { timeout: 60_000 }, () => {
  it('adds every row by enterprise ID, and those members sign in', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const jcho = `jcho-${unique()}`;
    const srajhandas = `srajhandas-${unique()}`;
    for (const id of [jcho, srajhandas])
      world.provider.accounts.set(id, { email: `${id}@email.com`, email_verified: true });
    const file = [
      'Email,First Name,Last Name,Enterprise ID,User Type,Role',
      `${jcho}@email.com,Jon,Cho,${jcho},Creator,Publisher`,
      `${srajhandas}@email.com,Satish,Rajhandas,${srajhandas},Editor,Data Editor`,
    ].join('\n');
    const dry = await dryRunImport(t.prisma, owner, file);
    expect(dry.errors).toEqual([]);
    const done = await runImport(t.prisma, owner, file);
    expect(done).toMatchObject({ added: 2, invited: 0, errors: [] });
    const members = await t.prisma.member.findMany({
      where: { organizationId: owner.organization.id, enterpriseId: { not: null } },
      orderBy: { email: 'asc' },
    });
    expect(members.map((m) => [m.enterpriseId, m.status, m.passwordHash, m.role, m.userType])).toEqual([
      [jcho, 'ACTIVE', null, 'publisher', 'creator'],
      [srajhandas, 'ACTIVE', null, 'data_editor', 'editor'],
    ]);
    expect((await signIn(owner, jcho)).status).toBe(200);
  });

  it("reads the French header ID d'entreprise, and refuses a row with both a password and an ID", async () => {
    const { owner } = await organizationWithProvider(t.prisma, world);
    const file = [
      "Adresse électronique;Prénom;Nom;ID d'entreprise;Mot de passe",
      `a-${unique()}@email.com;Ana;Lima;00uA;`,
      `b-${unique()}@email.com;Bea;Lima;00uB;Kite7river!moss`,
    ].join('\n');
    const done = await runImport(t.prisma, owner, file, { locale: 'fr' });
    expect(done.added).toBe(1);
    expect(done.errors).toHaveLength(1);
    expect(JSON.stringify(done.errors[0])).toContain("soit un mot de passe, soit un ID d'entreprise");
  });
});

describe('automatic join', { timeout: 60_000 }, () => {
  it('lets a verified address of an auto-join domain join without an invitation, within the seats', async () => {
    const { owner } = await organizationWithProvider(t.prisma, world, {
      autoJoin: true,
      autoJoinDomains: ['auto.example'],
    });
    const inside = `in-${unique()}`;
    world.provider.accounts.set(inside, { email: `${inside}@auto.example`, email_verified: true, given_name: 'In' });
    const joined = await signIn(owner, inside);
    expect(joined.status, joined.text).toBe(200);
    expect(joined.text).toContain(`You joined ${owner.organization.name}`);
    const member = await t.prisma.member.findFirstOrThrow({
      where: { organizationId: owner.organization.id, email: `${inside}@auto.example` },
    });
    expect(member).toMatchObject({ status: 'ACTIVE', passwordHash: null, enterpriseSubject: inside });
    expect(
      await t.prisma.auditEvent.count({
        where: { action: 'invitation.accepted', data: { path: ['memberId'], equals: member.id } },
      }),
    ).toBe(1);

    const outside = `out-${unique()}`;
    world.provider.accounts.set(outside, { email: `${outside}@elsewhere.example`, email_verified: true });
    expect((await signIn(owner, outside)).status).toBe(403);

    // Past the seat limit the request waits for a manager, like any invitation.
    await t.prisma.organization.update({ where: { id: owner.organization.id }, data: { seatLimit: 2 } });
    const late = `late-${unique()}`;
    world.provider.accounts.set(late, { email: `${late}@auto.example`, email_verified: true });
    const held = await signIn(owner, late);
    expect(held.status).toBe(202);
    expect(held.text).toContain('is waiting');
    const invitation = await t.prisma.invitation.findFirstOrThrow({ where: { email: `${late}@auto.example` } });
    expect(invitation.status).toBe('AWAITING_APPROVAL');
    expect(await t.prisma.member.count({ where: { email: `${late}@auto.example` } })).toBe(0);
  });
});
