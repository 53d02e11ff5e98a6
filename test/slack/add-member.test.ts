// "Add a member" from Slack: `/invite add` opens the modal, problems show on their fields, then
// the member is created with a temporary password Sesame chose, shown once in the modal and kept
// only as a hash; a non-administrator is refused before any form opens.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassword } from '../../src/forms/password-policy.js';
import { addMemberWithTemporaryPassword } from '../../src/members/add-member-with-temporary-password.js';
import { verifyPassword } from '../../src/members/hash-password.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { viewSubmissionPayload } from '../support/slack-requests.js';
import { command, interaction, linkedWorkspace, messageText, type SlackHarness, startSlack } from './support.js';

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

const addValues = (p: {
  email: string;
  first: string;
  last: string;
  username?: string;
  userType: string;
  role?: string;
}) => ({
  email: { value: { type: 'plain_text_input', value: p.email } },
  first_name: { value: { type: 'plain_text_input', value: p.first } },
  last_name: { value: { type: 'plain_text_input', value: p.last } },
  username: { value: { type: 'plain_text_input', value: p.username ?? null } },
  user_type: { add_member_user_type: { type: 'static_select', selected_option: { value: p.userType } } },
  [`role:${p.userType}`]: { value: { type: 'static_select', selected_option: p.role ? { value: p.role } : null } },
});

type ViewText = { blocks: { text?: { text: string }; elements?: { text: string }[] }[] };
const viewText = (view: ViewText) =>
  view.blocks.map((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => e.text)].join(' ')).join('\n');

describe('adding a member from Slack', () => {
  it('opens the form on /invite add, with every field', async () => {
    const w = await linkedWorkspace(t, h);
    const triggerId = `${Date.now()}.${randomUUID().slice(0, 6)}`;
    const sent = await command(h, w.teamId, w.ownerUser, 'add', { triggerId });
    expect(sent.status).toBe(200);
    const opened = await h.fake.waitFor('views.open', (args) => args.trigger_id === triggerId);
    const view = opened.args.view as { callback_id: string; blocks: { block_id?: string }[] };
    expect(view.callback_id).toBe('add_member_submit');
    expect(view.blocks.map((b) => b.block_id)).toEqual(
      expect.arrayContaining(['email', 'first_name', 'last_name', 'username', 'user_type']),
    );
  });

  it('shows problems on their fields and adds no one', async () => {
    const w = await linkedWorkspace(t, h);
    const res = await interaction(
      h,
      viewSubmissionPayload({
        userId: w.ownerUser.userId,
        teamId: w.teamId,
        callbackId: 'add_member_submit',
        values: addValues({
          email: "o'hara@example.com",
          first: 'Kim',
          last: 'O’Hara',
          username: 'no spaces allowed',
          userType: 'viewer',
          role: 'publisher',
        }),
      }),
    );
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors.email).toContain('apostrophe');
    expect(body.errors.username).toBeTruthy();
    expect(body.errors['role:viewer']).toContain('does not allow the Publisher role');
    expect(await t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(1);
  });

  it('adds the member, shows the temporary password once, and keeps only its hash', async () => {
    const w = await linkedWorkspace(t, h);
    const viewId = `V${randomUUID().slice(0, 8).toUpperCase()}`;
    const res = await interaction(
      h,
      viewSubmissionPayload({
        userId: w.ownerUser.userId,
        teamId: w.teamId,
        callbackId: 'add_member_submit',
        viewId,
        values: addValues({
          email: 'Kim.Lee@Example.com',
          first: 'Kim',
          last: 'Lee',
          userType: 'editor',
          role: 'data_editor',
        }),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_action: 'update' });
    const updated = await h.fake.waitFor('views.update', (args) => args.view_id === viewId);
    const shown = viewText(updated.args.view as ViewText);
    expect(shown).toContain('*Kim Lee* (kim.lee@example.com) is a member');
    const password = /`([a-z0-9-]{16})`/.exec(shown)?.[1] ?? '';
    expect(checkPassword(password, 'kim.lee').ok).toBe(true);
    // Not in the log, even at debug level (Slack's client logs its requests and their results).
    await expect.poll(() => h.logs.some((line) => line.includes('views.update'))).toBe(true);
    expect(h.logs.join('\n')).not.toContain(password);

    const member = await t.prisma.member.findFirstOrThrow({
      where: { organizationId: w.organization.id, email: 'kim.lee@example.com' },
    });
    expect(member).toMatchObject({ role: 'data_editor', userType: 'editor', status: 'MUST_CHANGE_PASSWORD' });
    expect(member.passwordHash).not.toContain(password);
    expect(await verifyPassword(password, member.passwordHash ?? '')).toBe(true);
    // The member is told by e-mail that the account exists (without the password), and it is audited.
    const emails = await t.prisma.outboxMessage.findMany({ where: { organizationId: w.organization.id } });
    expect(emails.map((e) => e.kind)).toContain('member.added_email');
    expect(JSON.stringify(emails.map((e) => e.payload))).not.toContain(password);
    expect(await t.prisma.auditEvent.count({ where: { action: 'member.added', subjectId: member.id } })).toBe(1);

    // The same form sent again (a double click): the address is already a member, said in the view.
    const again = `V${randomUUID().slice(0, 8).toUpperCase()}`;
    await interaction(
      h,
      viewSubmissionPayload({
        userId: w.ownerUser.userId,
        teamId: w.teamId,
        callbackId: 'add_member_submit',
        viewId: again,
        values: addValues({
          email: 'kim.lee@example.com',
          first: 'Kim',
          last: 'Lee',
          userType: 'editor',
          role: 'data_editor',
        }),
      }),
    );
    const refused = await h.fake.waitFor('views.update', (args) => args.view_id === again);
    expect(viewText(refused.args.view as ViewText)).toContain('The member was not added');
    expect(await t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(2);
  });

  it('says by DM, without the password, when Slack fails to show it: the member exists', async () => {
    const w = await linkedWorkspace(t, h);
    h.fake.failNext('views.update', { error: 'view_not_found' });
    const dms = h.fake.callsTo('chat.postMessage').length;
    await interaction(
      h,
      viewSubmissionPayload({
        userId: w.ownerUser.userId,
        teamId: w.teamId,
        callbackId: 'add_member_submit',
        values: addValues({
          email: 'unseen@example.com',
          first: 'Un',
          last: 'Seen',
          userType: 'viewer',
          role: 'viewer',
        }),
      }),
    );
    // Generous: hashing the password takes a while on a busy machine.
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length, { timeout: 10_000 }).toBe(dms + 1);
    const dm = messageText(h.fake.callsTo('chat.postMessage')[dms]?.args ?? {});
    expect(dm).toContain('unseen@example.com was added');
    expect(dm).toContain('/invite password unseen@example.com');
    expect(dm).not.toMatch(/[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{4}/);
    expect(await t.prisma.member.count({ where: { email: 'unseen@example.com' } })).toBe(1);
  });

  it('issues a new temporary password with /invite password, shown once in a modal, until the first sign-in', async () => {
    const w = await linkedWorkspace(t, h);
    const added = await addMemberWithTemporaryPassword(t.prisma, w.owner, {
      email: 'lost.password@example.com',
      firstName: 'Lo',
      lastName: 'St',
    });
    let triggerId = '';
    const reissue = async () => {
      triggerId = `${Date.now()}.${randomUUID().slice(0, 6)}`;
      const updates = h.fake.callsTo('views.update').length;
      await command(h, w.teamId, w.ownerUser, 'password lost.password@example.com', { triggerId });
      const opened = await h.fake.waitFor('views.open', (args) => args.trigger_id === triggerId);
      expect(viewText(opened.args.view as ViewText)).toContain('Issuing a new temporary password');
      await expect.poll(() => h.fake.callsTo('views.update').length, { timeout: 10_000 }).toBe(updates + 1);
      return viewText(h.fake.callsTo('views.update')[updates]?.args.view as ViewText);
    };
    const shown = await reissue();
    expect(shown).toContain('A new temporary password for *Lo St*');
    const password = /`([a-z0-9-]{16})`/.exec(shown)?.[1] ?? '';
    const member = await t.prisma.member.findUniqueOrThrow({ where: { id: added.member.id } });
    expect(await verifyPassword(password, member.passwordHash ?? '')).toBe(true);
    expect(await verifyPassword(added.temporaryPassword, member.passwordHash ?? '')).toBe(false);

    // Slack resending the same command (it thought the ack was late) issues nothing more.
    const opened = h.fake.callsTo('views.open').length;
    const ignored = h.logs.filter((line) => line.includes('Slack command retry ignored')).length;
    await command(h, w.teamId, w.ownerUser, 'password lost.password@example.com', { retryNum: 1, triggerId });
    await expect
      .poll(() => h.logs.filter((line) => line.includes('Slack command retry ignored')).length, { timeout: 10_000 })
      .toBe(ignored + 1);
    expect(h.fake.callsTo('views.open').length).toBe(opened);
    const still = await t.prisma.member.findUniqueOrThrow({ where: { id: added.member.id } });
    expect(still.passwordHash).toBe(member.passwordHash);

    await t.prisma.member.update({ where: { id: added.member.id }, data: { status: 'ACTIVE' } });
    expect(await reissue()).toContain('has already signed in and chosen their own password');
  });

  it('refuses a member who may not add people, in their language, before any form opens', async () => {
    const w = await linkedWorkspace(t, h);
    const viewer = await w.member('viewer.add@acme.example', 'viewer', false, 'fr-FR');
    const opened = h.fake.callsTo('views.open').length;
    const sent = await command(h, w.teamId, viewer, 'ajouter');
    expect(messageText((await sent.answer()).args)).toMatch(/administrateur|propriétaire/);
    expect(h.fake.callsTo('views.open').length).toBe(opened);
  });
});
