// Partner companies: a tree of any depth, coverage through secured ancestors (one query), cycles
// refused, subtrees moved, changes audited, and only owners and administrators managing them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { type CompanyNode, companyPath, loadCompanyTree } from '../../src/companies/company-tree.js';
import { assertCovered } from '../../src/companies/coverage.js';
import { findCompany } from '../../src/companies/find-company.js';
import { listCompanies } from '../../src/companies/list-companies.js';
import { moveCompany } from '../../src/companies/move-company.js';
import { removeCompany } from '../../src/companies/remove-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import type { AppError } from '../../src/errors/app-error.js';
import { translate } from '../../src/i18n/messages.js';
import type { Actor } from '../../src/permissions/actor.js';
import { failure, memberActor, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const tree = (actor: Actor) => loadCompanyTree(t.prisma, actor.organization.id);
const coveredNames = async (actor: Actor) =>
  (await tree(actor))
    .filter((c) => c.covered)
    .map(companyPath)
    .sort();
const node = async (actor: Actor, ref: string): Promise<CompanyNode> => findCompany(await tree(actor), ref);
const refusal = (company: CompanyNode) => {
  try {
    assertCovered(company);
    return 'covered';
  } catch (error) {
    const { code, params } = error as AppError;
    return { en: translate('en', code, params as never), fr: translate('fr', code, params as never) };
  }
};

/** A chain of companies L1 > L2 > ... > Ln; returns their names. */
async function chain(owner: Actor, depth: number): Promise<string[]> {
  const names = Array.from({ length: depth }, (_, i) => `L${i + 1}`);
  for (const [i, name] of names.entries()) await addCompany(t.prisma, owner, { name, parent: names[i - 1] });
  return names;
}

describe('partner companies', () => {
  it('"Groupe JLO": securing the parent covers JLO PARIS and JLO PROVINCE, and the refusal names whom to secure', async () => {
    const { owner } = await newOrganization(t.prisma);
    await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
    await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
    await addCompany(t.prisma, owner, { name: 'JLO PROVINCE', parent: 'groupe jlo' });
    await addCompany(t.prisma, owner, { name: 'Acme' });

    expect(refusal(await node(owner, 'JLO PARIS'))).toEqual({
      en: 'JLO PARIS is not secured: secure it or one of its parent companies (Groupe JLO).',
      fr: "JLO PARIS n'est pas sécurisée : sécurisez-la, ou l'une de ses sociétés mères (Groupe JLO).",
    });
    expect(refusal(await node(owner, 'Acme'))).toEqual({
      en: 'Acme is not secured: secure it first (sesame companies secure "Acme").',
      fr: "Acme n'est pas sécurisée : sécurisez-la d'abord (sesame companies secure « Acme »).",
    });

    const secured = await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
    expect(secured.gainedCoverage.map(companyPath)).toEqual([
      'Groupe JLO',
      'Groupe JLO/JLO PARIS',
      'Groupe JLO/JLO PROVINCE',
    ]);
    expect(await coveredNames(owner)).toEqual(['Groupe JLO', 'Groupe JLO/JLO PARIS', 'Groupe JLO/JLO PROVINCE']);
    expect(refusal(await node(owner, 'JLO PARIS'))).toBe('covered');

    const listed = await listCompanies(t.prisma, owner);
    expect(listed.map((c) => [c.name, c.secured, c.covered, c.subsidiaries.map((s) => [s.name, s.covered])])).toEqual([
      ['Acme', false, false, []],
      [
        'Groupe JLO',
        true,
        true,
        [
          ['JLO PARIS', true],
          ['JLO PROVINCE', true],
        ],
      ],
    ]);

    const again = await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
    expect(again.changed).toBe(false);
    const unsecured = await setCompanySecured(t.prisma, owner, 'Groupe JLO', false);
    expect(unsecured.lostCoverage.map((c) => c.name)).toEqual(['Groupe JLO', 'JLO PARIS', 'JLO PROVINCE']);
    expect(await coveredNames(owner)).toEqual([]);
  });

  it.each([1, 2, 3, 4, 5])('covers through %i level(s): securing level k covers k and below only', async (depth) => {
    const { owner } = await newOrganization(t.prisma);
    const names = await chain(owner, depth);
    for (const [k, name] of names.entries()) {
      await setCompanySecured(t.prisma, owner, name, true);
      const covered = (await tree(owner)).map((c) => c.covered);
      expect(covered).toEqual(names.map((_, i) => i >= k));
      const deepest = await node(owner, names[depth - 1] ?? '');
      expect(deepest.covered).toBe(true);
      await setCompanySecured(t.prisma, owner, name, false);
    }
    const deepest = await node(owner, names[depth - 1] ?? '');
    expect(deepest.names).toEqual(names);
    expect(refusal(deepest)).toMatchObject({
      en:
        depth === 1
          ? expect.stringContaining('secure it first')
          : expect.stringContaining(`(${names.slice(0, -1).reverse().join(', ')})`),
    });
  });

  it('refuses cycles: under itself or any of its subsidiaries, at any depth', async () => {
    const { owner } = await newOrganization(t.prisma);
    const names = await chain(owner, 5);
    for (const target of names) {
      const error = await failure(moveCompany(t.prisma, owner, 'L1', target));
      expect(error.code).toBe('company.cycle');
    }
    const error = await failure(moveCompany(t.prisma, owner, 'L3', 'L5'));
    expect(translate('fr', error.code, error.params as never)).toBe(
      "L3 ne peut pas être placée sous L5 : L5 est L3 elle-même ou l'une de ses filiales.",
    );
    expect((await tree(owner)).map(companyPath)).toEqual(['L1', 'L1/L2', 'L1/L2/L3', 'L1/L2/L3/L4', 'L1/L2/L3/L4/L5']);
  });

  it('moves a subtree with its subsidiaries; coverage follows the new parent', async () => {
    const { owner } = await newOrganization(t.prisma);
    await chain(owner, 3);
    await addCompany(t.prisma, owner, { name: 'Secured Group' });
    await setCompanySecured(t.prisma, owner, 'Secured Group', true);

    const moved = await moveCompany(t.prisma, owner, 'L2', 'Secured Group');
    expect(moved.gainedCoverage.map(companyPath)).toEqual(['Secured Group/L2', 'Secured Group/L2/L3']);
    expect((await tree(owner)).map(companyPath)).toEqual([
      'L1',
      'Secured Group',
      'Secured Group/L2',
      'Secured Group/L2/L3',
    ]);

    const back = await moveCompany(t.prisma, owner, 'L2', null);
    expect(back.lostCoverage.map((c) => c.name)).toEqual(['L2', 'L3']);
    expect((await tree(owner)).map(companyPath)).toEqual(['L1', 'L2', 'L2/L3', 'Secured Group']);
    expect((await moveCompany(t.prisma, owner, 'L2', null)).changed).toBe(false);

    const audit = await t.prisma.auditEvent.findMany({
      where: { organizationId: owner.organization.id, action: 'company.moved' },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((a) => a.data)).toEqual([
      expect.objectContaining({
        name: 'L2',
        from: 'L1',
        to: 'Secured Group',
        gainedCoverage: ['Secured Group/L2', 'Secured Group/L2/L3'],
      }),
      expect.objectContaining({
        name: 'L2',
        from: 'Secured Group',
        to: null,
        lostCoverage: ['Secured Group/L2', 'Secured Group/L2/L3'],
      }),
    ]);
  });

  it('keeps names unique within their parent (case-insensitively), names a company by its path when names repeat', async () => {
    const { owner } = await newOrganization(t.prisma);
    await addCompany(t.prisma, owner, { name: 'North' });
    await addCompany(t.prisma, owner, { name: 'South' });
    await addCompany(t.prisma, owner, { name: 'Paris', parent: 'North' });
    await addCompany(t.prisma, owner, { name: 'Paris', parent: 'South' });
    expect((await failure(addCompany(t.prisma, owner, { name: ' paris ', parent: 'North' }))).code).toBe(
      'company.exists',
    );
    expect((await failure(addCompany(t.prisma, owner, { name: 'NORTH' }))).code).toBe('company.exists');
    expect((await failure(moveCompany(t.prisma, owner, 'North/Paris', 'South'))).code).toBe('company.exists');

    const ambiguous = await failure(setCompanySecured(t.prisma, owner, 'Paris', true));
    expect(translate('en', ambiguous.code, ambiguous.params as never)).toBe(
      'Several companies are named "Paris": name it with its parent, one of "North/Paris", "South/Paris".',
    );
    await setCompanySecured(t.prisma, owner, 'South/Paris', true);
    expect(await coveredNames(owner)).toEqual(['South/Paris']);
    expect((await failure(setCompanySecured(t.prisma, owner, 'Lyon', true))).code).toBe('company.not_found');
    for (const name of ['', 'A/B', 'none', 'x'.repeat(101), 'tab\there']) {
      expect((await failure(addCompany(t.prisma, owner, { name }))).code).toMatch(/^company\.name_(invalid|reserved)$/);
    }
    // Each organization has its own companies.
    const other = await newOrganization(t.prisma);
    await addCompany(t.prisma, other.owner, { name: 'North' });
    expect((await failure(addCompany(t.prisma, other.owner, { name: 'x', parent: 'South' }))).code).toBe(
      'company.not_found',
    );
  });

  it('removes a company without subsidiaries only, and audits every change', async () => {
    const { owner } = await newOrganization(t.prisma);
    await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
    await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
    await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
    const refused = await failure(removeCompany(t.prisma, owner, 'Groupe JLO'));
    expect(translate('en', refused.code, refused.params as never)).toBe(
      'Groupe JLO has 1 subsidiary: move or remove it first.',
    );
    const removed = await removeCompany(t.prisma, owner, 'JLO PARIS');
    expect(removed.lostCoverage.map((c) => c.name)).toEqual(['JLO PARIS']);
    await removeCompany(t.prisma, owner, 'Groupe JLO');
    expect(await tree(owner)).toEqual([]);
    const actions = await t.prisma.auditEvent.findMany({
      where: { organizationId: owner.organization.id, subjectType: 'company' },
      orderBy: { createdAt: 'asc' },
    });
    expect(actions.map((a) => a.action)).toEqual([
      'company.added',
      'company.added',
      'company.secured',
      'company.removed',
      'company.removed',
    ]);
  });

  it('lets only owners and administrators manage or list companies', async () => {
    const { owner } = await newOrganization(t.prisma);
    await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
    const viewer = await memberActor(t.prisma, owner, { email: 'viewer@x.example.com' });
    const manager = await memberActor(t.prisma, owner, { email: 'manager@x.example.com', manager: true });
    const admin = await memberActor(t.prisma, owner, { email: 'admin@x.example.com', role: 'administrator' });
    for (const actor of [viewer, manager]) {
      for (const attempt of [
        addCompany(t.prisma, actor, { name: 'Acme' }),
        listCompanies(t.prisma, actor),
        setCompanySecured(t.prisma, actor, 'Groupe JLO', true),
        moveCompany(t.prisma, actor, 'Groupe JLO', null),
        removeCompany(t.prisma, actor, 'Groupe JLO'),
      ]) {
        const error = await failure(attempt);
        expect(error.code).toBe('permission.manage_companies');
      }
    }
    const error = await failure(setCompanySecured(t.prisma, viewer, 'Groupe JLO', true));
    expect(translate('fr', error.code, error.params as never)).toBe(
      'viewer@x.example.com ne peut pas gérer les sociétés partenaires\u00a0: seuls les propriétaires et administrateurs le peuvent.',
    );
    await addCompany(t.prisma, admin, { name: 'JLO PARIS', parent: 'Groupe JLO' });
    await setCompanySecured(t.prisma, admin, 'Groupe JLO', true);
    expect(await coveredNames(owner)).toEqual(['Groupe JLO', 'Groupe JLO/JLO PARIS']);
  });

  it('serializes concurrent moves: two crossing moves never build a cycle', async () => {
    const { owner } = await newOrganization(t.prisma);
    await addCompany(t.prisma, owner, { name: 'A' });
    await addCompany(t.prisma, owner, { name: 'B' });
    const outcomes = await Promise.allSettled([
      moveCompany(t.prisma, owner, 'A', 'B'),
      moveCompany(t.prisma, owner, 'B', 'A'),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe('company.cycle');
    expect((await tree(owner)).map(companyPath).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(A\/B|B\/A)$/)]),
    );
  });
});
