// Every kind of Adaptive Card Sesame shows in Teams, in English and in French, with empty and full
// lists, through Microsoft's validators (test/support/card-validation.ts; checkCardsAfterEach runs
// them on everything sent and answered). First, the validators themselves refuse broken cards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { deliverNotifications } from '../../src/notifications/deliver-notifications.js';
import { adaptiveCard, execute, text } from '../../src/teams/cards/adaptive.js';
import { createTeamsNotifier } from '../../src/teams/notify/teams-notifier.js';
import { adaptiveCardProblems, adaptiveCardsIn } from '../support/card-validation.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import {
  adaptiveCardActionInvoke,
  fileAttachment,
  messageActivity,
  taskFetchInvoke,
  taskSubmitInvoke,
} from '../support/teams-requests.js';
import { checkCardsAfterEach, linkedTenant, post, startTeams, type TeamsHarness } from './support.js';

describe("Microsoft's validators, as the tests use them", () => {
  const valid = adaptiveCard([text('Hello')], [execute('Go', 'go_verb')]);

  it('accept a card Sesame builds', () => {
    expect(adaptiveCardProblems(valid)).toEqual([]);
  });

  it.each([
    ['an unknown element', { ...valid, body: [{ type: 'Marquee', text: 'x' }] }, /Unknown element type "Marquee"/],
    [
      'an Action.Execute without a verb',
      { ...valid, actions: [{ type: 'Action.Execute', title: 'Go' }] },
      /without a verb/,
    ],
    ['Action.Execute in a 1.4 card', { ...valid, version: '1.4' }, /Action.Execute in a card of version 1.4/],
    ['Action.Execute without fallback text', { ...valid, fallbackText: undefined }, /without fallbackText/],
    [
      'a required input without an error message',
      { ...valid, body: [{ type: 'Input.Text', id: 'name', label: 'Name', isRequired: true }] },
      /without an errorMessage/,
    ],
    ['a property the schema does not know', { ...valid, colour: 'red' }, /schema: /],
    ['a card over 28 KB', { ...valid, body: [text('x'.repeat(15_000))] }, /over 28672/],
  ])('refuse %s', (_what, card, problem) => {
    expect(adaptiveCardProblems(card).join('\n')).toMatch(problem);
  });
});

let t: TestDatabase;
let h: TeamsHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  h = await startTeams(t);
});
checkCardsAfterEach(() => h);
afterAll(async () => {
  await h?.close();
  await t?.close();
});

describe.each([
  ['en', 'en-US'],
  ['fr', 'fr-FR'],
] as const)('every Teams card (%s)', (orgLocale, locale) => {
  it('passes the validators: lists empty and full, dialogs, import, seat requests', { timeout: 60_000 }, async () => {
    const w = await linkedTenant(t, h, { seats: 3, locale: orgLocale });
    const base = { user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url, locale };
    const say = (text: string, attachments?: unknown[]) => post(h, messageActivity({ ...base, text, attachments }));
    const [calls, answers] = [h.fake.calls.length, h.answers.length];

    await say('pending');
    await say('seats');
    await say('invite');
    await say('add');
    await say(`password ${w.owner.member.email}`);
    await invite(t.prisma, w.owner, { emails: Array.from({ length: 12 }, (_, i) => `card${i}@example.com`) });
    await say('pending');
    await post(h, adaptiveCardActionInvoke({ ...base, verb: 'pending_page', data: { list: { page: 2 } } }));
    await post(h, adaptiveCardActionInvoke({ ...base, verb: 'no_such_button', data: {} }));
    await post(h, taskFetchInvoke({ ...base, data: { verb: 'invite_form' } }));
    await post(h, taskFetchInvoke({ ...base, data: { verb: 'add_member_form' } }));
    await post(h, taskSubmitInvoke({ ...base, data: { verb: 'add_member_form', email: 'bad', firstName: '' } }));
    await post(
      h,
      taskSubmitInvoke({
        ...base,
        data: { verb: 'add_member_form', email: `added.${orgLocale}@example.com`, firstName: 'A', lastName: 'B' },
      }),
    );

    const csv = `Email,First Name\nimp.${orgLocale}@example.com,Imp\nnot-an-address,Bad\n`;
    const file = h.fake.addFile({ name: 'people.csv', content: csv });
    await say('import', [fileAttachment('people.csv', file)]);
    const draft = await t.prisma.importDraft.findFirstOrThrow({ where: { organizationId: w.organization.id } });
    await post(h, adaptiveCardActionInvoke({ ...base, verb: 'import_confirm', data: { draftId: draft.id } }));

    // A seat request: the card in the managers' channel (the organization's language), then decided.
    await post(h, messageActivity({ ...base, text: 'settings', conversation: w.channel }));
    const { seatRequestId } = await invite(t.prisma, w.owner, { emails: ['over1@example.com', 'over2@example.com'] });
    const notifier = createTeamsNotifier({ db: t.prisma, api: h.service.app.api });
    await deliverNotifications(t.prisma, { notifiers: [notifier], log: createLogger('silent') });
    const seat = { ...base, conversation: w.channel, data: { requestId: seatRequestId } };
    await post(h, adaptiveCardActionInvoke({ ...seat, verb: 'seat_deny' }));
    await post(h, adaptiveCardActionInvoke({ ...seat, verb: 'seat_approve' }));
    await deliverNotifications(t.prisma, { notifiers: [notifier], log: createLogger('silent') });

    const seen = [...h.fake.calls.slice(calls).map((c) => c.body), ...h.answers.slice(answers)];
    // Enough cards went through the validators (checkCardsAfterEach) for this test to mean something.
    expect(seen.flatMap((payload) => adaptiveCardsIn(payload)).length).toBeGreaterThanOrEqual(18);
    const shown = JSON.stringify(seen);
    expect(shown).toContain(orgLocale === 'fr' ? 'Demande de places' : 'Seat request');
    expect(shown).toContain(orgLocale === 'fr' ? 'Aucune invitation ne correspond' : 'No invitation matches');
  });
});
