// The digest job: for each organization whose digest is due, queue the digest's notification
// (when there is something to say, or the owner asked for "always") and move the schedule on, in
// one transaction. The organizations are claimed with FOR UPDATE SKIP LOCKED, so two replicas
// take different ones; the notification's key names the period, so even a replayed period is
// queued once (the unique idempotency key makes a second insert a no-op).
import type { Db } from '../db/database.js';
import { enqueue, outboxKinds } from '../outbox/enqueue.js';
import { outboxKey, outboxKeys } from '../outbox/outbox-keys.js';
import { nextDigestAt } from './digest-schedule.js';
import { scheduleOf } from './digest-settings.js';
import { digestSummary, isEmptyDigest, sinceOf } from './digest-summary.js';

interface DueOrganization {
  id: string;
  next_digest_at: Date;
  last_digest_at: Date | null;
  digest_frequency: string;
  digest_time: string;
  digest_weekday: number;
  timezone: string;
  digest_always: boolean;
}

export async function postDueDigests(
  db: Db,
  options: { now?: Date; limit?: number } = {},
): Promise<{ queued: number; quiet: number }> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRawUnsafe<DueOrganization[]>(
      `SELECT id::text, next_digest_at, last_digest_at, digest_frequency, digest_time, digest_weekday, timezone,
              digest_always
         FROM organization
        WHERE next_digest_at <= $1::timestamptz
        ORDER BY next_digest_at
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      now.toISOString(),
      options.limit ?? 100,
    );
    let queued = 0;
    for (const org of due) {
      const since = sinceOf({ lastDigestAt: org.last_digest_at, digestFrequency: org.digest_frequency }, now);
      const summary = await digestSummary(tx, org.id, { since, now });
      if (org.digest_always || !isEmptyDigest(summary)) {
        const periodStart = org.next_digest_at.toISOString();
        await enqueue(tx, {
          organizationId: org.id,
          kind: outboxKinds.notification,
          key: outboxKey(outboxKeys.digest, { organizationId: org.id, periodStart }),
          payload: { type: 'digest', periodStart, since: since.toISOString(), until: now.toISOString() },
        });
        queued++;
      }
      // The next period starts now (missed periods, the service having been down, make one digest).
      const next = nextDigestAt(
        scheduleOf({
          digestFrequency: org.digest_frequency,
          digestTime: org.digest_time,
          digestWeekday: org.digest_weekday,
          timezone: org.timezone,
        }),
        now,
      );
      await tx.organization.update({ where: { id: org.id }, data: { nextDigestAt: next, lastDigestAt: now } });
    }
    return { queued, quiet: due.length - queued };
  });
}
