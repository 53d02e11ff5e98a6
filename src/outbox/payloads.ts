// The payloads of the outbox kinds, checked when they are read and when they are written: enqueue()
// parses what it writes with them, and the set-based SQL builds its payloads from them (payloadSql).
import { z } from 'zod';
import { notificationPayload } from '../notifications/notification.js';
import type { OutboxKind } from './enqueue.js';

export const invitationEmailPayload = z.object({
  invitationId: z.uuid(),
  reason: z.enum(['invite', 'resend', 'reminder']),
});

export const memberAddedEmailPayload = z.object({ memberId: z.uuid() });

export const enrollmentCodeEmailPayload = z.object({
  invitationId: z.uuid(),
  /** Which try of the invitee it answers: an older try's e-mail is skipped. */
  send: z.number().int().min(1),
  locale: z.enum(['en', 'fr']),
});

export const webhookPayload = z.object({
  endpointId: z.uuid(),
  event: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
});

export type InvitationEmailPayload = z.infer<typeof invitationEmailPayload>;
export type MemberAddedEmailPayload = z.infer<typeof memberAddedEmailPayload>;
export type EnrollmentCodeEmailPayload = z.infer<typeof enrollmentCodeEmailPayload>;
export type WebhookPayload = z.infer<typeof webhookPayload>;

/** The schema of each outbox kind's payload. */
export const payloadOfKind = {
  'invitation.email': invitationEmailPayload,
  'member.added_email': memberAddedEmailPayload,
  'enrollment.code_email': enrollmentCodeEmailPayload,
  notification: notificationPayload,
  webhook: webhookPayload,
} as const satisfies Record<OutboxKind, z.ZodType>;

export type PayloadOf<K extends OutboxKind> = z.input<(typeof payloadOfKind)[K]>;
