// A long import in Teams: the confirmation (an invoke, which Teams gives about 15 s) is answered
// with the import's progress once the answer can wait no longer, and the card is then updated in
// place, proactively, with the final counts. A second click is told the import already started.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { adaptiveCardActionInvoke, fileAttachment, messageActivity } from '../support/teams-requests.js';
import { checkCardsAfterEach, linkedTenant, post, sentTo, startTeams, type TeamsHarness } from './support.js';

let t: TestDatabase;
let h: TeamsHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  // The answer waits for nothing: every confirmation goes the long way.
  h = await startTeams(t, () => ({}), { importAnswerWithinMs: 0 });
});
checkCardsAfterEach(() => h);
afterAll(async () => {
  await h?.close();
  await t?.close();
});

describe('a long Teams import', () => {
  it('answers with its progress, then updates the card with the counts, once', { timeout: 60_000 }, async () => {
    const rows = 3000;
    const w = await linkedTenant(t, h, { seats: rows + 10 });
    const csv = `Email,First Name\n${Array.from({ length: rows }, (_, i) => `long${i}@example.com,P${i}`).join('\n')}\n`;
    const file = h.fake.addFile({ name: 'many.csv', content: csv });
    const base = { user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url };
    const from = h.fake.calls.length;
    await post(h, messageActivity({ ...base, text: 'import', attachments: [fileAttachment('many.csv', file)] }));
    expect(sentTo(h, w.ownerUser.personal.id, from).join()).toContain(`Import ${rows}`);
    const draftId = (await t.prisma.importDraft.findFirstOrThrow({ where: { organizationId: w.organization.id } })).id;

    const cardId = 'card-activity-1';
    const confirm = () =>
      post(h, adaptiveCardActionInvoke({ ...base, verb: 'import_confirm', data: { draftId }, replyToId: cardId }));
    const answer = JSON.stringify((await confirm()).json);
    expect(answer).toContain('Import in progress');
    expect(JSON.stringify((await confirm()).json)).toContain('already');

    const done = await h.fake.waitFor(
      (call) =>
        call.method === 'PUT' && call.activityId === cardId && JSON.stringify(call.body).includes('Import done'),
      45_000,
    );
    expect(JSON.stringify(done.body)).toContain(`Import done: ${rows} invited`);
    expect(await t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(rows);
  });
});
