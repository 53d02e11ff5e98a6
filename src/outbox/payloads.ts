// The payloads of the outbox kinds this package delivers (written by enqueue.ts and by the
// set-based SQL of the domain), checked before use.
import { z } from 'zod';

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
