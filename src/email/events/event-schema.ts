// SendGrid Event Webhook bodies: a JSON array of events. Our custom_args (sesame_key,
// outbox_id, invitation_id, member_id) come back as top-level fields of each event.
import { z } from 'zod';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The envelope must be right; one odd event is skipped rather than refusing (and losing) the batch. */
export const eventBatchSchema = z.array(z.unknown()).max(100_000);

export const sendgridEventSchema = z.looseObject({
  sg_event_id: z.string().min(1).max(200),
  event: z.string().min(1).max(50),
  timestamp: z.number().int().nonnegative(),
  reason: z.string().optional(),
  /** For bounces: "bounce" or "blocked". */
  type: z.string().optional(),
  invitation_id: z
    .string()
    .optional()
    .transform((v) => (v && uuid.test(v) ? v.toLowerCase() : undefined)),
  outbox_id: z
    .union([z.string(), z.number()])
    .optional()
    .transform((v) => (v !== undefined && /^\d{1,18}$/.test(String(v)) ? String(v) : undefined)),
});

export type SendgridEvent = z.infer<typeof sendgridEventSchema>;
