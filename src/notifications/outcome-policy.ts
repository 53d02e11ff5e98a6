// How the outcomes of an inviter's invitations (accepted, expired, bounced, undeliverable) are
// said without flooding them: one event alone is a direct message of its own; events that come
// within the window after a message are held and said together in one summary when it ends.
// Platforms allow about one message per second per channel, and an inviter of a 10,000-row import
// wants a digest, not 10,000 messages. Seat requests are never held: someone must decide them.

/** The notification payload types coalesced per inviter. */
export const outcomeTypes = [
  'invitation.accepted',
  'invitation.expired',
  'invitation.bounced',
  'invitation.undeliverable',
] as const;
export type OutcomeType = (typeof outcomeTypes)[number];

/** After a message to an inviter, how long their next outcomes wait to be said together. */
export const outcomeWindowMs = 60_000;

/** The addresses a summary names (the rest are counted): a message stays short and under limits. */
export const addressesInSummary = 5;

/** Inviters served per claim; each with all of their due outcomes, however many. */
export const invitersPerClaim = 100;
