// What an external invitee sees: the e-mail and the accept page name the partner company they are
// invited for ("invited as an external member for JLO PARIS"), escaped, in English and French.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { parseEnv } from '../../src/config/env.js';
import { createTransport } from '../../src/email/transport/create-transport.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { invite } from '../../src/invitations/invite.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { deliverOutbox } from '../../src/outbox/deliver-outbox.js';
import { newOrganization } from '../domain/fixtures.js';
import { memoryLog, PUBLIC_URL } from '../email/support.js';
import { type Pages, startPages, textOf, Visitor } from '../enrollment/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
let pages: Pages;
let dataDir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  pages = await startPages(t);
  dataDir = await mkdtemp(join(tmpdir(), 'sesame-external-'));
});
afterAll(async () => {
  await pages?.close();
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function externalInvitation(locale: 'en' | 'fr', company: string) {
  const { owner } = await newOrganization(t.prisma, { locale });
  await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
  await addCompany(t.prisma, owner, { name: company, parent: 'Groupe JLO' });
  await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
  await updateOrganizationSetting(t.prisma, owner, 'external-seats', '5');
  const made = await invite(t.prisma, owner, { emails: [`paul.${locale}@jlo.example`], company });
  const id = made.results[0]?.invitationId as string;
  return { owner, id, token: await issueAcceptToken(t.prisma, id) };
}

describe('an external invitee', () => {
  it('is told in the e-mail which company they join for', async () => {
    const { log } = memoryLog();
    const transport = createTransport(parseEnv({ DATA_DIR: dataDir, NODE_ENV: 'development' }), log);
    await externalInvitation('en', 'JLO <PARIS>');
    await deliverOutbox(t.prisma, { transport, publicUrl: PUBLIC_URL, log });
    const dir = join(dataDir, 'outbox');
    const [file] = (await readdir(dir)).filter((f) => f.endsWith('.eml'));
    const eml = (await readFile(join(dir, file as string), 'utf8')).replace(/=\r\n/g, '');
    expect(eml).toContain('You are invited as an external member for JLO <PARIS>.');
    expect(eml).toContain('JLO &lt;PARIS&gt;');
  });

  it('reads the company on the accept page, in English and French', async () => {
    const en = await externalInvitation('en', 'JLO <PARIS>');
    const page = await new Visitor(pages.base, { 'accept-language': 'en' }).get(`/accept/${en.token}`);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('You are invited as an external member for JLO <PARIS>.');
    expect(page.html).not.toContain('<PARIS>');

    const fr = await externalInvitation('fr', 'JLO PARIS');
    const frPage = await new Visitor(pages.base, { 'accept-language': 'fr' }).get(`/accept/${fr.token}`);
    expect(textOf(frPage.html)).toContain('Vous êtes invité comme membre externe pour JLO PARIS.');
  });
});
