// `/invite import` over HTTP against the real Bolt app: the upload (or paste) is acked at once with
// a "checking" view, downloaded with the bot token from Slack only, dry-run and kept as a draft;
// the review replaces the view, and confirming it runs the draft exactly once with a progress
// message in the admin's DM.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import type { SlackCall } from '../support/fake-slack.js';
import { viewSubmissionPayload } from '../support/slack-requests.js';
import { command, interaction, linkedWorkspace, type SlackHarness, type SlackPerson, startSlack } from './support.js';

let t: TestDatabase;
let h: SlackHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  h = await startSlack(t);
});
afterAll(async () => {
  await h?.close();
  await t?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

type Workspace = Awaited<ReturnType<typeof linkedWorkspace>>;
type View = Record<string, unknown>;

const header = 'Email,First Name,Last Name,User Type,Role';
/** 5 rows: lines 2 and 3 valid, 4 an apostrophe, 5 the admin role, 6 a duplicate of line 2. */
const csvWithErrors = [
  header,
  'ana@example.com,Ana,Lima,Creator,Publisher',
  'bo@example.com,Bo,Diaz,Viewer,Viewer',
  "o'brien@example.com,Pat,O'Brien,Creator,User",
  'boss@example.com,Big,Boss,Creator,Administrator',
  'ana@example.com,Ana,Again,Creator,Publisher',
].join('\n');

/** Every text of a view or message (titles, buttons, sections, contexts), one string per text. */
function textsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'text' && typeof inner === 'string' ? [inner] : textsOf(inner),
  );
}
const allText = (value: unknown) => textsOf(value).join('\n');

const newViewId = () => `V${randomBytes(5).toString('hex').toUpperCase()}`;
const newTriggerId = () => `${Date.now()}.${randomBytes(8).toString('hex')}`;

/** `/invite import`, and the modal it opened. */
async function openImport(w: Workspace, user: SlackPerson = w.ownerUser) {
  const triggerId = newTriggerId();
  const sent = await command(h, w.teamId, user, 'import', { triggerId });
  expect(sent.status).toBe(200);
  const opened = await h.fake.waitFor('views.open', (args) => args.trigger_id === triggerId);
  return { sent, view: opened.args.view as View };
}

const fileValues = (file: Record<string, unknown>) => ({
  file: { value: { type: 'file_input', files: [file] } },
});
const pasteValues = (text: string) => ({ paste: { value: { type: 'plain_text_input', value: text } } });

/** Submits the upload modal; resolves with the HTTP answer, when it came, and the views.update that followed. */
async function submitCheck(
  w: Workspace,
  values: Record<string, Record<string, unknown>>,
  privateMetadata = '',
  user: SlackPerson = w.ownerUser,
) {
  const viewId = newViewId();
  const post = await interaction(
    h,
    viewSubmissionPayload({
      userId: user.userId,
      teamId: w.teamId,
      callbackId: 'import_check',
      values,
      privateMetadata,
      viewId,
    }),
  );
  const answeredAt = Date.now();
  return {
    post,
    answeredAt,
    viewId,
    review: (timeoutMs = 5000) => h.fake.waitFor('views.update', (args) => args.view_id === viewId, timeoutMs),
  };
}

/** Submits the review modal, as Slack does: its callback id and its private_metadata come back. */
async function confirm(w: Workspace, review: View, user: SlackPerson = w.ownerUser) {
  const post = await interaction(
    h,
    viewSubmissionPayload({
      userId: user.userId,
      teamId: w.teamId,
      callbackId: String(review.callback_id),
      values: {},
      privateMetadata: String(review.private_metadata ?? ''),
    }),
  );
  expect(post.status).toBe(200);
  return post;
}

const importDone = (userId: string) =>
  h.fake
    .waitFor('chat.postMessage', (args) => args.channel === userId, 15_000)
    .then((progress) => {
      const channel = (progress.args.channel as string).replace(/^U/, 'D');
      return h.fake.waitFor(
        'chat.update',
        (args) => args.channel === channel && /Import done|Import terminé/.test(String(args.text)),
        60_000,
      );
    });

/** What the user is told after `since`: through the command's response_url, or in their DM. */
function toldUser(user: SlackPerson, match: RegExp, since: number, responseUrlPath?: string): Promise<SlackCall> {
  const fresh = (call: SlackCall) => call.at >= since;
  const inDm = h.fake.waitFor('chat.postMessage', (args) => args.channel === user.userId && match.test(allText(args)));
  const viaUrl = responseUrlPath
    ? h.fake.waitFor('response_url', (args) => args.responseUrlPath === responseUrlPath && match.test(allText(args)))
    : new Promise<never>(() => {});
  return Promise.race([inDm, viaUrl]).then((call) => {
    expect(fresh(call)).toBe(true);
    return call;
  });
}

const invitationCount = (organizationId: string) => t.prisma.invitation.count({ where: { organizationId } });

describe('/invite import', () => {
  it('opens the upload modal (a file input, and a field to paste rows) for the owner', async () => {
    const w = await linkedWorkspace(t, h);
    const { view } = await openImport(w);
    expect(view.callback_id).toBe('import_check');
    const blocks = view.blocks as { block_id?: string; element?: { type?: string; action_id?: string } }[];
    expect(blocks.find((b) => b.block_id === 'file')?.element).toMatchObject({
      type: 'file_input',
      action_id: 'value',
    });
    expect(blocks.find((b) => b.block_id === 'paste')?.element).toMatchObject({ action_id: 'value' });
  });

  it('acks an upload with the checking view, then shows every row error with its line, column and reason', async () => {
    const w = await linkedWorkspace(t, h);
    const { view } = await openImport(w);
    const file = h.fake.addFile({ name: 'people.csv', content: csvWithErrors, mimetype: 'text/csv' });
    const check = await submitCheck(w, fileValues(file), String(view.private_metadata ?? ''));

    expect(check.post.status).toBe(200);
    expect(check.post.json).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
    expect(allText((check.post.json as { view: View }).view)).toContain('Checking every row');

    const review = (await check.review()).args.view as View;
    expect(review.callback_id).toBe('import_confirm');
    expect(JSON.parse(String(review.private_metadata))).toMatchObject({ draftId: expect.any(String) });
    const text = allText(review.blocks);
    expect(text).toContain('5 rows* read: 2 valid, 3 errors');
    expect(text).toMatch(/Line 4, Email: .*o'brien@example\.com.*apostrophe/);
    expect(text).toMatch(/Line 5, Role: The Administrator role cannot be granted/);
    expect(text).toMatch(/Line 6, Email: ana@example\.com already appears on line 2/);
    expect(text).not.toMatch(/Line [23],/);
    expect(review.submit).toMatchObject({ text: 'Import 2' });
    // The fake serves the file only to the bot token (else 403), so the rows above came from it.
    // Nothing is written but the draft.
    expect(await invitationCount(w.organization.id)).toBe(0);
    expect(await t.prisma.importDraft.count({ where: { organizationId: w.organization.id } })).toBe(1);
  });

  it('imports the valid rows once on confirmation, with progress in the DM; a second confirmation is refused', async () => {
    const w = await linkedWorkspace(t, h);
    const { view, sent } = await openImport(w);
    const file = h.fake.addFile({ name: 'people.csv', content: csvWithErrors, mimetype: 'text/csv' });
    const check = await submitCheck(w, fileValues(file), String(view.private_metadata ?? ''));
    const review = (await check.review()).args.view as View;

    await confirm(w, review);
    const progress = await h.fake.waitFor('chat.postMessage', (args) => args.channel === w.ownerUser.userId);
    expect(String(progress.args.text)).toContain('Import in progress');
    const done = await importDone(w.ownerUser.userId);
    expect(String(done.args.text)).toMatch(/Import done: 2 invited, 0 held for approval, 0 added directly/);
    expect(String(done.args.text)).toContain('3 rows skipped');
    const rows = await t.prisma.invitation.findMany({
      where: { organizationId: w.organization.id },
      orderBy: { email: 'asc' },
    });
    expect(rows.map((r) => [r.email, r.role, r.userType])).toEqual([
      ['ana@example.com', 'publisher', 'creator'],
      ['bo@example.com', 'viewer', 'viewer'],
    ]);

    // The same review submitted again (a double click, a retried request): told, not imported twice.
    const again = Date.now();
    await confirm(w, review);
    const responsePath = new URL(sent.responseUrl).pathname;
    const told = await toldUser(w.ownerUser, /already confirmed/, again, responsePath);
    expect(allText(told.args)).toContain('This import was already confirmed (done): it runs once.');
    expect(await invitationCount(w.organization.id)).toBe(2);
    const updates = h.fake.callsTo('chat.update').filter((c) => c.args.channel === done.args.channel);
    expect(updates.filter((c) => /Import done/.test(String(c.args.text)))).toHaveLength(1);
  });

  it('takes pasted rows instead of a file, and answers a second confirmation in the DM', async () => {
    const w = await linkedWorkspace(t, h);
    // No metadata from a command (no response_url): every answer goes to the DM.
    const check = await submitCheck(w, pasteValues(csvWithErrors.replaceAll(',', ';')));
    expect(check.post.status).toBe(200);
    expect(check.post.json).toMatchObject({ response_action: 'update' });
    const review = (await check.review()).args.view as View;
    const text = allText(review.blocks);
    expect(text).toContain('5 rows* read: 2 valid, 3 errors');
    expect(text).toMatch(/Line 4, Email: .*apostrophe/);
    expect(review.submit).toMatchObject({ text: 'Import 2' });
    expect(await invitationCount(w.organization.id)).toBe(0);

    await confirm(w, review);
    const done = await importDone(w.ownerUser.userId);
    expect(String(done.args.text)).toContain('2 invited');
    expect(await invitationCount(w.organization.id)).toBe(2);

    const again = Date.now();
    await confirm(w, review);
    const told = await toldUser(w.ownerUser, /already confirmed/, again);
    expect(told.method).toBe('chat.postMessage');
    expect(await invitationCount(w.organization.id)).toBe(2);
  });

  it('refuses the import politely to a member who is not an administrator, without opening the modal', async () => {
    const w = await linkedWorkspace(t, h);
    const viewer = await w.member('viewer@x.example', 'viewer');
    const triggerId = newTriggerId();
    const sent = await command(h, w.teamId, viewer, 'import', { triggerId });
    expect(sent.status).toBe(200);
    const answer = await sent.answer();
    expect(allText(answer.args)).toContain('only owners and administrators');
    expect(h.fake.callsTo('views.open').filter((c) => c.args.trigger_id === triggerId)).toHaveLength(0);
  });

  it('never sends the bot token to a host that is not Slack: the review says the file could not be read', async () => {
    const w = await linkedWorkspace(t, h);
    const realFetch = globalThis.fetch;
    const outside: { url: string; authorization: string | null }[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.hostname !== '127.0.0.1') {
        outside.push({ url: url.href, authorization: new Headers(init?.headers).get('authorization') });
        return new Response('not here', { status: 404 });
      }
      return realFetch(input, init);
    });
    const file = {
      ...h.fake.addFile({ name: 'people.csv', content: csvWithErrors }),
      url_private: 'https://evil.example.com/x.csv',
      url_private_download: 'https://evil.example.com/x.csv',
    };
    const check = await submitCheck(w, fileValues(file));
    expect(check.post.json).toMatchObject({ response_action: 'update' });
    const shown = (await check.review()).args.view as View;
    expect(shown.callback_id).not.toBe('import_confirm');
    expect(allText(shown.blocks)).toContain('The file could not be read as CSV: the file is not on Slack');
    expect(outside).toEqual([]);
    expect(JSON.stringify(h.fake.calls.filter((c) => c.at >= check.answeredAt - 5000))).not.toContain('evil.example');
    expect(await t.prisma.importDraft.count({ where: { organizationId: w.organization.id } })).toBe(0);
  });

  it('acks a 10,000-row file before checking it, then reviews every row', { timeout: 120_000 }, async () => {
    const w = await linkedWorkspace(t, h, { seats: 20_000 });
    const lines = [header];
    for (let i = 0; i < 10_000; i++) lines.push(`person${i}@example.com,First${i},Last${i},Creator,Publisher`);
    const file = h.fake.addFile({ name: 'big.csv', content: lines.join('\n'), mimetype: 'text/csv' });
    const check = await submitCheck(w, fileValues(file));
    expect(check.post.status).toBe(200);
    expect(check.post.json).toMatchObject({ response_action: 'update' });
    const update = await check.review(90_000);
    expect(update.at).toBeGreaterThanOrEqual(check.answeredAt);
    const review = update.args.view as View;
    const text = allText(review.blocks);
    expect(text).toMatch(/10,?000 rows\* read: 10,?000 valid, 0 errors/);
    expect(text).not.toContain('Line ');
    expect(review.submit).toMatchObject({ text: expect.stringMatching(/^Import 10,?000$/) });
    expect(await invitationCount(w.organization.id)).toBe(0);

    const started = Date.now();
    await confirm(w, review);
    const done = await importDone(w.ownerUser.userId);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(String(done.args.text)).toMatch(/Import done: 10,?000 invited, 0 held/);
    // Progress updates (if any: one every 2 s at most) all come before the final count.
    const updates = h.fake.callsTo('chat.update').filter((c) => c.args.channel === done.args.channel);
    expect(updates.at(-1)).toBe(done);
    for (const update of updates.slice(0, -1)) expect(String(update.args.text)).toContain('Import in progress');
    expect(await invitationCount(w.organization.id)).toBe(10_000);
  });

  // Source bug (src/slack/listeners/import-flow.ts:34): identify() runs before ack() and is not
  // caught, so a refusal there leaves the submission unanswered (Bolt answers 404 after 3 s).
  it("answers a submission from someone who is no longer a member, within Slack's 3 s", async () => {
    const w = await linkedWorkspace(t, h);
    const stranger = w.person('stranger@nowhere.example');
    const started = Date.now();
    const check = await submitCheck(w, pasteValues(csvWithErrors), '', stranger);
    expect(check.answeredAt - started).toBeLessThan(2500);
    expect(check.post.status).toBe(200);
    expect(check.post.text).toContain('stranger@nowhere.example is not a member of');
    expect(await t.prisma.importDraft.count({ where: { organizationId: w.organization.id } })).toBe(0);
  });

  // Source bug (src/slack/listeners/import-flow.ts:72-75): when the import fails after the
  // progress message was posted, that message keeps saying "Import in progress" forever.
  it('replaces the progress message when the import stops after it started', async () => {
    const w = await linkedWorkspace(t, h);
    const check = await submitCheck(w, pasteValues(csvWithErrors));
    const review = (await check.review()).args.view as View;
    // Stands for any failure once the draft is claimed (a database error...): its file became unreadable.
    const { draftId } = JSON.parse(String(review.private_metadata)) as { draftId: string };
    await t.prisma.importDraft.update({ where: { id: draftId }, data: { content: 'Nothing,Here\n' } });
    const since = Date.now();
    await confirm(w, review);
    const progress = await h.fake.waitFor(
      'chat.postMessage',
      (args) => args.channel === w.ownerUser.userId && /Import in progress/.test(String(args.text)),
    );
    expect(progress.at).toBeGreaterThanOrEqual(since);
    // The progress message itself says why the import stopped (no second message to reconcile).
    const channel = String(progress.args.channel).replace(/^U/, 'D');
    const updated = await h.fake.waitFor('chat.update', (args) => args.channel === channel, 3000);
    expect(String(updated.args.text)).not.toContain('Import in progress');
    expect(String(updated.args.text)).toContain('No Email column');
    expect(await invitationCount(w.organization.id)).toBe(0);
    expect(await t.prisma.importDraft.findUnique({ where: { id: draftId }, select: { status: true } })).toEqual({
      status: 'REVIEWED',
    });
  });

  it('shows the review in French to an owner whose Slack is in French', async () => {
    const w = await linkedWorkspace(t, h, { slackLocale: 'fr-FR' });
    const frenchHeader = "Adresse électronique;Prénom;Nom;Type d'utilisateur;Rôle";
    const rows = csvWithErrors
      .split('\n')
      .slice(1)
      .map((line) => line.replaceAll(',', ';'));
    const check = await submitCheck(w, pasteValues([frenchHeader, ...rows].join('\n')));
    expect(allText((check.post.json as { view: View }).view)).toContain('Vérification de chaque ligne');
    const review = (await check.review()).args.view as View;
    const text = allText(review.blocks);
    expect(text).toContain('5 lignes lues* : 2 valides, 3 erreurs');
    expect(text).toMatch(/Ligne 4, Adresse électronique : .*apostrophe/);
    expect(text).toMatch(/Ligne 5, Rôle : Le rôle Administrator ne peut pas être attribué/);
    expect(text).toMatch(/Ligne 6, Adresse électronique : ana@example\.com figure déjà à la ligne 2/);
    expect(review.submit).toMatchObject({ text: 'Importer 2' });
  });
});

describe('/invite import when the progress DM cannot be posted', () => {
  it('runs the import anyway and reports through the command’s response_url', async () => {
    const w = await linkedWorkspace(t, h);
    const { view, sent } = await openImport(w);
    const check = await submitCheck(w, pasteValues(csvWithErrors), String(view.private_metadata ?? ''));
    const review = (await check.review()).args.view as View;
    const path = new URL(sent.responseUrl).pathname;
    // Slack refuses the DM (the app's Messages tab is off for this user, say).
    h.fake.failNext('chat.postMessage', { error: 'messages_tab_disabled' });
    await confirm(w, review);
    const started = await h.fake.waitFor(
      'response_url',
      (args) => args.responseUrlPath === path && /Import in progress/.test(allText(args)),
    );
    expect(started.args.response_type).toBe('ephemeral');
    const done = await h.fake.waitFor(
      'response_url',
      (args) => args.responseUrlPath === path && /Import done/.test(allText(args)),
      60_000,
    );
    expect(allText(done.args)).toContain('2 invited');
    expect(await invitationCount(w.organization.id)).toBe(2);
  });

  it('without a response_url, answers with an ephemeral message in the channel where the import was typed', async () => {
    const w = await linkedWorkspace(t, h);
    const check = await submitCheck(w, pasteValues(csvWithErrors), JSON.stringify({ channelId: 'C0IMPORTS' }));
    const review = (await check.review()).args.view as View;
    // Every DM fails: the progress one, and the fallbacks that try the DM again.
    for (let i = 0; i < 3; i++) h.fake.failNext('chat.postMessage', { error: 'messages_tab_disabled' });
    await confirm(w, review);
    const done = await h.fake.waitFor(
      'chat.postEphemeral',
      (args) => args.channel === 'C0IMPORTS' && args.user === w.ownerUser.userId && /Import done/.test(allText(args)),
      60_000,
    );
    expect(allText(done.args)).toContain('2 invited');
    const ephemerals = h.fake.callsTo('chat.postEphemeral').filter((c) => c.args.channel === 'C0IMPORTS');
    expect(ephemerals.map((c) => /Import in progress/.test(allText(c.args)))).toEqual([true, false]);
    expect(await invitationCount(w.organization.id)).toBe(2);
  });

  it('started from the App Home (no response_url, no channel), reports on the Home tab', async () => {
    const w = await linkedWorkspace(t, h);
    const check = await submitCheck(w, pasteValues(csvWithErrors), JSON.stringify({}));
    const review = (await check.review()).args.view as View;
    for (let i = 0; i < 3; i++) h.fake.failNext('chat.postMessage', { error: 'messages_tab_disabled' });
    await confirm(w, review);
    const home = await h.fake.waitFor(
      'views.publish',
      (args) => args.user_id === w.ownerUser.userId && /Import done/.test(allText(args)),
      60_000,
    );
    const view = home.args.view as { type: string };
    expect(view.type).toBe('home');
    // The Home tab keeps its seats and buttons under the report.
    expect(allText(home.args)).toContain('2 invited');
    expect(JSON.stringify(home.args)).toContain('home_invite');
    expect(await invitationCount(w.organization.id)).toBe(2);
  });
});
