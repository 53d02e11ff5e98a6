// The shape of an audit row is defined once (src/audit/audit-rows.ts): the columns every writer
// fills, and who "the system" is. Prisma's writer (recordAuditEvent) and the set-based SQL writers
// both go through it; this checks that the definition covers the table and that both kinds of
// rows come out the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditColumns } from '../../src/audit/audit-rows.js';
import { createLinkCode } from '../../src/chat/workspaces/link-codes.js';
import { createOrganizationForWorkspace, linkWorkspaceWithCode } from '../../src/chat/workspaces/link-workspace.js';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { invite } from '../../src/invitations/invite.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

describe('audit rows', () => {
  it('the definition names every column a writer fills (all but the id and the time)', async () => {
    const columns = await t.prisma.$queryRawUnsafe<{ column_name: string }[]>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'audit_event' AND column_name NOT IN ('id', 'created_at')`,
    );
    expect(columns.map((column) => column.column_name).sort()).toEqual(Object.values(auditColumns).sort());
  });

  it("a member's action and the system's have the same shape, the system as no member on the system channel", async () => {
    const { owner } = await newOrganization(t.prisma);
    await invite(t.prisma, owner, { emails: ['late@example.org', 'gone@example.org'] }); // set-based SQL, as the owner
    await revokeInvitation(t.prisma, owner, 'gone@example.org'); // Prisma (recordAuditEvent), as the owner
    await expireDueInvitations(t.prisma, { now: new Date(Date.now() + 400 * 86_400_000) }); // set-based SQL, as the system
    const rows = await t.prisma.auditEvent.findMany({
      where: { organizationId: owner.organization.id },
      orderBy: { id: 'asc' },
    });
    const late = rows.filter((row) => (row.data as { email?: string }).email === 'late@example.org');
    const byAction = Object.fromEntries(late.map((row) => [row.action, row]));
    const revoked = rows.find((row) => row.action === 'invitation.revoked');
    const asOwner = { actorId: owner.member.id, actorEmail: owner.member.email, channel: owner.channel };
    expect(revoked).toMatchObject({ ...asOwner, subjectType: 'invitation', data: { email: 'gone@example.org' } });
    expect(byAction['invitation.created']).toMatchObject({
      ...asOwner,
      subjectType: 'invitation',
      data: { email: 'late@example.org' },
    });
    expect(byAction['invitation.expired']).toMatchObject({
      actorId: null,
      actorEmail: null,
      channel: 'system',
      subjectType: 'invitation',
      subjectId: byAction['invitation.created']?.subjectId,
      data: { email: 'late@example.org' },
    });
  });

  it('a new organization names its owner; a link by someone who is no member names them by address alone', async () => {
    const name = `Org ${Date.now().toString(36)}`;
    const linker = { email: `admin@${name.slice(4)}.example.com`, locale: 'en' as const, chatUserId: 'T0ADMIN' };
    const ref = { platform: 'teams' as const, externalId: `tenant-${name.slice(4)}` };
    const created = await createOrganizationForWorkspace(t.prisma, ref, {
      name,
      seats: 5,
      linker,
      isWorkspaceAdmin: true,
    });
    const owner = await t.prisma.member.findFirstOrThrow({ where: { organizationId: created.id } });
    expect(
      await t.prisma.auditEvent.findFirst({ where: { organizationId: created.id, action: 'organization.created' } }),
    ).toMatchObject({
      actorId: owner.id,
      actorEmail: linker.email,
      channel: 'teams',
      subjectType: 'organization',
      subjectId: created.id,
      data: { name, seats: 5 },
    });

    const { owner: actor } = await newOrganization(t.prisma);
    const { code } = await createLinkCode(t.prisma, actor, { platform: 'teams' });
    const outsider = { email: 'it-desk@example.org', locale: 'en' as const, isWorkspaceAdmin: null };
    await linkWorkspaceWithCode(
      t.prisma,
      { platform: 'teams', externalId: `tenant-${code.slice(0, 6)}` },
      { code, linker: outsider },
    );
    expect(
      await t.prisma.auditEvent.findFirst({
        where: { organizationId: actor.organization.id, action: 'chat.workspace_linked' },
      }),
    ).toMatchObject({
      actorId: null,
      actorEmail: 'it-desk@example.org',
      channel: 'teams',
      subjectType: 'organization',
      subjectId: actor.organization.id,
      data: { platform: 'teams', by: 'it-desk@example.org', memberId: null, chatUserId: null },
    });
  });
});
