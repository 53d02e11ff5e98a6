// Says the claimed outcomes of each inviter (claim-outcomes.ts): one event alone as its own direct
// message, several in one summary. The inviter's window is taken just before posting (a replica
// that loses it holds its rows until the window ends, for the next summary) and given back when
// nothing was posted. Every claimed row gets exactly one verdict, recorded by settle() under its
// claim's fencing token.
import type { Db } from '../db/database.js';
import type { ClaimedMessage } from '../outbox/claim-outbox.js';
import type { Verdict } from '../outbox/verdict.js';
import type { OutcomeGroup } from './claim-outcomes.js';
import type { ChatNotifier } from './deliver-notifications.js';
import { describeNotification } from './describe-notification.js';
import { destinationOfNotification, fanOut } from './destination.js';
import { type EmailNotices, orByEmail } from './email-notices.js';
import { type ChatNotification, notificationPayload, type OutcomeCounts } from './notification.js';
import { addressesInSummary, type OutcomeType, outcomeTypes } from './outcome-policy.js';
import { giveBackWindow, takeWindow } from './outcome-window.js';
import { deliverPerDestination } from './per-destination.js';

interface Options {
  notifiers: ChatNotifier[];
  emailNotices?: EmailNotices;
  maxAttempts: number;
  now: Date;
}

export async function deliverOutcomes(
  db: Db,
  groups: readonly OutcomeGroup[],
  options: Options,
): Promise<{ message: ClaimedMessage; verdict: Verdict }[]> {
  // A row's own verdict when it differs from its group's (exhausted, invalid, subject gone, held).
  const own = new Map<string, Verdict>();
  const groupOf = new Map(groups.map((g) => [g.rows[0]?.id ?? '', g]));
  // Each group is one delivery, represented by its first row: a destination's groups go one
  // after the other, and one failing for a reason worth retrying holds the others back too.
  const delivered = await deliverPerDestination(
    groups.flatMap((g) => g.rows.slice(0, 1)),
    async (first) => {
      const group = groupOf.get(first.id);
      return group ? deliverGroup(db, group, own, options) : { type: 'skipped', note: 'no group' };
    },
  );
  return delivered.flatMap(({ message, verdict }) =>
    (groupOf.get(message.id)?.rows ?? [message]).map((row) => ({ message: row, verdict: own.get(row.id) ?? verdict })),
  );
}

async function deliverGroup(
  db: Db,
  group: OutcomeGroup,
  own: Map<string, Verdict>,
  options: Options,
): Promise<Verdict> {
  const live: { row: ClaimedMessage; type: OutcomeType; invitationId: string }[] = [];
  for (const row of group.rows) {
    const payload = notificationPayload.safeParse(row.payload);
    if (row.attempts > options.maxAttempts) {
      own.set(row.id, { type: 'failed', retryable: true, error: 'every attempt was interrupted' });
    } else if (!payload.success || !isOutcome(payload.data.type) || !('invitationId' in payload.data)) {
      own.set(row.id, { type: 'failed', retryable: false, error: 'invalid notification payload' });
    } else {
      live.push({ row, type: payload.data.type, invitationId: payload.data.invitationId });
    }
  }
  const [first] = live;
  if (!first) return { type: 'skipped', note: 'nothing left to say' };

  const destination = await destinationOfNotification(db, group.organizationId, first.row.payload, options.notifiers);
  if (destination.type === 'several') {
    await fanOut(
      db,
      live.map((l) => l.row),
      destination.workspaces,
    );
    return { type: 'skipped', note: `one notification per workspace (${destination.workspaces.length})` };
  }

  const notification = await describeOutcomes(db, group, live, own);
  if (!notification) return { type: 'skipped', note: 'its subject no longer exists' };

  const key = { organizationId: group.organizationId, recipientId: group.recipientId, destination: group.destination };
  const window = await takeWindow(db, key, options.now);
  if (!window.taken) {
    // Another replica has just messaged this inviter: these wait for the summary after its window.
    const held: Verdict = {
      type: 'failed',
      retryable: true,
      error: 'held for the next summary to this inviter',
      retryAt: window.openUntil,
    };
    for (const l of live) if (!own.has(l.row.id)) own.set(l.row.id, held);
    return { type: 'skipped', note: 'held' };
  }
  // With no chat to carry them, the inviter's outcomes go by e-mail, coalesced the same way.
  const chatVerdict: Verdict =
    destination.type === 'none'
      ? { type: 'skipped', note: destination.note, byEmail: {} }
      : await destination.notifier.deliver(destination.workspace, notification, options.now);
  const verdict = await orByEmail(options.emailNotices, first.row, notification, chatVerdict);
  if (verdict.type !== 'sent') await giveBackWindow(db, key, options.now, window.previous);
  return verdict;
}

const isOutcome = (type: string): type is OutcomeType => (outcomeTypes as readonly string[]).includes(type);

/**
 * One outcome: its usual message. Several: a summary of those whose invitation still exists (the
 * others are skipped). Null when nothing is left to say or the inviter is gone.
 */
async function describeOutcomes(
  db: Db,
  group: OutcomeGroup,
  live: { row: ClaimedMessage; type: OutcomeType; invitationId: string }[],
  own: Map<string, Verdict>,
): Promise<ChatNotification | null> {
  const [only] = live;
  if (only && live.length === 1) {
    const payload = notificationPayload.parse(only.row.payload);
    return describeNotification(db, group.organizationId, payload);
  }
  const [organization, recipient, invitations] = await Promise.all([
    db.organization.findUnique({ where: { id: group.organizationId }, select: { locale: true } }),
    db.member.findFirst({
      where: { id: group.recipientId, organizationId: group.organizationId },
      select: { id: true, email: true, language: true },
    }),
    db.invitation.findMany({
      where: { id: { in: live.map((l) => l.invitationId) }, organizationId: group.organizationId },
      select: { id: true, email: true },
    }),
  ]);
  if (!organization || !recipient) return null;
  const emailOf = new Map(invitations.map((i) => [i.id, i.email]));
  const counts = Object.fromEntries(outcomeTypes.map((t) => [t, 0])) as OutcomeCounts;
  const firstEmails: string[] = [];
  for (const l of live) {
    const email = emailOf.get(l.invitationId);
    if (email === undefined) {
      own.set(l.row.id, { type: 'skipped', note: 'its subject no longer exists' });
      continue;
    }
    counts[l.type]++;
    if (firstEmails.length < addressesInSummary) firstEmails.push(email);
  }
  if (firstEmails.length === 0) return null;
  return {
    type: 'invitation.outcomes',
    counts,
    firstEmails,
    recipient: { memberId: recipient.id, email: recipient.email, language: recipient.language },
    organizationLocale: organization.locale,
  };
}
