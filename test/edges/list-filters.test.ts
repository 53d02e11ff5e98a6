// Issue 12, item 7: an unknown role or user type in a pending-list filter is refused with the
// valid ones listed (it sent a NUL sentinel to PostgreSQL, which answered with an internal error),
// on every channel since they share listInvitations; a search matches "%" and "_" literally.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingPage } from '../../src/chat/rendering/pending-list.js';
import { translate } from '../../src/i18n/messages.js';
import { invite } from '../../src/invitations/invite.js';
import { listInvitations } from '../../src/invitations/list-invitations.js';
import { newOrganization } from '../imports/organization.js';
import { command, linkedWorkspace, messageText, type SlackHarness, startSlack } from '../slack/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
let slack: SlackHarness;
beforeAll(async () => {
  db = await createTestDatabase();
  slack = await startSlack(db);
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

describe('pending-list filters', () => {
  it('refuses an unknown role or user type, listing the valid ones in both languages', async () => {
    const actor = await newOrganization(db.prisma);
    const role = listInvitations(db.prisma, actor, { role: 'wizard' });
    await expect(role).rejects.toMatchObject({ code: 'filter.unknown_value', kind: 'invalid' });
    const error = (await role.catch((e: unknown) => e)) as { params: never };
    expect(translate('en', 'filter.unknown_value', error.params)).toBe(
      'Unknown role "wizard": expected one of Viewer / Consultation, Data Editor / Mise à jour, User / Utilisation, Publisher / Publication, Administrator / Administrateur.',
    );
    expect(translate('fr', 'filter.unknown_value', error.params)).toContain(
      'Rôle inconnu «\u00a0wizard\u00a0»\u00a0: attendu',
    );
    await expect(pendingPage(db.prisma, actor, { userType: 'Wizard' })).rejects.toMatchObject({
      code: 'filter.unknown_value',
      params: { filter: 'user type', known: 'Viewer, Editor, Creator' },
    });
    // Any of a role's names still works.
    await expect(listInvitations(db.prisma, actor, { role: 'consultation' })).resolves.toMatchObject({ total: 0 });
  });

  it('refuses a filter with a NUL or a control character instead of passing it to the database', async () => {
    const actor = await newOrganization(db.prisma);
    await expect(listInvitations(db.prisma, actor, { search: 'a\u0000' })).rejects.toMatchObject({ code: 'text.nul' });
    await expect(listInvitations(db.prisma, actor, { inviter: 'a\u0000@x.org' })).rejects.toMatchObject({
      code: 'text.nul',
    });
  });

  it('searches "%", "_" and "\\" as themselves, not as LIKE wildcards', async () => {
    const actor = await newOrganization(db.prisma);
    await invite(db.prisma, actor, { emails: ['ana_lima@example.com', 'anaxlima@example.com'] });
    await invite(db.prisma, actor, { emails: ['bo@example.com'], firstName: '100%' });
    await invite(db.prisma, actor, { emails: ['cy@example.com'], firstName: 'C\\Y' });
    const emails = async (search: string) =>
      (await listInvitations(db.prisma, actor, { search })).invitations.map((i) => i.email);
    expect(await emails('ana_')).toEqual(['ana_lima@example.com']);
    expect(await emails('%')).toEqual(['bo@example.com']);
    expect(await emails('0%')).toEqual(['bo@example.com']);
    expect(await emails('\\')).toEqual(['cy@example.com']);
  });

  it('Slack\'s /invite pending role:<unknown> answers with the valid roles, not "Something went wrong"', async () => {
    const w = await linkedWorkspace(db, slack);
    const answer = await (await command(slack, w.teamId, w.ownerUser, 'pending role:wizard')).answer();
    const text = messageText(answer.args);
    expect(text).toContain('Unknown role');
    expect(text).toContain('wizard');
    expect(text).toContain('expected one of Viewer / Consultation, Data Editor');
    expect(text).not.toMatch(/went wrong/i);
  });
});
