// Links a chat workspace to an organization, once: with an operator's one-time code (an existing
// organization), or by creating a new organization whose owner is the workspace admin doing it.
// Either way the linker must be an admin or owner of the workspace (as the chat platform says):
// a link gives the whole workspace the organization's commands, so a code that leaked to a
// plain member must not be enough.
// A link is one transaction with its audit event (and, when one is created, the organization):
// a failure anywhere leaves no half-linked workspace, no used code and no organization behind.
import { recordAuditEventBy } from '../../audit/record-audit-event.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors/app-error.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { Locale } from '../../i18n/locale.js';
import { createOrganizationIn } from '../../organizations/create-organization.js';
import { type Organization, toOrganization } from '../../organizations/organization.js';
import type { WorkspaceRef } from '../platform.js';
import { findLinkedWorkspace } from './find-workspace.js';
import { hashLinkCode } from './link-codes.js';

export interface Linker {
  /** The verified e-mail of the chat user linking the workspace. */
  email: string;
  locale: Locale;
  /** The platform's id of that user (Slack user id, Teams AAD object id), for the audit trail. */
  chatUserId?: string;
}

/**
 * Whether the platform vouches that the linker administers the workspace (Slack's users.info
 * is_admin / is_owner). `null` where the platform gives no such fact to the bot (Teams: the
 * operator's code is the only proof there); it must be said explicitly.
 */
export type WorkspaceAdminFact = boolean | null;

export async function linkWorkspaceWithCode(
  db: Db,
  ref: WorkspaceRef,
  input: { code: string; linker: Linker & { isWorkspaceAdmin: WorkspaceAdminFact }; now?: Date },
): Promise<Organization> {
  // Before the code is used: a refused attempt leaves it to the admin it was meant for.
  if (input.linker.isWorkspaceAdmin === false) throw new AppError('chat.link_not_admin', {}, 'forbidden');
  await refuseIfLinked(db, ref);
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    // Using the code and linking are one step: a code cannot link two workspaces.
    const [used] = await tx.$queryRawUnsafe<{ organization_id: string }[]>(
      `UPDATE chat_link_code SET used_at = $2::timestamptz
        WHERE code_hash = $1 AND platform = $3 AND used_at IS NULL AND expires_at > $2::timestamptz
        RETURNING organization_id::text`,
      hashLinkCode(input.code),
      now.toISOString(),
      ref.platform,
    );
    if (!used) throw new AppError('chat.link_code_invalid', {}, 'invalid');
    const organization = toOrganization(
      await tx.organization.findUniqueOrThrow({ where: { id: used.organization_id } }),
    );
    await link(tx, ref, organization, input.linker);
    return organization;
  });
}

export async function createOrganizationForWorkspace(
  db: Db,
  ref: WorkspaceRef,
  input: { name: string; seats: number; linker: Linker; isWorkspaceAdmin: boolean },
): Promise<Organization> {
  // The chat platform vouches for this fact (Slack's is_admin / is_owner): a plain member of the
  // workspace must not make themselves the owner of its organization.
  if (!input.isWorkspaceAdmin) throw new AppError('chat.setup_not_admin', {}, 'forbidden');
  await refuseIfLinked(db, ref);
  try {
    return await db.$transaction(async (tx) => {
      const organization = await createOrganizationIn(tx, {
        name: input.name,
        seats: input.seats,
        ownerEmail: input.linker.email,
        locale: input.linker.locale,
        channel: ref.platform,
      });
      await link(tx, ref, organization, input.linker);
      return organization;
    });
  } catch (error) {
    // Another admin linked the workspace in between (the organization was rolled back with it).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') await refuseIfLinked(db, ref);
    throw error;
  }
}

async function refuseIfLinked(db: Db, ref: WorkspaceRef): Promise<void> {
  const linked = await findLinkedWorkspace(db, ref);
  if (linked) throw new AppError('chat.already_linked', { organization: linked.organization.name }, 'conflict');
}

async function link(tx: Prisma.TransactionClient, ref: WorkspaceRef, organization: Organization, linker: Linker) {
  await tx.chatWorkspace.create({
    data: {
      platform: ref.platform,
      externalId: ref.externalId,
      organizationId: organization.id,
      linkedByEmail: linker.email,
    },
  });
  await auditLink(tx, organization, ref, linker);
}

async function auditLink(
  tx: Prisma.TransactionClient,
  organization: Organization,
  ref: WorkspaceRef,
  linker: Linker,
): Promise<void> {
  const member = await tx.member.findUnique({
    where: { organizationId_email: { organizationId: organization.id, email: linker.email } },
  });
  // Who linked: the chat user (their platform id) and the member they are, when they are one.
  const data = {
    platform: ref.platform,
    workspace: ref.externalId,
    by: linker.email,
    chatUserId: linker.chatUserId ?? null,
    memberId: member?.id ?? null,
  };
  // A linker who is not a member of the organization is named by their chat address alone.
  await recordAuditEventBy(
    tx,
    {
      organizationId: organization.id,
      memberId: member?.id ?? null,
      email: member?.email ?? linker.email,
      channel: ref.platform,
    },
    { action: 'chat.workspace_linked', subjectType: 'organization', subjectId: organization.id, data },
  );
}
