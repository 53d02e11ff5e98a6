// `member.added`: a person made a member directly, without an invitation (the direct add from the
// CLI or chat, the import's rows with a password or an enterprise ID, the add by enterprise ID), so
// that a product provisioning from webhooks hears of them as it hears of an enrollment. What the
// event says of the member is defined once, in TypeScript and as SQL over a member row, kept equal
// by test/webhooks/member-added.test.ts: the single adds emit it from TypeScript, the import from
// one set-based statement. Either is written in the transaction that inserts the member.
import { sqlText } from '../db/sql-text.js';
import type { Member, Prisma } from '../generated/prisma/client.js';
import { invitationKind, invitationKindSql } from '../invitations/invitation-kind.js';
import { memberProperties, memberPropertiesSql } from '../licences/member-properties.js';
import { emitWebhookEvent } from './emit-webhook-event.js';
import { insertWebhookRowsSql } from './webhook-rows.js';

/** How the member signs in: the temporary password they must change, or their enterprise login. */
export type SignInMethod = 'password' | 'enterprise';

type AddedMember = Pick<
  Member,
  | 'id'
  | 'email'
  | 'username'
  | 'firstName'
  | 'lastName'
  | 'role'
  | 'userType'
  | 'external'
  | 'companyName'
  | 'enterpriseId'
  | 'licences'
  | 'credits'
  | 'creditsUnlimited'
  | 'language'
>;

export function memberAddedData(member: AddedMember) {
  return {
    memberId: member.id,
    email: member.email,
    username: member.username,
    firstName: member.firstName,
    lastName: member.lastName,
    role: member.role,
    userType: member.userType,
    ...invitationKind(member),
    // The shape of member.enrolled's data; groups come with an invitation only, a direct add has none.
    groups: [] as string[],
    signIn: (member.enterpriseId ? 'enterprise' : 'password') satisfies SignInMethod,
    enterpriseId: member.enterpriseId,
    ...memberProperties(member),
  };
}

/** The same pairs as jsonb_build_object arguments, over a member row aliased `alias`. */
export function memberAddedDataSql(alias: string): string {
  return `'memberId', ${alias}.id::text, 'email', ${alias}.email, 'username', ${alias}.username,
          'firstName', ${alias}.first_name, 'lastName', ${alias}.last_name,
          'role', ${alias}.role, 'userType', ${alias}.user_type, ${invitationKindSql(alias)},
          'groups', '[]'::jsonb,
          'signIn', CASE WHEN ${alias}.enterprise_id IS NOT NULL THEN 'enterprise' ELSE 'password' END,
          'enterpriseId', ${alias}.enterprise_id, ${memberPropertiesSql(alias)}`;
}

/** One member added: its event, from TypeScript. */
export function emitMemberAdded(tx: Prisma.TransactionClient, member: AddedMember & Pick<Member, 'organizationId'>) {
  return emitWebhookEvent(tx, {
    organizationId: member.organizationId,
    type: 'member.added',
    subjectId: member.id,
    data: memberAddedData(member),
  });
}

/** Members added together (an import): their events in one statement. */
export async function emitMembersAdded(
  tx: Prisma.TransactionClient,
  organizationId: string,
  memberIds: readonly string[],
): Promise<void> {
  if (memberIds.length === 0) return;
  // occurredAt is the same ISO instant as emitWebhookEvent's, taken here rather than from now().
  await tx.$executeRawUnsafe(EMIT_MANY_SQL, organizationId, memberIds, new Date().toISOString());
}

const EMIT_MANY_SQL = insertWebhookRowsSql({
  subjects: '(SELECT * FROM member WHERE organization_id = $1::uuid AND id = ANY($2::uuid[])) m',
  organizationId: '$1::uuid',
  event: sqlText('member.added'),
  subjectId: 'm.id::text',
  data: `jsonb_build_object(${memberAddedDataSql('m')}, 'occurredAt', $3::text)`,
});
