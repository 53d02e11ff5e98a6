// `/invite remove <e-mail>` (`retirer` in French) over HTTP against the real Bolt app (issue 17,
// item 5): an ephemeral message says what the removal frees (the seat, internal or external, and
// the username) and hands over, with a Remove button Slack confirms first (its `confirm` dialog)
// and a Cancel button; the answer replaces the message. The message is checked against Slack's
// documented Block Kit limits for messages, buttons and confirmation dialogs.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invite } from '../../src/invitations/invite.js';
import { resolveActor } from '../../src/members/resolve-actor.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { blockActionPayload } from '../support/slack-requests.js';
import {
  command,
  interaction,
  linkedWorkspace,
  messageText,
  type SlackHarness,
  type SlackPerson,
  startSlack,
} from './support.js';

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

interface Button {
  type: string;
  action_id: string;
  value?: string;
  style?: string;
  text: { type: string; text: string };
  confirm?: Record<string, { type: string; text: string } | string>;
}
type Block = { type: string; text?: { text: string }; elements?: (Button | { text: string })[] };

/** Slack's limits for a message's blocks, buttons and confirmation dialogs (docs.slack.dev, Block Kit). */
function messageProblems(blocks: Block[]): string[] {
  const problems: string[] = [];
  const within = (where: string, text: string | undefined, max: number) => {
    if (!text) problems.push(`${where}: empty`);
    else if (text.length > max) problems.push(`${where}: ${text.length} > ${max}`);
  };
  if (blocks.length > 50) problems.push(`${blocks.length} > 50 blocks`);
  blocks.forEach((block, i) => {
    if (block.type === 'section') within(`blocks[${i}].text`, block.text?.text, 3000);
    if (block.type !== 'actions') return;
    for (const [j, element] of (block.elements as Button[]).entries()) {
      const where = `blocks[${i}].elements[${j}]`;
      if (element.text.type !== 'plain_text') problems.push(`${where}.text: not plain_text`);
      within(`${where}.text`, element.text.text, 75);
      within(`${where}.action_id`, element.action_id, 255);
      within(`${where}.value`, element.value, 2000);
      if (!element.confirm) continue;
      const { title, text, confirm, deny, style } = element.confirm as Record<string, { type: string; text: string }>;
      for (const [name, part, max] of [
        ['title', title, 100],
        ['text', text, 300],
        ['confirm', confirm, 30],
        ['deny', deny, 30],
      ] as const) {
        if (part?.type !== 'plain_text') problems.push(`${where}.confirm.${name}: not plain_text`);
        within(`${where}.confirm.${name}`, part?.text, max);
      }
      if (style !== undefined && !['danger', 'primary'].includes(String(style)))
        problems.push(`${where}.confirm.style`);
    }
  });
  return problems;
}

async function ask(w: { teamId: string }, user: SlackPerson, text: string) {
  const answer = await (await command(h, w.teamId, user, text)).answer();
  const blocks = (answer.args.blocks ?? []) as Block[];
  expect(messageProblems(blocks)).toEqual([]);
  const buttons = blocks.flatMap((b) => (b.type === 'actions' ? (b.elements as Button[]) : []));
  return { text: messageText(answer.args), buttons, args: answer.args };
}

async function click(w: { teamId: string }, user: SlackPerson, button: Button | undefined) {
  const path = `/respond/${randomUUID()}`;
  await interaction(
    h,
    blockActionPayload({
      userId: user.userId,
      teamId: w.teamId,
      actionId: button?.action_id ?? '',
      value: button?.value,
      blockId: 'member_removal',
      responseUrl: `${h.fake.url}${path}`,
    }),
  );
  return (await h.fake.waitFor('response_url', (a) => a.responseUrlPath === path)).args;
}

describe('/invite remove', () => {
  it('asks first, with a confirmed Remove button, then removes the member it showed', async () => {
    const w = await linkedWorkspace(t, h, { seats: 5 });
    await w.member('admin.slack@acme.example', 'administrator', true);
    await t.prisma.member.update({
      where: { organizationId_email: { organizationId: w.organization.id, email: 'admin.slack@acme.example' } },
      data: { firstName: 'Ada <!channel>', lastName: '& Co', username: 'ada.slack' },
    });
    const admin = await resolveActor(t.prisma, {
      organization: w.organization,
      email: 'admin.slack@acme.example',
      channel: 'slack',
    });
    await invite(t.prisma, admin, { emails: ['held.one@example.com'] });

    const asked = await ask(w, w.ownerUser, 'remove admin.slack@acme.example');
    expect(asked.args.response_type).toBe('ephemeral');
    expect(asked.text).toContain('Remove a member');
    expect(asked.text).toContain('Ada &lt;!channel&gt; &amp; Co'); // shown as typed, never as markup
    expect(asked.text).not.toContain('<!channel>');
    expect(asked.text).toContain('their internal seat');
    expect(asked.text).toContain('ada.slack');
    expect(asked.text).toContain('Their open invitation becomes yours');
    const remove = asked.buttons.find((b) => b.action_id === 'member_remove');
    expect(remove).toMatchObject({
      style: 'danger',
      confirm: { title: { text: 'Remove this member?' }, confirm: { text: 'Remove' }, style: 'danger' },
    });
    expect(await t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(2);

    const done = await click(w, w.ownerUser, remove);
    expect(done.replace_original).toBe(true);
    expect(messageText(done)).toContain('admin.slack@acme.example was removed: their internal seat and the username');
    expect(await t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(1);
    const invitation = await t.prisma.invitation.findFirstOrThrow({ where: { organizationId: w.organization.id } });
    expect(invitation.inviterId).toBe(w.owner.member.id);
    expect(
      await t.prisma.auditEvent.count({
        where: { organizationId: w.organization.id, action: 'member.removed', channel: 'slack' },
      }),
    ).toBe(1);
    const again = await click(w, w.ownerUser, remove);
    expect(messageText(again)).toContain('The member was not removed');
    expect(messageText(again)).toContain('is not a member of this organization');
  });

  it('removes nothing on Cancel, and speaks French with retirer', async () => {
    const w = await linkedWorkspace(t, h, { slackLocale: 'fr-FR' });
    await w.member('ext.slack@jlo.example', 'viewer');
    await t.prisma.member.update({
      where: { organizationId_email: { organizationId: w.organization.id, email: 'ext.slack@jlo.example' } },
      data: { external: true, companyName: 'JLO PARIS' },
    });
    const asked = await ask(w, w.ownerUser, 'retirer ext.slack@jlo.example');
    expect(asked.text).toContain('Retirer un membre');
    expect(asked.text).toContain('sa place externe (JLO PARIS)');
    const cancelled = await click(
      w,
      w.ownerUser,
      asked.buttons.find((b) => b.action_id === 'member_remove_cancel'),
    );
    expect(messageText(cancelled)).toContain("Rien n'a été retiré");
    expect(await t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(2);
    const done = await click(
      w,
      w.ownerUser,
      asked.buttons.find((b) => b.action_id === 'member_remove'),
    );
    expect(messageText(done)).toContain('ext.slack@jlo.example a été retiré : sa place externe (JLO PARIS)');
  });

  it('says why before asking, and refuses a click by someone without the right', async () => {
    const w = await linkedWorkspace(t, h);
    const viewer = await w.member('viewer.slack@acme.example', 'viewer');
    const admin = await w.member('admin2.slack@acme.example', 'administrator');
    expect((await ask(w, viewer, `remove ${admin.email}`)).text).toContain('may not remove members');
    expect((await ask(w, admin, `remove ${w.owner.member.email}`)).text).toContain(
      `Only an owner may remove ${w.owner.member.email}, who is an owner.`,
    );
    expect((await ask(w, w.ownerUser, `remove ${w.owner.member.email}`)).text).toContain('You cannot remove yourself');
    const usage = await ask(w, w.ownerUser, 'remove');
    expect(usage.text).toContain('remove &lt;e-mail&gt;');
    expect(usage.buttons).toEqual([]);

    const asked = await ask(w, w.ownerUser, `remove ${admin.email}`);
    const refused = await click(
      w,
      viewer,
      asked.buttons.find((b) => b.action_id === 'member_remove'),
    );
    expect(messageText(refused)).toContain('may not remove members');
    expect(await t.prisma.member.count({ where: { organizationId: w.organization.id } })).toBe(3);
  });
});
