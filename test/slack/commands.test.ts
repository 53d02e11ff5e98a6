// /invite and its subcommands over HTTP, signed as Slack signs them, against the real Bolt app
// served by Sesame; Slack's Web API is a local fake that records every call.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkCode } from '../../src/chat/workspaces/link-codes.js';
import { invite } from '../../src/invitations/invite.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { blockActionPayload, sendSlashCommand, slackSignature } from '../support/slack-requests.js';
import {
  command,
  interaction,
  linkedWorkspace,
  messageText,
  SIGNING_SECRET,
  type SlackHarness,
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

const textOf = async (sent: { answer: () => Promise<{ args: Record<string, unknown> }> }) =>
  messageText((await sent.answer()).args);

describe('/invite <e-mails>', () => {
  it('invites the addresses typed after the command, with role and user type, and summarizes', async () => {
    const w = await linkedWorkspace(t, h);
    const sent = await command(
      h,
      w.teamId,
      w.ownerUser,
      'ana@example.com <mailto:bo@example.com|bo@example.com> bad@ Data Editor Editor',
    );
    expect(sent.status).toBe(200);
    const answer = await sent.answer();
    expect(answer.args.response_type).toBe('ephemeral');
    const text = messageText(answer.args);
    expect(text).toContain('ana@example.com');
    expect(text).toContain('not a valid e-mail address');
    const rows = await t.prisma.invitation.findMany({
      where: { organizationId: w.organization.id },
      orderBy: { email: 'asc' },
    });
    expect(rows.map((r) => [r.email, r.role, r.userType])).toEqual([
      ['ana@example.com', 'data_editor', 'editor'],
      ['bo@example.com', 'data_editor', 'editor'],
    ]);
    const audit = await t.prisma.auditEvent.findMany({
      where: { organizationId: w.organization.id, action: 'invitation.created' },
    });
    expect(audit.every((a) => a.channel === 'slack' && a.actorEmail === w.owner.member.email)).toBe(true);
  });

  it('is idempotent: the same command twice (a retry) keeps one invitation', async () => {
    const w = await linkedWorkspace(t, h);
    const first = await command(h, w.teamId, w.ownerUser, 'cy@example.com');
    expect(await textOf(first)).toContain('invited');
    const again = await command(h, w.teamId, w.ownerUser, 'cy@example.com', { retryNum: 1 });
    expect(await textOf(again)).toContain('already invited');
    expect(await t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(1);
    expect(
      await t.prisma.outboxMessage.count({ where: { organizationId: w.organization.id, kind: 'invitation.email' } }),
    ).toBe(1);
  });

  it('refuses a member who is not an administrator, politely and in their language', async () => {
    const w = await linkedWorkspace(t, h);
    const viewer = await w.member('vi@acme.example', 'viewer', false, 'fr-FR');
    const sent = await command(h, w.teamId, viewer, 'zed@example.com');
    const text = await textOf(sent);
    expect(text).toContain('seuls les propriétaires et administrateurs');
    expect(await t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(0);
    const opened = h.fake.callsTo('views.open').length;
    expect(await textOf(await command(h, w.teamId, viewer, ''))).toContain('seuls les propriétaires');
    expect(h.fake.callsTo('views.open').length).toBe(opened);
  });

  it('tells a Slack user who is not a member of the organization how to get in', async () => {
    const w = await linkedWorkspace(t, h);
    const stranger = w.person('stranger@elsewhere.example');
    expect(await textOf(await command(h, w.teamId, stranger, 'help'))).toContain('is not a member of');
  });

  it("does not take an address Slack has not confirmed for a member's, not even the owner's", async () => {
    const w = await linkedWorkspace(t, h);
    const userId = `U${randomUUID().slice(0, 10).toUpperCase()}`;
    h.fake.addUser({ id: userId, teamId: w.teamId, email: w.owner.member.email, emailConfirmed: false });
    const answer = await textOf(await command(h, w.teamId, { userId, email: w.owner.member.email }, 'zed@example.com'));
    expect(answer).toContain('could not read a confirmed e-mail address');
    expect(await t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(0);
  });
});

describe('/invite pending, resend, revoke, seats, help', () => {
  it('lists the open invitations with counts, Resend and Revoke buttons, and pages', async () => {
    const w = await linkedWorkspace(t, h);
    const emails = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}@example.com`);
    await invite(t.prisma, w.owner, { emails, userType: 'Viewer' });
    const answer = await (await command(h, w.teamId, w.ownerUser, 'pending')).answer();
    const blocks = answer.args.blocks as { type: string; elements?: { action_id: string; value?: string }[] }[];
    const text = messageText(answer.args);
    expect(text).toContain('12 matches (page 1 of 2)');
    expect(text).toContain('12 pending');
    const buttons = blocks.flatMap((b) => b.elements ?? []).map((e) => e.action_id);
    expect(buttons.filter((b) => b === 'pending_resend')).toHaveLength(10);
    expect(buttons.filter((b) => b === 'pending_revoke')).toHaveLength(10);
    expect(buttons).toContain('pending_page:next');

    const filtered = await (await command(h, w.teamId, w.ownerUser, 'pending p03 type:viewer')).answer();
    expect(messageText(filtered.args)).toContain('1 match (page 1 of 1)');
    const unknownStatus = await (await command(h, w.teamId, w.ownerUser, 'pending status:whatever')).answer();
    expect(messageText(unknownStatus.args)).toContain('did not understand');
  });

  it('revokes from the list, pages, and redraws the list in place with the outcome on top', async () => {
    const w = await linkedWorkspace(t, h);
    const emails = Array.from({ length: 11 }, (_, i) => `b${String(i).padStart(2, '0')}@example.com`);
    await invite(t.prisma, w.owner, { emails });
    const answer = await (await command(h, w.teamId, w.ownerUser, 'pending')).answer();
    type Element = { action_id: string; value?: string };
    const elements = (answer.args.blocks as { elements?: Element[] }[]).flatMap((b) => b.elements ?? []);
    const click = async (element: Element | undefined) => {
      const path = `/respond/${randomUUID()}`;
      await interaction(
        h,
        blockActionPayload({
          userId: w.ownerUser.userId,
          teamId: w.teamId,
          actionId: element?.action_id ?? '',
          value: element?.value,
          responseUrl: `${h.fake.url}${path}`,
        }),
      );
      return (await h.fake.waitFor('response_url', (a) => a.responseUrlPath === path)).args;
    };
    const next = await click(elements.find((e) => e.action_id === 'pending_page:next'));
    expect(messageText(next)).toContain('11 matches (page 2 of 2)');
    const revoke = elements.find((e) => e.action_id === 'pending_revoke');
    const { id } = JSON.parse(revoke?.value ?? '{}') as { id: string };
    const redrawn = await click(revoke);
    expect(redrawn.replace_original).toBe(true);
    expect(messageText(redrawn)).toContain('revoked: the link no longer works');
    expect(messageText(redrawn)).toContain('10 matches (page 1 of 1)');
    expect((await t.prisma.invitation.findUniqueOrThrow({ where: { id } })).status).toBe('REVOKED');
    const again = await click(revoke);
    expect(messageText(again)).toContain('is revoked: nothing to do');
    // Page 2 no longer exists once the list is shorter: the last page is shown.
    const stale = await click(elements.find((e) => e.action_id === 'pending_page:next'));
    expect(messageText(stale)).toContain('10 matches (page 1 of 1)');
  });

  it('revokes and resends by e-mail, with the cooldown shown', async () => {
    const w = await linkedWorkspace(t, h);
    await invite(t.prisma, w.owner, { emails: ['re@example.com', 'rv@example.com'] });
    expect(await textOf(await command(h, w.teamId, w.ownerUser, 'resend re@example.com'))).toContain(
      'can be resent in',
    );
    expect(await textOf(await command(h, w.teamId, w.ownerUser, 'revoke rv@example.com'))).toContain('revoked');
    const revoked = await t.prisma.invitation.findFirstOrThrow({
      where: { organizationId: w.organization.id, email: 'rv@example.com' },
    });
    expect(revoked.status).toBe('REVOKED');
    expect(await textOf(await command(h, w.teamId, w.ownerUser, 'revoke rv@example.com'))).toContain('revoked');
    expect(await textOf(await command(h, w.teamId, w.ownerUser, 'revoke nobody@example.com'))).toContain(
      'No invitation matches',
    );
  });

  it('shows the seats and the help, in French for a French Slack user', async () => {
    const w = await linkedWorkspace(t, h, { seats: 5, slackLocale: 'fr-FR' });
    await invite(t.prisma, w.owner, { emails: ['s1@example.com', 's2@example.com'] });
    const seats = await textOf(await command(h, w.teamId, w.ownerUser, 'seats'));
    expect(seats).toContain('3 sur 5 utilisées');
    expect(seats).toContain('2 restantes');
    expect(await textOf(await command(h, w.teamId, w.ownerUser, 'aide'))).toContain('ouvrir le formulaire');
  });

  it('lists the audit trail, filtered by action, to administrators only', async () => {
    const w = await linkedWorkspace(t, h);
    await command(h, w.teamId, w.ownerUser, 'audit.one@example.com').then((sent) => sent.answer());
    await command(h, w.teamId, w.ownerUser, 'revoke audit.one@example.com').then((sent) => sent.answer());
    const all = await textOf(await command(h, w.teamId, w.ownerUser, 'audit'));
    // Newest first; the organization's creation (from the CLI) is part of the trail too.
    expect(all).toContain('the latest 3 events');
    expect(all.indexOf('invitation.revoked')).toBeLessThan(all.indexOf('invitation.created'));
    expect(all).toContain('(cli) · `organization.created`');
    expect(all).toMatch(/`invitation\.revoked` · email=audit\.one@example\.com/);
    expect(all).toContain(`${w.owner.member.email} (slack) · \`invitation.created\``);
    const created = await textOf(await command(h, w.teamId, w.ownerUser, 'audit invitation.created'));
    expect(created).toContain('the latest 1 event starting with `invitation.created`');
    expect(created).not.toContain('invitation.revoked');
    expect(await textOf(await command(h, w.teamId, w.ownerUser, 'audit <script>'))).toContain('audit [invitation.');
    const viewer = await w.member('audit.viewer@acme.example', 'viewer');
    expect(await textOf(await command(h, w.teamId, viewer, 'audit'))).toContain('only owners and administrators');
  });

  it('opens the invite form for an administrator', async () => {
    const w = await linkedWorkspace(t, h);
    const triggerId = `trigger-${randomUUID()}`;
    await command(h, w.teamId, w.ownerUser, '', { triggerId });
    const opened = await h.fake.waitFor('views.open', (args) => args.trigger_id === triggerId);
    const view = opened.args.view as { callback_id: string; blocks: { block_id: string }[] };
    expect(view.callback_id).toBe('invite_submit');
    expect(view.blocks.map((b) => b.block_id)).toEqual([
      'emails',
      'user_type',
      'role:viewer',
      'groups',
      'credits',
      'language',
      'message',
      'must_use_email',
    ]);
  });
});

describe('linking a workspace', () => {
  it('answers an unlinked workspace with the way to link it, links it with a code once', async () => {
    const w = await linkedWorkspace(t, h);
    const teamId = `T${randomUUID().slice(0, 8).toUpperCase()}`;
    const userId = `U${randomUUID().slice(0, 8).toUpperCase()}`;
    h.fake.addUser({ id: userId, teamId, email: 'admin@newteam.example', isAdmin: true });
    const user = { userId, email: 'admin@newteam.example' };
    expect(await textOf(await command(h, teamId, user, 'pending'))).toContain('not linked to a Sesame organization');
    expect(await textOf(await command(h, teamId, user, 'link WRONG-CODE'))).toContain('unknown, already used');
    const { code } = await createLinkCode(t.prisma, w.owner, { platform: 'slack' });
    expect(await textOf(await command(h, teamId, user, `link ${code.toLowerCase()}`))).toContain(
      `now linked to ${w.organization.name}`,
    );
    const otherTeam = `T${randomUUID().slice(0, 8).toUpperCase()}`;
    h.fake.addUser({ id: 'U0OTHER', teamId: otherTeam, email: 'x@other.example', isAdmin: true });
    expect(await textOf(await command(h, otherTeam, { userId: 'U0OTHER', email: '' }, `link ${code}`))).toContain(
      'unknown, already used',
    );
    // Linked now: the admin is not a member of the organization yet, and is told so.
    expect(await textOf(await command(h, teamId, user, 'pending'))).toContain('is not a member of');
  });

  it('lets a workspace admin, and only them, create the organization with /invite setup', async () => {
    const teamId = `T${randomUUID().slice(0, 8).toUpperCase()}`;
    h.fake.addUser({ id: 'U0PLAIN', teamId, email: 'plain@setup.example' });
    h.fake.addUser({ id: 'U0ADMIN', teamId, email: 'admin@setup.example', isAdmin: true });
    expect(await textOf(await command(h, teamId, { userId: 'U0PLAIN', email: '' }, 'setup'))).toContain(
      'Only an admin or owner',
    );
    const triggerId = `trigger-${randomUUID()}`;
    await command(h, teamId, { userId: 'U0ADMIN', email: '' }, 'setup', { triggerId });
    const opened = await h.fake.waitFor('views.open', (args) => args.trigger_id === triggerId);
    expect((opened.args.view as { callback_id: string }).callback_id).toBe('setup_submit');
  });
});

describe('request authenticity', () => {
  const signed = (teamId: string, userId: string, options: Parameters<typeof sendSlashCommand>[3]) =>
    sendSlashCommand(
      h.endpoint,
      SIGNING_SECRET,
      { text: 'forged@example.com', userId, teamId, responseUrl: `${h.fake.url}/respond/${randomUUID()}` },
      options,
    );

  it('answers 401 to unsigned, forged, stale and future-dated requests, and acts on none', async () => {
    const w = await linkedWorkspace(t, h);
    const now = Math.floor(Date.now() / 1000);
    const { userId } = w.ownerUser;
    expect((await signed(w.teamId, userId, { signature: null })).status).toBe(401);
    expect((await signed(w.teamId, userId, { signature: slackSignature('wrong-secret', now, 'x') })).status).toBe(401);
    expect((await signed(w.teamId, userId, { timestamp: now - 10 * 60 })).status).toBe(401);
    expect((await signed(w.teamId, userId, { timestamp: now + 10 * 60 })).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(0);
  });
});
