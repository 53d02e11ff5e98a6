// The shape of an audit row, once: the columns every writer fills, who "the system" is (the jobs,
// SendGrid's events), and the one INSERT the set-based SQL writers use. recordAuditEvent() writes
// the same row through Prisma from auditRowBy(), whose fields are these columns.
import { sqlText } from '../db/sql-text.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Actor, Channel } from '../permissions/actor.js';

export interface AuditRow {
  organizationId: string;
  actorId: string | null;
  actorEmail: string | null;
  channel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: Prisma.InputJsonValue;
}

/** The column of each field (Prisma maps the same names: schema.prisma, model AuditEvent). */
export const auditColumns = {
  organizationId: 'organization_id',
  actorId: 'actor_id',
  actorEmail: 'actor_email',
  channel: 'channel',
  action: 'action',
  subjectType: 'subject_type',
  subjectId: 'subject_id',
  data: 'data',
} as const satisfies Record<keyof AuditRow, string>;

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  data?: Prisma.InputJsonValue;
}

/**
 * Who a row names: a member acting (auditAuthorOf), or someone who is not a member of the
 * organization, known by their address only (a chat workspace admin linking their workspace).
 */
export interface AuditAuthor {
  organizationId: string;
  memberId: string | null;
  email: string | null;
  channel: Channel;
}

export const auditAuthorOf = (actor: Actor): AuditAuthor => ({
  organizationId: actor.organization.id,
  memberId: actor.member.id,
  email: actor.member.email,
  channel: actor.channel,
});

/** The row of an action taken by a member. */
export function auditRowOf(actor: Actor, entry: AuditEntry): AuditRow {
  return auditRowBy(auditAuthorOf(actor), entry);
}

/** The row of an action, whoever took it. */
export function auditRowBy(author: AuditAuthor, entry: AuditEntry): AuditRow {
  return {
    organizationId: author.organizationId,
    actorId: author.memberId,
    actorEmail: author.email,
    channel: author.channel,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    data: entry.data ?? {},
  };
}

/** SQL expressions for one row's fields. */
export type AuditRowSql = { [Field in keyof AuditRow]: string };

/** What the jobs record as: no member, the 'system' channel. */
export const systemActorSql = {
  actorId: 'NULL::uuid',
  actorEmail: 'NULL::text',
  channel: sqlText('system'),
} as const satisfies Partial<AuditRowSql>;

const fields = Object.keys(auditColumns) as (keyof AuditRow)[];

/** The INSERT of audit rows; `source` is the rest of the SELECT (FROM, WHERE). */
export function insertAuditRowsSql(row: AuditRowSql, source: string): string {
  return `INSERT INTO audit_event (${fields.map((field) => auditColumns[field]).join(', ')})
  SELECT ${auditFieldsSql(row)}
    ${source}`;
}

/** A row's expressions in the INSERT's column order (for a further branch: `UNION ALL SELECT ...`). */
export function auditFieldsSql(row: AuditRowSql): string {
  return fields.map((field) => row[field]).join(', ');
}
