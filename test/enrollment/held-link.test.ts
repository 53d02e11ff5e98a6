// A link whose invitation went back to waiting for approval (its company secured again with no
// external seat left, issue 16) says so, instead of calling the link unknown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { invite } from '../../src/invitations/invite.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type Pages, startPages, textOf, Visitor } from './support.js';

let t: TestDatabase;
let pages: Pages;
beforeAll(async () => {
  t = await createTestDatabase();
  pages = await startPages(t);
});
afterAll(async () => {
  await pages?.close();
  await t?.close();
});

describe('a link whose invitation waits for approval again', () => {
  it('says it waits for a manager, in English and French, and accepts nothing', async () => {
    const { owner } = await newOrganization(t.prisma);
    await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
    await addCompany(t.prisma, owner, { name: 'Acme' });
    await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
    await setCompanySecured(t.prisma, owner, 'Acme', true);
    await updateOrganizationSetting(t.prisma, owner, 'external-seats', '1');
    const made = await invite(t.prisma, owner, { emails: ['ana@jlo.example'], company: 'Groupe JLO' });
    const token = await issueAcceptToken(t.prisma, made.results[0]?.invitationId as string);
    await setCompanySecured(t.prisma, owner, 'Groupe JLO', false);
    await invite(t.prisma, owner, { emails: ['bo@acme.example'], company: 'Acme' });
    await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
    const held = await t.prisma.invitation.findFirstOrThrow({ where: { email: 'ana@jlo.example' } });
    expect(held.status).toBe('AWAITING_APPROVAL');

    const en = await new Visitor(pages.base, { 'accept-language': 'en' }).get(`/accept/${token}`);
    expect(en.status).toBe(409);
    expect(textOf(en.html)).toContain('waiting for a manager’s approval');
    const fr = await new Visitor(pages.base, { 'accept-language': 'fr' }).get(`/accept/${token}`);
    expect(textOf(fr.html)).toContain('attend l’approbation d’un responsable');
    expect(en.csrf).toBeUndefined();
  });
});
