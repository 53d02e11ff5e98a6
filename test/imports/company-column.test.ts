// The import's Company / Société column: a row with a company is external for that company, checked
// like the rest (its line, its column as written, the reason naming whom to secure), against the
// company tree read once per import.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { dryRunImport } from '../../src/imports/dry-run-import.js';
import { runImport } from '../../src/imports/run-import.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import type { Actor } from '../../src/permissions/actor.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { newOrganization, summary } from './organization.js';

// Counts the company tree's reads: an import must read it once, whatever its rows.
const treeReads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/companies/company-tree.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/companies/company-tree.js')>();
  return {
    ...original,
    loadCompanyTree: (...args: Parameters<typeof original.loadCompanyTree>) => {
      treeReads.count++;
      return original.loadCompanyTree(...args);
    },
  };
});

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

/**
 * Groupe JLO (not secured) > JLO PARIS, Lyon; Acme (secured) > Lyon, Nord > Lille.
 * "Lyon" alone is ambiguous; Acme's subsidiaries are covered, Groupe JLO's are not.
 */
async function partnerCompanies(owner: Actor, externalSeats = 50): Promise<void> {
  await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
  await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
  await addCompany(t.prisma, owner, { name: 'Lyon', parent: 'Groupe JLO' });
  await addCompany(t.prisma, owner, { name: 'Acme' });
  await addCompany(t.prisma, owner, { name: 'Lyon', parent: 'Acme' });
  await addCompany(t.prisma, owner, { name: 'Nord', parent: 'Acme' });
  await addCompany(t.prisma, owner, { name: 'Lille', parent: 'Acme/Nord' });
  await setCompanySecured(t.prisma, owner, 'Acme', true);
  await updateOrganizationSetting(t.prisma, owner, 'external-seats', String(externalSeats));
}

const mixed = [
  'Email,First Name,Last Name,Company', // 1
  'int@example.com,In,Ternal,', // 2: internal
  'a@acme.example,Ana,Lima,Acme', // 3: external, secured company
  'b@acme.example,Bo,Berg,Nowhere', // 4: no such company
  'c@jlo.example,Cy,Cole,JLO PARIS', // 5: not covered, its parent named
  'd@jlo.example,Di,Diaz,Groupe JLO/JLO PARIS', // 6: a path, not covered either
  'e@acme.example,Ed,Eng,Acme/Lyon', // 7: a path, covered through Acme
  'f@acme.example,Fa,Fox,Lyon', // 8: two companies are named Lyon
  'g@acme.example,Gu,Gil,acme/nord/LILLE', // 9: three levels, any case
  'h@jlo.example,Hu,Hal,Groupe JLO', // 10: a top-level company, not covered
  'i@example.com,Io,Ivo,  ', // 11: a blank cell is no company: internal
].join('\n');

describe('the Company column', () => {
  it('reports each external row that names an unknown, ambiguous or uncovered company, dry run and import alike', async () => {
    const owner = await newOrganization(t.prisma);
    await partnerCompanies(owner);
    const dryRun = await dryRunImport(t.prisma, owner, mixed, { locale: 'en' });
    expect(summary(dryRun.errors)).toEqual([
      '4 Company company.not_found',
      '5 Company company.not_covered',
      '6 Company company.not_covered',
      '8 Company company.ambiguous',
      '10 Company company.not_covered_alone',
    ]);
    const byLine = new Map(dryRun.errors.map((e) => [e.line, e.message]));
    expect(byLine.get(5)).toBe('JLO PARIS is not secured: secure it or one of its parent companies (Groupe JLO).');
    expect(byLine.get(4)).toBe('No company named "Nowhere" in this organization (see sesame companies list).');
    expect(dryRun).toMatchObject({ rows: 10, valid: 5, toInvite: 5, wouldHold: 0 });

    const result = await runImport(t.prisma, owner, mixed, { locale: 'en' });
    expect(result.errors).toEqual(dryRun.errors);
    expect(result).toMatchObject({ invited: 5, held: 0, valid: 5 });
    const invitations = await t.prisma.invitation.findMany({
      where: { organizationId: owner.organization.id, batchId: result.batchId },
      orderBy: { email: 'asc' },
    });
    expect(invitations.map((i) => [i.email, i.external, i.companyName, i.status])).toEqual([
      ['a@acme.example', true, 'Acme', 'PENDING'],
      ['e@acme.example', true, 'Lyon', 'PENDING'],
      ['g@acme.example', true, 'Lille', 'PENDING'],
      ['i@example.com', false, null, 'PENDING'],
      ['int@example.com', false, null, 'PENDING'],
    ]);
  });

  it('reads the tree once per import, however many chunks and companies', async () => {
    const owner = await newOrganization(t.prisma);
    await partnerCompanies(owner);
    const chunked = [mixed, ...Array.from({ length: 30 }, (_, i) => `p${i}@acme.example,P,Q,Acme/Nord`)].join('\n');
    treeReads.count = 0;
    const dryRun = await dryRunImport(t.prisma, owner, chunked, { chunkRows: 4 });
    expect(treeReads.count).toBe(1);
    treeReads.count = 0;
    // Past 5 rows the spool keeps them in a file: their companies survive the trip.
    const result = await runImport(t.prisma, owner, chunked, { chunkRows: 4, spoolMemoryRows: 5 });
    expect(treeReads.count).toBe(1);
    expect(result.errors).toEqual(dryRun.errors);
    expect(result).toMatchObject({ invited: 35, valid: 35 });
    const external = await t.prisma.invitation.count({
      where: { organizationId: owner.organization.id, external: true, companyName: { not: null } },
    });
    expect(external).toBe(33);
  });

  it('reads the French header Société and answers in French', async () => {
    const owner = await newOrganization(t.prisma, { locale: 'fr' });
    await partnerCompanies(owner);
    const file = [
      'Adresse électronique;Prénom;Nom;Société',
      'a@acme.example;Ana;Lima;Acme/Nord',
      'c@jlo.example;Cy;Cole;JLO PARIS',
      'x@acme.example;Xi;Xu;Inconnue',
    ].join('\n');
    const dryRun = await dryRunImport(t.prisma, owner, file, { locale: 'fr' });
    expect(summary(dryRun.errors)).toEqual(['3 Société company.not_covered', '4 Société company.not_found']);
    expect(dryRun.errors.map((e) => e.message)).toEqual([
      "JLO PARIS n'est pas sécurisée : sécurisez-la, ou l'une de ses sociétés mères (Groupe JLO).",
      'Aucune société nommée « Inconnue » dans cette organisation (voir sesame companies list).',
    ]);
    expect(dryRun).toMatchObject({ valid: 1, toInvite: 1 });
  });

  it('holds the external invitations beyond the external seats on an external seat request, apart from the plan', async () => {
    const owner = await newOrganization(t.prisma, { seats: 100 });
    await partnerCompanies(owner, 2);
    const file = ['Email,Company', 'a@acme.example,Acme', 'b@acme.example,Acme/Nord', 'c@acme.example,Lille'].join(
      '\n',
    );
    expect(await dryRunImport(t.prisma, owner, file)).toMatchObject({ toInvite: 3, wouldHold: 1, errors: [] });

    // Two chunks: the one held row waits on one external seat request for the whole import.
    const internalRows = Array.from({ length: 3 }, (_, i) => `in${i}@example.com,`);
    const result = await runImport(t.prisma, owner, [file, ...internalRows].join('\n'), { chunkRows: 2 });
    expect(result).toMatchObject({ invited: 5, held: 1, errors: [] });
    const requests = await t.prisma.seatRequest.findMany({ where: { organizationId: owner.organization.id } });
    expect(requests.map((r) => [r.id, r.kind, r.seatsRequested])).toEqual([[result.seatRequestId, 'external', 1]]);
    expect(result.seatRequestIds).toEqual({ external: result.seatRequestId });
    const held = await t.prisma.invitation.findFirstOrThrow({
      where: { organizationId: owner.organization.id, status: 'AWAITING_APPROVAL' },
    });
    expect([held.email, held.external, held.seatRequestId]).toEqual(['c@acme.example', true, result.seatRequestId]);
  });
});

describe('rows added directly with a company', () => {
  it('adds external members of a covered company on the external seats, and refuses the others by row', async () => {
    const owner = await newOrganization(t.prisma);
    await partnerCompanies(owner, 1);
    const file = [
      'Email,First Name,Last Name,Password,Company',
      'a@acme.example,Ana,Lima,Tr0mbone-Lavande-42,Acme/Nord', // 2: external, added
      'c@jlo.example,Cy,Cole,Tr0mbone-Lavande-42,JLO PARIS', // 3: not covered
      'in@example.com,In,Ternal,Tr0mbone-Lavande-42,', // 4: internal, added
      'b@acme.example,Bo,Berg,Tr0mbone-Lavande-42,Acme', // 5: the one external seat is taken
    ].join('\n');
    const dryRun = await dryRunImport(t.prisma, owner, file);
    expect(summary(dryRun.errors)).toEqual(['3 Company company.not_covered', '5 Email company.external_seats_full']);
    expect(dryRun).toMatchObject({ toAdd: 2 });

    const result = await runImport(t.prisma, owner, file);
    expect(result.errors).toEqual(dryRun.errors);
    expect(result).toMatchObject({ added: 2 });
    const members = await t.prisma.member.findMany({
      where: { organizationId: owner.organization.id, email: { not: owner.member.email } },
      orderBy: { email: 'asc' },
    });
    expect(members.map((m) => [m.email, m.external, m.companyName])).toEqual([
      ['a@acme.example', true, 'Nord'],
      ['in@example.com', false, null],
    ]);
  });
});

describe('enterprise IDs', () => {
  const file = [
    'Email,First Name,Last Name,Enterprise ID,Company',
    'jcho@acme.example,Jon,Cho,00uJCHO,Acme', // 2
    'ana@example.com,Ana,Lima,,', // 3: invited, no ID
  ].join('\n');

  it('are flagged by the dry run when no identity provider is configured, as the import refuses them', async () => {
    const owner = await newOrganization(t.prisma);
    await partnerCompanies(owner);
    const dryRun = await dryRunImport(t.prisma, owner, file, { locale: 'en' });
    expect(summary(dryRun.errors)).toEqual(['2 Enterprise ID sso.enterprise_needs_provider']);
    expect(dryRun).toMatchObject({ valid: 1, toAdd: 0, toInvite: 1 });
    const result = await runImport(t.prisma, owner, file, { locale: 'en' });
    expect(result.errors).toEqual(dryRun.errors);
  });

  it('add an external member of the company once a provider is configured', async () => {
    const owner = await newOrganization(t.prisma);
    await partnerCompanies(owner);
    // The add never talks to the provider: its row is enough here.
    await t.prisma.identityProvider.create({
      data: {
        organizationId: owner.organization.id,
        issuer: 'https://login.acme.example',
        clientId: 'sesame',
        clientSecret: {},
        label: 'Acme SSO',
      },
    });
    const dryRun = await dryRunImport(t.prisma, owner, file);
    expect(dryRun).toMatchObject({ errors: [], toAdd: 1, toInvite: 1 });
    const result = await runImport(t.prisma, owner, file);
    expect(result).toMatchObject({ errors: [], added: 1, invited: 1 });
    const member = await t.prisma.member.findFirstOrThrow({
      where: { organizationId: owner.organization.id, email: 'jcho@acme.example' },
    });
    expect([member.enterpriseId, member.external, member.companyName, member.passwordHash]).toEqual([
      '00uJCHO',
      true,
      'Acme',
      null,
    ]);
  });
});
