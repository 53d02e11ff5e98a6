// What the tests of the Slack forms' member properties share (issue 17): a Slack harness on a test
// database, a catalogue of licences, the invite and add modals opened, drawn again and submitted
// as Slack does.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { addLicence } from '../../src/licences/manage-licences.js';
import type { Actor } from '../../src/permissions/actor.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { blockActionPayload, viewSubmissionPayload } from '../support/slack-requests.js';
import { blockKitProblems } from './block-kit-limits.js';
import { command, interaction, type linkedWorkspace, type SlackHarness, startSlack } from './support.js';

/** The test file's database and Slack, set before its tests run (useFormsHarness). */
export const ctx = {} as { t: TestDatabase; h: SlackHarness };

export function useFormsHarness(): void {
  beforeAll(async () => {
    ctx.t = await createTestDatabase();
    ctx.h = await startSlack(ctx.t);
  });
  afterAll(async () => {
    await ctx.h?.close();
    await ctx.t?.close();
  });
}

export type Workspace = Awaited<ReturnType<typeof linkedWorkspace>>;
export type Option = { text: { text: string }; value: string };
export type Block = {
  type: string;
  block_id?: string;
  optional?: boolean;
  hint?: { text: string };
  elements?: { text: string }[];
  element?: { type: string; options?: Option[]; initial_option?: Option; initial_options?: Option[] };
};
export type View = { callback_id: string; blocks: Block[] };
export type Form = 'invite' | 'add';
export const userTypeAction = { invite: 'invite_user_type', add: 'add_member_user_type' } as const;

/** The catalogue of the tests: Field Apps for every user type (unlimited), Urban for editors and creators, Insights for creators. */
export async function withLicences(owner: Actor, owned = { insights: '3', urban: '1' }) {
  await addLicence(ctx.t.prisma, owner, 'field', {
    nameEn: 'Field Apps',
    nameFr: 'Applications de terrain',
    userTypes: ['viewer', 'editor', 'creator'],
    unlimited: true,
  });
  await addLicence(ctx.t.prisma, owner, 'insights', {
    nameEn: 'ArcGIS Insights',
    nameFr: 'ArcGIS Insights',
    userTypes: ['creator'],
    owned: owned.insights,
  });
  await addLicence(ctx.t.prisma, owner, 'urban', {
    nameEn: 'ArcGIS Urban',
    nameFr: 'ArcGIS Urban',
    userTypes: ['editor', 'creator'],
    owned: owned.urban,
  });
}

export const checked = (view: View) => {
  expect(blockKitProblems(view)).toEqual([]);
  return view;
};

export async function openModal(w: Workspace, form: Form): Promise<View> {
  const triggerId = `${Date.now()}.${randomUUID().slice(0, 6)}`;
  await command(ctx.h, w.teamId, w.ownerUser, form === 'add' ? 'add' : '', { triggerId });
  return checked((await ctx.h.fake.waitFor('views.open', (args) => args.trigger_id === triggerId)).args.view as View);
}

/** The form drawn again after the user type changed, as Slack sends it (with what was chosen so far). */
export async function chooseUserType(w: Workspace, form: Form, userType: string, values: Record<string, unknown> = {}) {
  const viewId = `V${randomUUID().slice(0, 8).toUpperCase()}`;
  const payload = blockActionPayload({
    userId: w.ownerUser.userId,
    teamId: w.teamId,
    actionId: userTypeAction[form],
    blockId: 'user_type',
    selectedOption: { value: userType },
    view: { id: viewId, hash: 'h1', private_metadata: '{}', state: { values } },
  });
  await interaction(ctx.h, payload);
  return checked((await ctx.h.fake.waitFor('views.update', (args) => args.view_id === viewId)).args.view as View);
}

export const licencesBlock = (view: View) => view.blocks.find((b) => b.block_id?.startsWith('licences:'));
export const optionsOf = (block: Block | undefined) => block?.element?.options?.map((o) => [o.value, o.text.text]);
export const shownText = (view: View) => JSON.stringify(view.blocks.map((b) => [b.hint?.text, b.elements]));

export const licencesValue = (userType: string, keys: string[]) => ({
  [`licences:${userType}`]: {
    value: { type: 'multi_static_select', selected_options: keys.map((value) => ({ value })) },
  },
});

export function formValues(
  form: Form,
  p: { address: string; userType: string; role?: string; licences?: string[]; credits?: string; language?: string },
): Record<string, Record<string, unknown>> {
  const person: Record<string, Record<string, unknown>> = form === 'invite'
    ? { emails: { value: { type: 'plain_text_input', value: p.address } } }
    : {
        email: { value: { type: 'plain_text_input', value: p.address } },
        first_name: { value: { type: 'plain_text_input', value: 'Ana' } },
        last_name: { value: { type: 'plain_text_input', value: 'Lopes' } },
      };
  return {
    ...person,
    user_type: { [userTypeAction[form]]: { type: 'static_select', selected_option: { value: p.userType } } },
    [`role:${p.userType}`]: { value: { type: 'static_select', selected_option: { value: p.role ?? 'viewer' } } },
    ...licencesValue(p.userType, p.licences ?? []),
    ...(p.credits !== undefined ? { credits: { value: { type: 'plain_text_input', value: p.credits } } } : {}),
    language: { value: { type: 'static_select', selected_option: { value: p.language ?? 'organization' } } },
  };
}

/** Submits the form; `done` waits for the invite's summary or the add's result view. */
export async function submit(w: Workspace, form: Form, values: Record<string, Record<string, unknown>>) {
  const path = `/respond/${randomUUID()}`;
  const viewId = `V${randomUUID().slice(0, 8).toUpperCase()}`;
  const res = await interaction(
    ctx.h,
    viewSubmissionPayload({
      userId: w.ownerUser.userId,
      teamId: w.teamId,
      callbackId: form === 'invite' ? 'invite_submit' : 'add_member_submit',
      viewId,
      privateMetadata: JSON.stringify({ responseUrl: `${ctx.h.fake.url}${path}` }),
      values,
    }),
  );
  const done = () =>
    form === 'invite'
      ? ctx.h.fake.waitFor('response_url', (args) => args.responseUrlPath === path, 10_000)
      : ctx.h.fake.waitFor('views.update', (args) => args.view_id === viewId, 10_000);
  return { errors: (res.json as { errors?: Record<string, string> } | undefined)?.errors, done };
}
