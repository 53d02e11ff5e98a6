// `/invite link <code>` (issue 12, item 19): only a Slack workspace admin or owner (users.info
// is_admin / is_owner) may link a workspace with a code; a refused attempt leaves the code usable
// by the admin it was meant for; the code works once; the audit trail says which Slack user, and
// which member, linked the workspace.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkCode } from '../../src/chat/workspaces/link-codes.js';
import { linkWorkspaceWithCode } from '../../src/chat/workspaces/link-workspace.js';
import { command, linkedWorkspace, messageText, type SlackHarness, startSlack } from '../slack/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

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

const newTeam = () => `T${randomUUID().slice(0, 8).toUpperCase()}`;
const linkText = async (teamId: string, userId: string, code: string) =>
  messageText((await (await command(h, teamId, { userId, email: '' }, `link ${code}`)).answer()).args);

describe('/invite link <code>', () => {
  it('is refused to a plain workspace member without using the code, and works once for an admin', async () => {
    const w = await linkedWorkspace(t, h);
    const teamId = newTeam();
    const plainId = `U${randomUUID().slice(0, 8).toUpperCase()}`;
    const adminId = `U${randomUUID().slice(0, 8).toUpperCase()}`;
    h.fake.addUser({ id: plainId, teamId, email: 'plain@linking.example' });
    h.fake.addUser({ id: adminId, teamId, email: w.owner.member.email, isOwner: true });
    const { code } = await createLinkCode(t.prisma, w.owner, { platform: 'slack' });

    const refused = await linkText(teamId, plainId, code);
    expect(refused).toContain('Only an admin or owner of this Slack workspace may link it');
    expect(await t.prisma.chatWorkspace.count({ where: { externalId: teamId } })).toBe(0);

    expect(await linkText(teamId, adminId, code)).toContain(`now linked to ${w.organization.name}`);
    const linkedBy = await t.prisma.auditEvent.findFirstOrThrow({
      where: { organizationId: w.organization.id, action: 'chat.workspace_linked' },
    });
    expect(linkedBy).toMatchObject({ actorEmail: w.owner.member.email, channel: 'slack' });
    expect(linkedBy.data).toMatchObject({
      platform: 'slack',
      workspace: teamId,
      chatUserId: adminId,
      memberId: w.owner.member.id,
    });

    // Single use: the same code does not link another workspace, even for its admin.
    const otherTeam = newTeam();
    h.fake.addUser({ id: 'U0OTHERADMIN', teamId: otherTeam, email: 'x@other.example', isAdmin: true });
    expect(await linkText(otherTeam, 'U0OTHERADMIN', code)).toContain('unknown, already used');
  });

  it('is refused by the domain when the platform says the linker is no workspace admin', async () => {
    const w = await linkedWorkspace(t, h);
    const { code } = await createLinkCode(t.prisma, w.owner, { platform: 'slack' });
    const ref = { platform: 'slack' as const, externalId: newTeam() };
    const linker = { email: 'someone@example.com', locale: 'en' as const, chatUserId: 'U0SOMEONE' };
    await expect(
      linkWorkspaceWithCode(t.prisma, ref, { code, linker: { ...linker, isWorkspaceAdmin: false } }),
    ).rejects.toMatchObject({ code: 'chat.link_not_admin', kind: 'forbidden' });
    const used = await t.prisma.chatLinkCode.count({ where: { organizationId: w.organization.id, usedAt: null } });
    expect(used).toBe(1);
  });
});
