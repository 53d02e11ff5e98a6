// The Teams bot over HTTP, with Activity JSON shaped as Teams sends it, authentication off (local
// use); replies reach a local fake Bot Connector.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkCode } from '../../src/chat/workspaces/link-codes.js';
import { invite } from '../../src/invitations/invite.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import {
  adaptiveCardActionInvoke,
  conversationUpdate,
  fileAttachment,
  messageActivity,
  taskFetchInvoke,
  taskSubmitInvoke,
} from '../support/teams-requests.js';
import {
  checkCardsAfterEach,
  linkedTenant,
  post,
  sentTo,
  startTeams,
  type TeamsHarness,
  type TeamsPerson,
} from './support.js';

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

/** Sends a personal message and returns what the bot said back in that chat. */
async function say(person: TeamsPerson, text: string, attachments?: unknown[]): Promise<string> {
  const from = h.fake.calls.length;
  const res = await post(
    h,
    messageActivity({ text, user: person, conversation: person.personal, serviceUrl: h.fake.url, attachments }),
  );
  expect(res.status).toBe(200);
  return sentTo(h, person.personal.id, from).join('\n');
}

describe('Teams commands', () => {
  it('invites from a message, with role and user type, and lists the result', async () => {
    const w = await linkedTenant(t, h);
    const answer = await say(w.ownerUser, 'invite ana@example.com bo@example.com Publisher Creator');
    expect(answer).toContain('ana@example.com');
    expect(answer).toContain('invited');
    const rows = await t.prisma.invitation.findMany({ where: { organizationId: w.organization.id } });
    expect(rows.map((r) => [r.role, r.userType])).toEqual([
      ['publisher', 'creator'],
      ['publisher', 'creator'],
    ]);
    expect(await t.prisma.auditEvent.count({ where: { organizationId: w.organization.id, channel: 'teams' } })).toBe(2);
  });

  it('refuses a member who is not an administrator, and answers help and seats', async () => {
    const w = await linkedTenant(t, h, { seats: 4 });
    const viewer = await w.member('teams.viewer@acme.example', 'viewer');
    expect(await say(viewer, 'invite zed@example.com')).toContain('only owners and administrators');
    expect(await say(w.ownerUser, 'help')).toContain('invite ana@example.com');
    expect(await say(w.ownerUser, 'seats')).toContain('2 of 4 used');
  });

  it('links an unlinked tenant with a code from the CLI, once', async () => {
    const w = await linkedTenant(t, h);
    const stranger = w.person('admin@othertenant.example');
    const other = { ...stranger, personal: { ...stranger.personal, tenantId: 'tenant-not-linked' } };
    h.fake.addUser({ id: other.id, aadObjectId: other.aadObjectId, email: other.email, tenantId: 'tenant-not-linked' });
    expect(await say(other, 'pending')).toContain('not linked to a Sesame organization');
    const { code } = await createLinkCode(t.prisma, w.owner, { platform: 'teams' });
    expect(await say(other, `link ${code}`)).toContain(`now linked to ${w.organization.name}`);
    // Linked now: the admin is not a member of the organization yet, and is told so.
    expect(await say(other, `link ${code}`)).toContain('is not a member of');
    const outsider = await say({ ...other, personal: { ...other.personal, tenantId: 'tenant-two' } }, `link ${code}`);
    expect(outsider).toContain('unknown, already used or expired');
  });

  it('lists pending invitations on a card whose Revoke redraws it', async () => {
    const w = await linkedTenant(t, h);
    await invite(t.prisma, w.owner, { emails: ['p1@example.com', 'p2@example.com'] });
    const card = await say(w.ownerUser, 'pending');
    expect(card).toContain('2 matches (page 1 of 1)');
    expect(card).toContain('pending_revoke');
    const id = (
      await t.prisma.invitation.findFirstOrThrow({
        where: { organizationId: w.organization.id, email: 'p1@example.com' },
      })
    ).id;
    const res = await post(
      h,
      adaptiveCardActionInvoke({
        verb: 'pending_revoke',
        data: { id, list: { page: 1 } },
        user: w.ownerUser,
        conversation: w.ownerUser.personal,
        serviceUrl: h.fake.url,
      }),
    );
    expect(res.status).toBe(200);
    const body = JSON.stringify(res.json);
    expect(body).toContain('application/vnd.microsoft.card.adaptive');
    expect(body).toContain('revoked');
    expect(body).toContain('1 match (page 1 of 1)');
    expect((await t.prisma.invitation.findUniqueOrThrow({ where: { id } })).status).toBe('REVOKED');
  });

  it('opens the invite dialog, shows problems on its fields, then invites', async () => {
    const w = await linkedTenant(t, h);
    const base = { user: w.ownerUser, conversation: w.ownerUser.personal, serviceUrl: h.fake.url };
    const fetched = await post(h, taskFetchInvoke({ ...base, data: { verb: 'invite_form' } }));
    expect(fetched.status).toBe(200);
    expect(JSON.stringify(fetched.json)).toContain('"id":"emails"');
    const bad = await post(
      h,
      taskSubmitInvoke({
        ...base,
        data: { verb: 'invite_form', emails: "o'neil@example.com", assignment: 'viewer/publisher' },
      }),
    );
    const badText = JSON.stringify(bad.json);
    expect(badText).toContain('apostrophe');
    expect(badText).toContain('does not allow the Publisher role');
    expect(await t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(0);
    const good = await post(
      h,
      taskSubmitInvoke({
        ...base,
        data: {
          verb: 'invite_form',
          emails: 'mo@example.com',
          assignment: 'editor/data_editor',
          mustUseEmail: 'false',
        },
      }),
    );
    expect(JSON.stringify(good.json)).toContain('mo@example.com');
    const row = await t.prisma.invitation.findFirstOrThrow({ where: { organizationId: w.organization.id } });
    expect(row).toMatchObject({
      email: 'mo@example.com',
      role: 'data_editor',
      userType: 'editor',
      mustUseEmail: false,
    });
  });

  it('imports a CSV attached in personal chat: review with the row errors, then confirm once', async () => {
    const w = await linkedTenant(t, h);
    const csv =
      "Email,First Name,Role\nana@example.com,Ana,Viewer\no'neil@example.com,Bad,Viewer\nbo@example.com,Bo,Administrator\n";
    const file = h.fake.addFile({ name: 'people.csv', content: csv });
    const review = await say(w.ownerUser, 'import', [fileAttachment('people.csv', file)]);
    expect(review).toContain('Line 3, Email');
    expect(review).toContain('apostrophe');
    expect(review).toContain('Line 4, Role');
    const draftId = (await t.prisma.importDraft.findFirstOrThrow({ where: { organizationId: w.organization.id } })).id;
    const confirm = () =>
      post(
        h,
        adaptiveCardActionInvoke({
          verb: 'import_confirm',
          data: { draftId },
          user: w.ownerUser,
          conversation: w.ownerUser.personal,
          serviceUrl: h.fake.url,
        }),
      );
    expect(JSON.stringify((await confirm()).json)).toContain('Import done: 1 invited');
    expect(JSON.stringify((await confirm()).json)).toContain('already confirmed');
    expect(await t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(1);
  });
});

describe('Teams commands, continued', () => {
  it('pages the pending list with its Next action', async () => {
    const w = await linkedTenant(t, h);
    await invite(t.prisma, w.owner, { emails: Array.from({ length: 12 }, (_, i) => `pg${i}@example.com`) });
    expect(await say(w.ownerUser, 'pending')).toContain('12 matches (page 1 of 2)');
    const next = await post(
      h,
      adaptiveCardActionInvoke({
        verb: 'pending_page',
        data: { list: { page: 2 } },
        user: w.ownerUser,
        conversation: w.ownerUser.personal,
        serviceUrl: h.fake.url,
      }),
    );
    expect(JSON.stringify(next.json)).toContain('12 matches (page 2 of 2)');
  });

  it('explains import without a file, refuses it to a non-administrator, and helps with an unknown command', async () => {
    const w = await linkedTenant(t, h);
    expect(await say(w.ownerUser, 'import')).toContain('Attach a CSV file');
    const viewer = await w.member('import.viewer@acme.example', 'viewer');
    expect(await say(viewer, 'import')).toContain('only owners and administrators');
    expect(await say(w.ownerUser, 'frobnicate')).toContain('did not understand');
  });
});

describe('Teams seat approvals', () => {
  it('makes a channel the managers’ channel, and decides a request once when two managers approve', async () => {
    const w = await linkedTenant(t, h, { seats: 1 });
    const answer = h.fake.calls.length;
    await post(
      h,
      messageActivity({ text: 'settings', user: w.ownerUser, conversation: w.channel, serviceUrl: h.fake.url }),
    );
    expect(sentTo(h, w.channel.id, answer).join()).toContain('receives the seat requests');
    const workspace = await t.prisma.chatWorkspace.findFirstOrThrow({ where: { externalId: w.tenantId } });
    expect(workspace.managersChannelId).toBe(w.channel.id);
    expect(workspace.managersChannelRef).toMatchObject({ serviceUrl: h.fake.url });

    const result = await invite(t.prisma, w.owner, { emails: ['h1@example.com', 'h2@example.com'] });
    const requestId = result.seatRequestId as string;
    const ana = await w.member('ana.mgr@acme.example', 'viewer', true);
    const bob = await w.member('bob.mgr@acme.example', 'viewer', true);
    const approve = (person: TeamsPerson) =>
      post(
        h,
        adaptiveCardActionInvoke({
          verb: 'seat_approve',
          data: { requestId },
          user: person,
          conversation: w.channel,
          serviceUrl: h.fake.url,
          replyToId: '1700000000001',
        }),
      );
    const [first, second] = await Promise.all([approve(ana), approve(bob)]);
    const bodies = [JSON.stringify(first.json), JSON.stringify(second.json)];
    expect(bodies.every((b) => b.includes('Approved by'))).toBe(true);
    expect(bodies.filter((b) => b.includes('already'))).toHaveLength(1);
    expect((await t.prisma.seatRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('APPROVED');
    // The card was also updated for everyone in the channel.
    await h.fake.waitFor((c) => c.method === 'PUT' && c.activityId === '1700000000001');
    const viewer = await w.member('not.a.manager@acme.example', 'viewer');
    const refused = await approve(viewer);
    expect(JSON.stringify(refused.json)).toContain('only managers and owners');
  });

  it('denies with the reason typed on the card (required), cancelling the held invitations', async () => {
    const w = await linkedTenant(t, h, { seats: 1 });
    const result = await invite(t.prisma, w.owner, { emails: ['d1@example.com'] });
    const requestId = result.seatRequestId as string;
    const deny = (reason?: string) =>
      post(
        h,
        adaptiveCardActionInvoke({
          verb: 'seat_deny',
          data: { requestId, ...(reason === undefined ? {} : { reason }) },
          user: w.ownerUser,
          conversation: w.channel,
          serviceUrl: h.fake.url,
        }),
      );
    expect(JSON.stringify((await deny()).json)).toContain('Say why the request is denied');
    expect((await t.prisma.seatRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('PENDING');
    expect(JSON.stringify((await deny('No budget')).json)).toContain('Denied by');
    const held = await t.prisma.invitation.findMany({ where: { seatRequestId: requestId } });
    expect(held.map((i) => i.status)).toEqual(['CANCELLED']);
  });

  it('lists the audit trail to an administrator', async () => {
    const w = await linkedTenant(t, h);
    await say(w.ownerUser, 'invite audit.teams@example.com');
    const trail = await say(w.ownerUser, 'audit invitation.');
    expect(trail).toContain('the latest 1 event starting with `invitation.`');
    expect(trail).toContain(`${w.ownerUser.email} (teams) · \`invitation.created\``);
    const viewer = await w.member('audit.teams.viewer@acme.example', 'viewer');
    expect(await say(viewer, 'audit')).toContain('only owners and administrators');
  });

  it('speaks French to a French Teams user', async () => {
    const w = await linkedTenant(t, h, { seats: 3 });
    const from = h.fake.calls.length;
    await post(
      h,
      messageActivity({
        text: 'seats',
        user: w.ownerUser,
        conversation: w.ownerUser.personal,
        serviceUrl: h.fake.url,
        locale: 'fr-FR',
      }),
    );
    expect(sentTo(h, w.ownerUser.personal.id, from).join()).toContain('1 sur 3 utilisées');
  });

  it('greets a team it is added to; an owner adding it makes the first managers’ channel, no one else does', async () => {
    const w = await linkedTenant(t, h);
    const channelOf = async () =>
      (await t.prisma.chatWorkspace.findFirstOrThrow({ where: { externalId: w.tenantId } })).managersChannelId;
    const addedBy = async (user: TeamsPerson, channel: typeof w.channel) => {
      const from = h.fake.calls.length;
      const res = await post(h, conversationUpdate({ user, conversation: channel, serviceUrl: h.fake.url }));
      expect(res.status).toBe(200);
      return sentTo(h, channel.id, from).join();
    };

    // An administrator who is not an owner: a welcome that says how an owner picks the channel.
    const admin = await w.member('teams-admin@example.com', 'admin');
    expect(await addedBy(admin, w.channel)).toContain('An owner who wants this channel');
    expect(await channelOf()).toBeNull();

    // The owner: this channel now receives the seat requests, with the reference to post there.
    expect(await addedBy(w.ownerUser, w.channel)).toContain('this channel now receives the seat requests');
    const workspace = await t.prisma.chatWorkspace.findFirstOrThrow({ where: { externalId: w.tenantId } });
    expect(workspace.managersChannelId).toBe(w.channel.id);
    expect(workspace.managersChannelRef).toMatchObject({ conversation: { id: w.channel.id }, serviceUrl: h.fake.url });
    expect(
      await t.prisma.auditEvent.count({
        where: { organizationId: w.organization.id, action: 'chat.managers_channel_set' },
      }),
    ).toBe(1);

    // Added to a second team later, even by the owner: the first choice stays.
    const other = { ...w.channel, id: `19:${randomUUID()}@thread.tacv2` };
    expect(await addedBy(w.ownerUser, other)).toContain('An owner who wants this channel');
    expect(await channelOf()).toBe(w.channel.id);
  });
});
