// Turns what was recorded about an invitation (its audit events, SendGrid's events, its outbox
// rows) into the steps of its story, oldest first. No database here: invitation-timeline.ts reads.
import { describeAuditEvent } from '../audit/describe-audit-event.js';
import type { AuditEvent, EmailEvent, Invitation } from '../generated/prisma/client.js';
import { invitationEmailPayload, webhookPayload } from '../outbox/payloads.js';
import { type StepActor, stepRank, type TimelineStep } from './timeline-steps.js';

/** The seat request's decisions that a held invitation's story tells. */
export const SEAT_DECISIONS = ['seat_request.approved', 'seat_request.denied'] as const;

/**
 * The pending list's bulk actions (bulk-resend-expired.ts, bulk-revoke-stale.ts): one audit row of
 * the organization per run, the ids of the invitations it took in its data; the step it is in each.
 */
const BULK_STEPS = new Map([
  ['invitation.bulk_resent', 'resent'],
  ['invitation.bulk_revoked', 'revoked'],
] as const);
export const BULK_ACTIONS = [...BULK_STEPS.keys()];

export interface OutboxRecord {
  id: bigint;
  kind: string;
  payload: unknown;
  status: 'PENDING' | 'SENT' | 'FAILED';
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  endpointUrl: string | null;
}

export interface StoryRecords {
  audit: AuditEvent[];
  emailEvents: EmailEvent[];
  outbox: OutboxRecord[];
}

/** A step and the instant it is ordered by (a SendGrid event never before the send it reports). */
type Placed = { step: TimelineStep; order: number };

export function stepsOf(invitation: Invitation & { inviter: { email: string } | null }, records: StoryRecords) {
  const placed: Placed[] = [];
  const add = (step: TimelineStep, order = step.at.getTime()): void => {
    placed.push({ step, order });
  };
  for (const event of records.audit) {
    if (event.subjectType === 'invitation' && event.subjectId === invitation.id)
      for (const step of auditSteps(event)) add(step);
    else if (event.subjectType === 'seat_request' && concernsHeld(event, invitation)) add(decisionStep(event));
    else if (event.subjectType === 'organization') {
      const step = bulkStep(event, invitation.id);
      if (step) add(step);
    }
  }
  const sends = new Map<string, Date>();
  for (const row of records.outbox) {
    const step = outboxStep(row, invitation.id);
    if (step) add(step);
    if (row.sentAt) sends.set(String(row.id), row.sentAt);
  }
  for (const event of records.emailEvents) {
    if (event.invitationId !== invitation.id) continue;
    const step = emailEventStep(event);
    // SendGrid's times are whole seconds: a delivery within the second of its send stays after it.
    const sent = event.outboxId === null ? undefined : sends.get(String(event.outboxId));
    add(step, Math.max(step.at.getTime(), sent?.getTime() ?? 0));
  }
  fillUnrecorded(invitation, placed, add);
  return placed.sort((a, b) => a.order - b.order || stepRank[a.step.kind] - stepRank[b.step.kind]).map((p) => p.step);
}

/** The member who acted, or null for Sesame itself (the jobs, SendGrid's events). */
const actorOf = (event: AuditEvent): StepActor | null =>
  event.actorEmail === null && event.channel === 'system' ? null : { email: event.actorEmail, channel: event.channel };

const dataOf = (event: AuditEvent): Record<string, unknown> =>
  event.data && typeof event.data === 'object' && !Array.isArray(event.data) ? event.data : {};

const textOf = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

function auditSteps(event: AuditEvent): TimelineStep[] {
  const at = event.createdAt;
  const by = actorOf(event);
  const data = dataOf(event);
  switch (event.action) {
    case 'invitation.created':
      return [{ kind: 'created', at, by, imported: Boolean(data.batchId) }];
    case 'invitation.held':
      // Held when created beyond the seat limit; `resumed`: held again once its company was covered again.
      return data.resumed
        ? [{ kind: 'held', at, by, resumed: true }]
        : [
            { kind: 'created', at, by, imported: Boolean(data.batchId) },
            { kind: 'held', at, by, resumed: false },
          ];
    case 'invitation.reminded':
      return [{ kind: 'reminded', at, by }];
    case 'invitation.resent':
      return [{ kind: 'resent', at, by }];
    case 'invitation.accepted':
      return [{ kind: 'accepted', at, by }];
    case 'invitation.expired':
      return [{ kind: 'expired', at }];
    case 'invitation.revoked':
      return [{ kind: 'revoked', at, by }];
    case 'invitation.undeliverable':
      return [{ kind: 'undeliverable', at, reason: textOf(data.reason) }];
    // SendGrid's own events tell these, with their time (emailEventStep).
    case 'invitation.bounced':
    case 'invitation.dropped':
      return [];
    default:
      return [{ kind: 'other', at, by, action: event.action, detail: describeAuditEvent(event) }];
  }
}

/** A bulk run's step, when the run took this invitation: by whom, and with how many others. */
function bulkStep(event: AuditEvent, invitationId: string): TimelineStep | null {
  const kind = BULK_STEPS.get(event.action as (typeof BULK_ACTIONS)[number]);
  const ids = dataOf(event).ids;
  if (!kind || !Array.isArray(ids) || !ids.includes(invitationId)) return null;
  return { kind, at: event.createdAt, by: actorOf(event), bulk: { others: ids.length - 1 } };
}

/**
 * A seat request's decision concerns a held invitation that was still held then: not one revoked
 * or expired before (the request went on without it). A denial closes the invitation itself.
 */
function concernsHeld(event: AuditEvent, invitation: Invitation): boolean {
  if (event.subjectId !== invitation.seatRequestId) return false;
  if (invitation.status === 'CANCELLED' || !invitation.closedAt) return true;
  return event.createdAt <= invitation.closedAt;
}

function decisionStep(event: AuditEvent): TimelineStep {
  const by = actorOf(event);
  if (event.action === 'seat_request.approved') return { kind: 'approved', at: event.createdAt, by };
  return { kind: 'denied', at: event.createdAt, by, reason: textOf(dataOf(event).reason) };
}

/** An e-mail sent or queued (one given up is told by its audit event), or a webhook call. */
function outboxStep(row: OutboxRecord, invitationId: string): TimelineStep | null {
  if (row.kind === 'invitation.email') {
    const payload = invitationEmailPayload.safeParse(row.payload);
    if (!payload.success || payload.data.invitationId !== invitationId || row.status === 'FAILED') return null;
    const sent = row.status === 'SENT';
    return {
      kind: 'emailed',
      at: (sent ? row.sentAt : null) ?? row.createdAt,
      reason: payload.data.reason,
      state: sent ? 'sent' : 'queued',
      attempts: row.attempts,
    };
  }
  const payload = webhookPayload.safeParse(row.payload);
  if (!payload.success || payload.data.data.invitationId !== invitationId) return null;
  return {
    kind: 'webhook',
    at: row.sentAt ?? row.createdAt,
    event: payload.data.event,
    endpoint: hostOf(row.endpointUrl),
    state: row.status === 'SENT' ? 'delivered' : row.status === 'FAILED' ? 'failed' : 'pending',
    attempts: row.attempts,
  };
}

/** The host alone: an endpoint's path or query may carry a token. */
function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function emailEventStep(event: EmailEvent): TimelineStep {
  const kind = event.event === 'bounce' ? 'bounced' : event.event === 'dropped' ? 'dropped' : 'delivered';
  return { kind, at: event.occurredAt, reason: kind === 'delivered' ? null : event.reason };
}

/**
 * What the row says that no event recorded: its creation when the trail has none (rows older than
 * the trail), and a cancellation without a decision of its own (the person was added directly).
 */
function fillUnrecorded(
  invitation: Invitation & { inviter: { email: string } | null },
  placed: Placed[],
  add: (step: TimelineStep) => void,
): void {
  const has = (kind: TimelineStep['kind']) => placed.some((p) => p.step.kind === kind);
  if (!has('created')) {
    const by = invitation.inviter ? { email: invitation.inviter.email, channel: null } : null;
    add({ kind: 'created', at: invitation.createdAt, by, imported: invitation.batchId !== null });
  }
  if (invitation.status === 'CANCELLED' && !has('denied')) {
    add({
      kind: 'cancelled',
      at: invitation.closedAt ?? invitation.createdAt,
      addedDirectly: invitation.closedReason === 'added directly',
      reason: invitation.closedReason,
    });
  }
}
