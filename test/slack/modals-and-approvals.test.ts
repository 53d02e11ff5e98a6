// The invite modal (field errors, the role options following the user type, the summary) and
// the seat request card (two managers clicking, Deny with a reason, a non-manager refused).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordChatPost, seatRequestSubject } from '../../src/chat/workspaces/chat-posts.js';
import { invite } from '../../src/invitations/invite.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { blockActionPayload, viewSubmissionPayload } from '../support/slack-requests.js';
import { interaction, linkedWorkspace, messageText, type SlackHarness, startSlack } from './support.js';

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

const inviteValues = (p: { emails: string; userType: string; role?: string; message?: string; mustUse?: boolean }) => ({
  emails: { value: { type: 'plain_text_input', value: p.emails } },
  user_type: { invite_user_type: { type: 'static_select', selected_option: { value: p.userType } } },
  [`role:${p.userType}`]: {
    value: { type: 'static_select', selected_option: p.role ? { value: p.role } : null },
  },
  groups: { value: { type: 'plain_text_input', value: 'GIS, Field team' } },
  message: { value: { type: 'plain_text_input', value: p.message ?? '' } },
  must_use_email: { value: { type: 'checkboxes', selected_options: p.mustUse === false ? [] : [{ value: 'yes' }] } },
});

describe('the invite modal', () => {
  it('shows problems on their fields and writes nothing', async () => {
    const w = await linkedWorkspace(t, h);
    const res = await interaction(
      h,
      viewSubmissionPayload({
        userId: w.ownerUser.userId,
        teamId: w.teamId,
        callbackId: 'invite_submit',
        values: inviteValues({ emails: "o'neil@example.com, fine@example.com", userType: 'viewer', role: 'publisher' }),
      }),
    );
    expect(res.status).toBe(200);
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors.emails).toContain('apostrophe');
    expect(body.errors['role:viewer']).toContain('does not allow the Publisher role');
    expect(await t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(0);
  });

  it('invites, closes the modal and summarizes through the command response_url', async () => {
    const w = await linkedWorkspace(t, h);
    const path = `/respond/${randomUUID()}`;
    const res = await interaction(
      h,
      viewSubmissionPayload({
        userId: w.ownerUser.userId,
        teamId: w.teamId,
        callbackId: 'invite_submit',
        privateMetadata: JSON.stringify({ responseUrl: `${h.fake.url}${path}`, channelId: 'C0GENERAL' }),
        values: inviteValues({
          emails: 'mo@example.com\nli@example.com',
          userType: 'editor',
          role: 'data_editor',
          message: 'Bienvenue !',
          mustUse: false,
        }),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const answer = await h.fake.waitFor('response_url', (args) => args.responseUrlPath === path);
    expect(messageText(answer.args)).toContain('mo@example.com');
    const rows = await t.prisma.invitation.findMany({ where: { organizationId: w.organization.id } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      role: 'data_editor',
      userType: 'editor',
      message: 'Bienvenue !',
      mustUseEmail: false,
      groups: ['GIS', 'Field team'],
    });
  });

  it('offers only the roles the chosen user type allows', async () => {
    const w = await linkedWorkspace(t, h);
    const viewId = `V${randomUUID().slice(0, 8)}`;
    await interaction(
      h,
      blockActionPayload({
        userId: w.ownerUser.userId,
        teamId: w.teamId,
        actionId: 'invite_user_type',
        blockId: 'user_type',
        selectedOption: { value: 'editor' },
        view: { id: viewId, hash: 'h1', private_metadata: '{}' },
      }),
    );
    const updated = await h.fake.waitFor('views.update', (args) => args.view_id === viewId);
    const view = updated.args.view as { blocks: { block_id: string; element?: { options?: { value: string }[] } }[] };
    const role = view.blocks.find((b) => b.block_id === 'role:editor');
    expect(role?.element?.options?.map((o) => o.value)).toEqual(['viewer', 'data_editor']);
  });
});

describe('the seat request card', () => {
  async function heldRequest() {
    const w = await linkedWorkspace(t, h, { seats: 1 });
    const result = await invite(t.prisma, w.owner, { emails: ['h1@example.com', 'h2@example.com'] });
    const requestId = result.seatRequestId as string;
    const ts = `${Date.now() / 1000}`;
    await recordChatPost(
      t.prisma,
      { platform: 'slack', externalId: w.teamId },
      { subject: seatRequestSubject(requestId), channelId: 'CMANAGERS', messageId: ts },
    );
    const click = (userId: string, actionId: 'seat_approve' | 'seat_deny') => {
      const path = `/respond/${randomUUID()}`;
      return {
        path,
        sent: interaction(
          h,
          blockActionPayload({
            userId,
            teamId: w.teamId,
            actionId,
            value: requestId,
            channelId: 'CMANAGERS',
            messageTs: ts,
            responseUrl: `${h.fake.url}${path}`,
          }),
        ),
      };
    };
    return { w, requestId, ts, click };
  }

  it('is decided once when two managers approve at the same moment; the second is told who decided', async () => {
    const { w, requestId, ts, click } = await heldRequest();
    const ana = await w.member('ana.manager@acme.example', 'viewer', true);
    const bob = await w.member('bob.manager@acme.example', 'viewer', true);
    const first = click(ana.userId, 'seat_approve');
    const second = click(bob.userId, 'seat_approve');
    expect((await first.sent).status).toBe(200);
    expect((await second.sent).status).toBe(200);
    // One of them gets "already decided"; the card is redrawn with the decision, without buttons.
    const told = await Promise.race([
      h.fake.waitFor('response_url', (a) => a.responseUrlPath === first.path, 5000).then(() => 'first'),
      h.fake.waitFor('response_url', (a) => a.responseUrlPath === second.path, 5000).then(() => 'second'),
    ]);
    const loser = told === 'first' ? first : second;
    const answer = await h.fake.waitFor('response_url', (a) => a.responseUrlPath === loser.path);
    expect(messageText(answer.args)).toContain('already');
    const update = await h.fake.waitFor('chat.update', (a) => a.ts === ts && messageText(a).includes('Approved by'));
    expect(messageText(update.args)).not.toContain('seat_approve');
    const request = await t.prisma.seatRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.status).toBe('APPROVED');
    const org = await t.prisma.organization.findUniqueOrThrow({ where: { id: w.organization.id } });
    expect(org.seatLimit).toBe(3);
    expect(await t.prisma.auditEvent.count({ where: { subjectId: requestId, action: 'seat_request.approved' } })).toBe(
      1,
    );
    expect(
      await t.prisma.outboxMessage.count({ where: { organizationId: w.organization.id, kind: 'invitation.email' } }),
    ).toBe(2);
  });

  it('refuses a member who is not a manager, and leaves the request open', async () => {
    const { w, requestId, click } = await heldRequest();
    const admin = await w.member('admin@acme.example', 'viewer', false);
    const attempt = click(admin.userId, 'seat_approve');
    await attempt.sent;
    const answer = await h.fake.waitFor('response_url', (a) => a.responseUrlPath === attempt.path);
    expect(messageText(answer.args)).toContain('only managers and owners');
    expect((await t.prisma.seatRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('PENDING');
  });

  it('asks a reason to deny, cancels the held invitations and redraws the card', async () => {
    const { w, requestId, ts } = await heldRequest();
    const triggerId = `trigger-${randomUUID()}`;
    await interaction(
      h,
      blockActionPayload({
        userId: w.ownerUser.userId,
        teamId: w.teamId,
        actionId: 'seat_deny',
        value: requestId,
        channelId: 'CMANAGERS',
        messageTs: ts,
        triggerId,
      }),
    );
    const opened = await h.fake.waitFor('views.open', (a) => a.trigger_id === triggerId);
    const modal = opened.args.view as { callback_id: string; private_metadata: string };
    expect(modal.callback_id).toBe('seat_deny_submit');
    const submit = (reason: string) =>
      interaction(
        h,
        viewSubmissionPayload({
          userId: w.ownerUser.userId,
          teamId: w.teamId,
          callbackId: 'seat_deny_submit',
          privateMetadata: modal.private_metadata,
          values: { reason: { value: { type: 'plain_text_input', value: reason } } },
        }),
      );
    const empty = await submit('  ');
    expect((empty.json as { errors: Record<string, string> }).errors.reason).toContain('Say why');
    const denied = await submit('No budget this quarter');
    expect(denied.text).toBe('');
    await h.fake.waitFor('chat.update', (a) => a.ts === ts && messageText(a).includes('No budget this quarter'));
    const held = await t.prisma.invitation.findMany({ where: { seatRequestId: requestId } });
    expect(held.map((i) => i.status)).toEqual(['CANCELLED', 'CANCELLED']);
    const again = await submit('Twice');
    expect((again.json as { errors: Record<string, string> }).errors.reason).toContain('already');
  });
});
