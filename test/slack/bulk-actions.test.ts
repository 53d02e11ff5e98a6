// The pending list's bulk actions on Slack, over HTTP against the real Bolt app: the list offers
// "Resend expired (last 7 days)…" and "Revoke pending older than 30 days…"; each shows its count
// first (and lets the days change), then runs from a button that Slack's confirm dialog asks
// about again with the count; the list is redrawn with what was done. Every message is checked
// against Slack's documented Block Kit limits for messages.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { invite } from '../../src/invitations/invite.js';
import type { Actor } from '../../src/permissions/actor.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { blockActionPayload } from '../support/slack-requests.js';
import { messageProblems } from './block-kit-limits.js';
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
  text: { text: string };
  confirm?: { title: { text: string }; text: { text: string }; confirm: { text: string }; style?: string };
}

const buttonsOf = (args: Record<string, unknown>): Button[] =>
  ((args.blocks ?? []) as { type: string; elements?: Button[] }[]).flatMap((b) =>
    b.type === 'actions' ? (b.elements ?? []) : [],
  );

/** Invitations whose dates all moved `daysAgo` days back, expired by the job when due. */
async function invitedAgo(owner: Actor, emails: string[], daysAgo: number) {
  const ids = (await invite(t.prisma, owner, { emails })).results.map((r) => r.invitationId ?? '');
  await t.prisma.$executeRawUnsafe(
    `UPDATE invitation SET created_at = created_at - make_interval(days => $2),
            last_sent_at = last_sent_at - make_interval(days => $2), expires_at = expires_at - make_interval(days => $2)
      WHERE id = ANY($1::uuid[])`,
    ids,
    daysAgo,
  );
  await expireDueInvitations(t.prisma);
  return ids;
}

async function click(w: { teamId: string }, user: SlackPerson, button: Button | undefined) {
  expect(button).toBeDefined();
  const path = `/respond/${randomUUID()}`;
  await interaction(
    h,
    blockActionPayload({
      userId: user.userId,
      teamId: w.teamId,
      actionId: button?.action_id ?? '',
      value: button?.value,
      responseUrl: `${h.fake.url}${path}`,
    }),
  );
  const args = (await h.fake.waitFor('response_url', (a) => a.responseUrlPath === path)).args;
  expect(messageProblems(args.blocks)).toEqual([]);
  return args;
}

describe('bulk actions from the pending list', () => {
  it('resends the expired ones after showing the count, with Slack confirming it again', async () => {
    const w = await linkedWorkspace(t, h, { seats: 20 });
    const recent = await invitedAgo(w.owner, ['ana@x.com', 'bo@x.com'], 16);
    await invitedAgo(w.owner, ['old@x.com'], 40); // expired 26 days ago
    const list = await (await command(h, w.teamId, w.ownerUser, 'pending')).answer();
    expect(messageProblems(list.args.blocks)).toEqual([]);
    const open = buttonsOf(list.args).find((b) => b.action_id === 'pending_bulk:resend');
    expect(open?.text.text).toBe('Resend expired (last 7 days)…');
    expect(buttonsOf(list.args).find((b) => b.action_id === 'pending_bulk:revoke')?.text.text).toBe(
      'Revoke pending older than 30 days…',
    );

    const asked = await click(w, w.ownerUser, open);
    expect(asked.replace_original).toBe(true);
    const text = messageText(asked);
    expect(text).toContain('2 invitations that expired in the last 7 days will be sent again');
    expect(text).toContain('ana@x.com, bo@x.com');
    expect(await t.prisma.invitation.count({ where: { id: { in: recent }, status: 'EXPIRED' } })).toBe(2);
    const run = buttonsOf(asked).find((b) => b.action_id === 'pending_bulk_run');
    expect(run).toMatchObject({
      style: 'primary',
      text: { text: 'Resend 2' },
      confirm: { title: { text: 'Resend 2 invitations?' }, confirm: { text: 'Resend 2' } },
    });
    expect(run?.confirm?.text.text).toContain('2 invitations that expired in the last 7 days');

    // A wider window counts the old one too, without doing anything.
    const wider = await click(
      w,
      w.ownerUser,
      buttonsOf(asked).find((b) => b.action_id === 'pending_bulk_days:30'),
    );
    expect(messageText(wider)).toContain('3 invitations that expired in the last 30 days');
    expect(buttonsOf(wider).find((b) => b.action_id === 'pending_bulk_days:30')?.style).toBe('primary');

    const done = await click(w, w.ownerUser, run);
    expect(messageText(done)).toContain('✅ 2 invitations sent again.');
    expect(messageText(done)).toContain('2 matches');
    expect(await t.prisma.invitation.count({ where: { id: { in: recent }, status: 'PENDING' } })).toBe(2);
    // Clicked again (the same confirmation): nothing left to do, and said so.
    const again = await click(w, w.ownerUser, run);
    expect(messageText(again)).toContain('Nothing was done. The count changed since it was shown (2 then, 0 done)');
    expect(
      await t.prisma.auditEvent.count({
        where: { organizationId: w.organization.id, action: 'invitation.bulk_resent' },
      }),
    ).toBe(1);
  });

  it('revokes the old pending ones in French, goes back to the list, and refuses a plain member', async () => {
    const w = await linkedWorkspace(t, h, { slackLocale: 'fr-FR' });
    const ids = (await invite(t.prisma, w.owner, { emails: ['vieux@x.com'] })).results.map((r) => r.invitationId ?? '');
    await t.prisma.$executeRawUnsafe(
      `UPDATE invitation SET created_at = created_at - interval '45 days' WHERE id = ANY($1::uuid[])`,
      ids,
    );
    const list = await (await command(h, w.teamId, w.ownerUser, 'pending')).answer();
    const open = buttonsOf(list.args).find((b) => b.action_id === 'pending_bulk:revoke');
    expect(open?.text.text).toBe('Révoquer celles de plus de 30 jours…');
    const asked = await click(w, w.ownerUser, open);
    expect(messageText(asked)).toContain('1 invitation créée il y a plus de 30 jours sera révoquée');
    const run = buttonsOf(asked).find((b) => b.action_id === 'pending_bulk_run');
    expect(run).toMatchObject({
      style: 'danger',
      confirm: { title: { text: 'Révoquer 1 invitation ?' }, style: 'danger' },
    });

    const back = await click(
      w,
      w.ownerUser,
      buttonsOf(asked).find((b) => b.action_id === 'pending_bulk_back'),
    );
    expect(messageText(back)).toContain('vieux@x.com');
    expect(await t.prisma.invitation.count({ where: { id: { in: ids }, status: 'PENDING' } })).toBe(1);

    const viewer = await w.member('lecteur@x.com', 'viewer');
    const refused = await click(w, viewer, run);
    expect(messageText(refused)).toContain('lecteur@x.com ne peut pas inviter, importer, relancer ni révoquer');
    expect(await t.prisma.invitation.count({ where: { id: { in: ids }, status: 'PENDING' } })).toBe(1);

    const done = await click(w, w.ownerUser, run);
    expect(messageText(done)).toContain('✅ 1 invitation révoquée.');
    expect(await t.prisma.invitation.count({ where: { id: { in: ids }, status: 'REVOKED' } })).toBe(1);
  });

  it('checks messages against the limits (a broken one is caught)', () => {
    const long = 'x'.repeat(80);
    const broken = [
      { type: 'actions', elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: long } }] },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'b',
            text: { type: 'plain_text', text: 'ok' },
            confirm: {
              title: { type: 'plain_text', text: 't' },
              text: { type: 'plain_text', text: 'x' },
              confirm: { type: 'plain_text', text: long },
              deny: { type: 'plain_text', text: 'no' },
            },
          },
        ],
      },
    ];
    expect(messageProblems(broken)).toEqual([
      'blocks[0].elements[0].text: 80 > 75 characters',
      'blocks[1].elements[0].confirm.confirm: 80 > 30 characters',
    ]);
  });
});
