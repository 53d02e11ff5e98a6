// The Slack invite modal's reserved username (ArcGIS's "add members and notify them by e-mail"):
// offered only where the organization's members have usernames, written on the invitation, and
// refused on its field when it breaks the rule, comes with several addresses, or is taken.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invite } from '../../src/invitations/invite.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { viewSubmissionPayload } from '../support/slack-requests.js';
import { blockKitProblems } from './block-kit-limits.js';
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

type Block = { type: string; block_id?: string; optional?: boolean; label?: { text: string } };
type View = { callback_id: string; blocks: Block[] };
type Workspace = Awaited<ReturnType<typeof linkedWorkspace>>;

async function workspace(options: { fr?: boolean; usesUsernames?: boolean } = {}): Promise<Workspace> {
  const w = await linkedWorkspace(t, h, options.fr ? { slackLocale: 'fr-FR' } : {});
  await t.prisma.organization.update({
    where: { id: w.organization.id },
    data: { usesUsernames: options.usesUsernames ?? true },
  });
  return w;
}

async function openInviteModal(w: Workspace): Promise<View> {
  const triggerId = `${Date.now()}.${randomUUID().slice(0, 6)}`;
  await command(h, w.teamId, w.ownerUser, '', { triggerId });
  const opened = await h.fake.waitFor('views.open', (args) => args.trigger_id === triggerId);
  const view = opened.args.view as View;
  expect(blockKitProblems(view)).toEqual([]);
  return view;
}

const inviteValues = (emails: string, username: string) => ({
  emails: { value: { type: 'plain_text_input', value: emails } },
  username: { value: { type: 'plain_text_input', value: username } },
  user_type: { invite_user_type: { type: 'static_select', selected_option: { value: 'viewer' } } },
  'role:viewer': { value: { type: 'static_select', selected_option: { value: 'viewer' } } },
  must_use_email: { value: { type: 'checkboxes', selected_options: [{ value: 'yes' }] } },
});

async function submitInvite(w: Workspace, emails: string, username: string, as = w.ownerUser) {
  const path = `/respond/${randomUUID()}`;
  const res = await interaction(
    h,
    viewSubmissionPayload({
      userId: as.userId,
      teamId: w.teamId,
      callbackId: 'invite_submit',
      privateMetadata: JSON.stringify({ responseUrl: `${h.fake.url}${path}` }),
      values: inviteValues(emails, username),
    }),
  );
  const answer = () => h.fake.waitFor('response_url', (args) => args.responseUrlPath === path, 10_000);
  return { res, answer };
}

const invitations = (w: Workspace) => t.prisma.invitation.findMany({ where: { organizationId: w.organization.id } });

describe('the Slack invite modal with a username', () => {
  it('offers the username only where the organization uses usernames', async () => {
    const without = await openInviteModal(await workspace({ usesUsernames: false }));
    expect(without.blocks.find((b) => b.block_id === 'username')).toBeUndefined();
    const field = (await openInviteModal(await workspace())).blocks.find((b) => b.block_id === 'username');
    expect([field?.optional, field?.label?.text]).toEqual([
      true,
      'Username (one address only: the e-mail states it; it cannot be changed afterwards)',
    ]);
    const french = (await openInviteModal(await workspace({ fr: true }))).blocks.find((b) => b.block_id === 'username');
    expect(french?.label?.text).toBe(
      "Nom d'utilisateur (une seule adresse : l'e-mail l'indique ; il ne pourra plus être changé)",
    );
  });

  it('reserves the username on the invitation', async () => {
    const w = await workspace();
    const { res, answer } = await submitInvite(w, 'paul.martin@example.com', 'Paul.Martin');
    expect(res.text).toBe('');
    expect(messageText((await answer()).args)).toContain('paul.martin@example.com');
    expect((await invitations(w)).map((r) => [r.email, r.username])).toEqual([
      ['paul.martin@example.com', 'paul.martin'],
    ]);
  });

  it('refuses a username with several addresses on its field, in English and French', async () => {
    const w = await workspace();
    const { res } = await submitInvite(w, 'ana@example.com, bo@example.com', 'ana.lima');
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { username: 'A username is for one address only: invite a single address, or leave the username empty.' },
    });
    const fr = await workspace({ fr: true });
    // As in Slack: the modal is opened (the member's language is known from then on) before it is sent.
    await openInviteModal(fr);
    const { res: frRes } = await submitInvite(fr, 'ana@example.com bo@example.com', 'ana.lima');
    expect(frRes.json).toEqual({
      response_action: 'errors',
      errors: {
        username:
          "Un nom d'utilisateur ne vaut que pour une adresse : invitez une seule adresse, ou laissez le nom d'utilisateur vide.",
      },
    });
    expect([...(await invitations(w)), ...(await invitations(fr))]).toEqual([]);
  });

  it('refuses a username breaking the rule on its field, with the other fields’ problems', async () => {
    const w = await workspace();
    const { res } = await submitInvite(w, 'not-an-address', 'ana');
    const errors = (res.json as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors).sort()).toEqual(['emails', 'username']);
    expect(errors.username).toContain('is not a valid username');
  });

  it('refuses a taken username on its field', async () => {
    const w = await workspace();
    await invite(t.prisma, w.owner, { emails: ['first@example.com'], username: 'paul.martin' });
    const { res } = await submitInvite(w, 'second@example.com', 'PAUL.martin');
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { username: 'The username paul.martin is already taken; choose another one.' },
    });
    expect((await invitations(w)).map((r) => r.email)).toEqual(['first@example.com']);
  });

  it('tells whether a username is taken only to those who may invite', async () => {
    const w = await workspace();
    await invite(t.prisma, w.owner, { emails: ['first@example.com'], username: 'paul.martin' });
    const viewer = await w.member('viewer@example.com', 'viewer');
    const { res, answer } = await submitInvite(w, 'second@example.com', 'paul.martin', viewer);
    // No field error (it would say the name exists): the modal closes and the refusal is the permission's.
    expect(JSON.stringify(res.json ?? {})).not.toContain('already taken');
    expect(JSON.stringify((await answer()).args)).toContain('only owners and administrators');
    expect((await invitations(w)).map((r) => r.email)).toEqual(['first@example.com']);
  });
});
