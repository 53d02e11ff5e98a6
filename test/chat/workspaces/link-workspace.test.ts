// Linking a chat workspace is one transaction, its audit event included (issue 14, item 3): when
// any write of the link fails, nothing of it stays (no half-linked workspace, no used code, no
// organization without its workspace), and the same link can be made again once the fault is gone.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLinkCode } from '../../../src/chat/workspaces/link-codes.js';
import { createOrganizationForWorkspace, linkWorkspaceWithCode } from '../../../src/chat/workspaces/link-workspace.js';
import { newOrganization } from '../../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());
afterEach(() => healAuditWrites());

/** Makes the database refuse the audit event of a link, as a full disk or a lost connection would. */
async function breakLinkAuditWrites(): Promise<void> {
  await t.prisma.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION test_refuse_link_audit() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF NEW.action = 'chat.workspace_linked' THEN RAISE EXCEPTION 'injected audit failure'; END IF;
       RETURN NEW;
     END $$`,
  );
  await t.prisma.$executeRawUnsafe(
    `CREATE TRIGGER test_refuse_link_audit BEFORE INSERT ON audit_event
     FOR EACH ROW EXECUTE FUNCTION test_refuse_link_audit()`,
  );
}

async function healAuditWrites(): Promise<void> {
  await t.prisma.$executeRawUnsafe('DROP TRIGGER IF EXISTS test_refuse_link_audit ON audit_event');
}

const newTeam = () => ({ platform: 'slack' as const, externalId: `T${randomUUID().slice(0, 8).toUpperCase()}` });

describe('linking a workspace', () => {
  it('with a code leaves the workspace unlinked and the code unused when its audit event cannot be written', async () => {
    const { organization, owner } = await newOrganization(t.prisma);
    const { code } = await createLinkCode(t.prisma, owner, { platform: 'slack' });
    const ref = newTeam();
    const linker = { email: owner.member.email, locale: 'en' as const, chatUserId: 'U0LINKER', isWorkspaceAdmin: true };

    await breakLinkAuditWrites();
    await expect(linkWorkspaceWithCode(t.prisma, ref, { code, linker })).rejects.toThrow();
    expect(await t.prisma.chatWorkspace.count({ where: { externalId: ref.externalId } })).toBe(0);
    expect(await t.prisma.chatLinkCode.count({ where: { organizationId: organization.id, usedAt: null } })).toBe(1);

    await healAuditWrites();
    const linked = await linkWorkspaceWithCode(t.prisma, ref, { code, linker });
    expect(linked.id).toBe(organization.id);
    expect(
      await t.prisma.auditEvent.count({ where: { organizationId: organization.id, action: 'chat.workspace_linked' } }),
    ).toBe(1);
  });

  it('by creating an organization leaves no organization behind when its audit event cannot be written', async () => {
    const ref = newTeam();
    const name = `Org ${randomUUID().slice(0, 8)}`;
    const input = {
      name,
      seats: 10,
      linker: { email: `admin@${name.slice(4)}.example.com`, locale: 'en' as const, chatUserId: 'U0ADMIN' },
      isWorkspaceAdmin: true,
    };

    await breakLinkAuditWrites();
    await expect(createOrganizationForWorkspace(t.prisma, ref, input)).rejects.toThrow();
    expect(await t.prisma.organization.count({ where: { name } })).toBe(0);
    expect(await t.prisma.chatWorkspace.count({ where: { externalId: ref.externalId } })).toBe(0);
    expect(await t.prisma.member.count({ where: { email: input.linker.email } })).toBe(0);

    // Nothing was left: the name is free and the workspace can be set up again.
    await healAuditWrites();
    const organization = await createOrganizationForWorkspace(t.prisma, ref, input);
    expect(organization.name).toBe(name);
    const actions = await t.prisma.auditEvent.findMany({
      where: { organizationId: organization.id },
      select: { action: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(actions.map((event) => event.action)).toEqual(['organization.created', 'chat.workspace_linked']);
  });

  it('by creating an organization is refused as already linked when another admin linked it first', async () => {
    const { organization, owner } = await newOrganization(t.prisma);
    const { code } = await createLinkCode(t.prisma, owner, { platform: 'slack' });
    const ref = newTeam();
    await linkWorkspaceWithCode(t.prisma, ref, {
      code,
      linker: { email: owner.member.email, locale: 'en', isWorkspaceAdmin: true },
    });
    const name = `Org ${randomUUID().slice(0, 8)}`;
    await expect(
      createOrganizationForWorkspace(t.prisma, ref, {
        name,
        seats: 10,
        linker: { email: `admin@${name.slice(4)}.example.com`, locale: 'en' },
        isWorkspaceAdmin: true,
      }),
    ).rejects.toMatchObject({ code: 'chat.already_linked', params: { organization: organization.name } });
    expect(await t.prisma.organization.count({ where: { name } })).toBe(0);
  });
});
