// An inviter's message window at one destination (outcome_dm_window). Taken just before a message
// is posted, in one statement that only succeeds when the window is closed: of two replicas about
// to message the same inviter, one posts and the other holds its rows for the summary.
import type { Db } from '../db/database.js';
import { outcomeWindowMs } from './outcome-policy.js';

export interface WindowKey {
  organizationId: string;
  recipientId: string;
  destination: string;
}

export type TakenWindow = { taken: true; previous: Date | null } | { taken: false; openUntil: Date };

export async function takeWindow(db: Db, key: WindowKey, now: Date): Promise<TakenWindow> {
  const [row] = await db.$queryRawUnsafe<{ previous: Date | null }[]>(
    `WITH previous AS (
       SELECT last_sent_at FROM outcome_dm_window
        WHERE organization_id = $1::uuid AND recipient_id = $2::uuid AND destination = $3
     )
     INSERT INTO outcome_dm_window AS w (organization_id, recipient_id, destination, last_sent_at)
     VALUES ($1::uuid, $2::uuid, $3, $4::timestamptz)
     ON CONFLICT (organization_id, recipient_id, destination) DO UPDATE SET last_sent_at = EXCLUDED.last_sent_at
      WHERE w.last_sent_at <= $4::timestamptz - $5 * interval '1 millisecond'
     RETURNING (SELECT last_sent_at FROM previous) AS previous`,
    key.organizationId,
    key.recipientId,
    key.destination,
    now.toISOString(),
    outcomeWindowMs,
  );
  if (row) return { taken: true, previous: row.previous ? new Date(row.previous) : null };
  const current = await db.outcomeDmWindow.findUnique({
    where: { organizationId_recipientId_destination: key },
    select: { lastSentAt: true },
  });
  return { taken: false, openUntil: new Date((current?.lastSentAt ?? now).getTime() + outcomeWindowMs) };
}

/**
 * Nothing was posted after all (a failure, no chat account): the window goes back to what it was,
 * unless another message has taken it since.
 */
export async function giveBackWindow(db: Db, key: WindowKey, takenAt: Date, previous: Date | null): Promise<void> {
  const mine = { ...key, lastSentAt: takenAt };
  if (previous) await db.outcomeDmWindow.updateMany({ where: mine, data: { lastSentAt: previous } });
  else await db.outcomeDmWindow.deleteMany({ where: mine });
}
