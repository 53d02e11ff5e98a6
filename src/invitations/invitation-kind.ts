// What the webhooks and the audit trail say of an invitation's kind: internal, or external with
// its company (issue 16). One definition, in TypeScript and as SQL over an invitation row, kept
// equal by test/invitations/invitation-kind.test.ts.

export type InvitationKind = 'internal' | 'external';

export function invitationKind(invitation: { external: boolean; companyName: string | null }): {
  kind: InvitationKind;
  company: string | null;
} {
  return { kind: invitation.external ? 'external' : 'internal', company: invitation.companyName };
}

/** The same pairs as jsonb_build_object arguments, over an invitation row aliased `alias`. */
export function invitationKindSql(alias: string): string {
  return `'kind', CASE WHEN ${alias}.external THEN 'external' ELSE 'internal' END, 'company', ${alias}.company_name`;
}
