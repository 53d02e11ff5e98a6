// Two replicas of Sesame on one database: two schedulers, each with its own worker threads,
// run every job at once. Bree does not coordinate them; the domain's FOR UPDATE SKIP LOCKED
// claims must make every due row handled exactly once.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Env } from '../../src/config/env.js';
import type { JobName } from '../../src/jobs/definitions.js';
import { type RunEvent, type Scheduler, startScheduler } from '../../src/jobs/scheduler.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { organizationWithInvitations, sentDaysAgo, testEnv, testLog, waitFor } from './support.js';

let t: TestDatabase;
let env: Env;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  t = await createTestDatabase();
  ({ env, cleanup } = await testEnv());
});
afterAll(async () => {
  await t.close();
  await cleanup();
});

const N = 300;
// Batches smaller than the work and short intervals, so that the replicas' runs overlap. (Each run
// starts a worker thread, ~1 s of CPU: few, big batches keep the test quick on two cores.)
const fast = { intervalMs: 100, firstRunAfterMs: 0, maxBatches: 1 };

/** Adds up what each scheduler's runs report, per job. */
function tally(scheduler: Scheduler) {
  const totals: Partial<Record<JobName, Record<string, number>>> = {};
  const failures: RunEvent[] = [];
  scheduler.onRun((event) => {
    if (event.outcome === 'finished') {
      const sum = totals[event.job] ?? {};
      totals[event.job] = sum;
      for (const [key, n] of Object.entries(event.run.summary)) sum[key] = (sum[key] ?? 0) + n;
    } else if (event.outcome === 'failed' || event.outcome === 'terminated') failures.push(event);
  });
  return { totals, failures };
}

describe('two schedulers on one database', () => {
  it('expire, remind and deliver every due row exactly once', { timeout: 180_000 }, async () => {
    const expiring = await organizationWithInvitations(t.prisma, N, { prefix: 'exp' });
    const reminding = await organizationWithInvitations(t.prisma, N, { prefix: 'rem' });
    await sentDaysAgo(t.prisma, expiring.ids, 15);
    await sentDaysAgo(t.prisma, reminding.ids.slice(0, N / 2), 4);
    await sentDaysAgo(t.prisma, reminding.ids.slice(N / 2), 11);

    const jobs = {
      'expire-invitations': { ...fast, payload: { limit: 100 } },
      'send-reminders': { ...fast, payload: { limit: 100 } },
      'deliver-outbox': { ...fast, payload: { batchSize: 150, maxBatches: 2 } },
      'clean-up-tokens': { enabled: false },
      // Chat notifications have their own test (test/slack/notifications.test.ts).
      'deliver-notifications': { enabled: false },
    };
    const logA = testLog();
    const logB = testLog();
    const a = await startScheduler({ dbUrl: t.url, env, log: logA, jobs });
    const b = await startScheduler({ dbUrl: t.url, env, log: logB, jobs });
    const [tallyA, tallyB] = [tally(a), tally(b)];
    try {
      await waitFor(
        async () =>
          (await t.prisma.invitation.count({ where: { id: { in: expiring.ids }, status: 'EXPIRED' } })) === N &&
          (await t.prisma.invitation.count({ where: { id: { in: reminding.ids }, remindersSent: { gt: 0 } } })) === N &&
          (await t.prisma.outboxMessage.count({ where: { kind: 'invitation.email', status: 'PENDING' } })) === 0,
        150_000,
        'every invitation expired or reminded, every e-mail delivered',
      );
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect([...tallyA.failures, ...tallyB.failures]).toEqual([]);
    const both = (job: JobName, key: string) =>
      [tallyA, tallyB].map((tally) => tally.totals[job]?.[key] ?? 0) as [number, number];
    const expired = both('expire-invitations', 'expired');
    const reminded = both('send-reminders', 'reminded');
    const sent = both('deliver-outbox', 'sent');
    // Both replicas did part of the work, and together exactly the due rows.
    expect(expired[0] + expired[1]).toBe(N);
    expect(reminded[0] + reminded[1]).toBe(N);
    expect(Math.min(...expired, ...reminded, ...sent)).toBeGreaterThan(0);

    const perInvitation = async (sql: string, ids: string[]) =>
      t.prisma.$queryRawUnsafe<{ n: number; invitations: number }[]>(
        `SELECT n::int, count(*)::int AS invitations FROM (${sql}) per GROUP BY n ORDER BY n`,
        ids,
      );
    expect(
      await perInvitation(
        `SELECT i.id, count(a.id) AS n FROM invitation i LEFT JOIN audit_event a
           ON a.subject_id = i.id::text AND a.action = 'invitation.expired'
          WHERE i.id = ANY($1::uuid[]) GROUP BY i.id`,
        expiring.ids,
      ),
    ).toEqual([{ n: 1, invitations: N }]);
    expect(
      await perInvitation(
        `SELECT i.id, count(o.id) AS n FROM invitation i LEFT JOIN outbox_message o
           ON o.kind = 'notification' AND o.payload->>'invitationId' = i.id::text AND o.payload->>'type' = 'invitation.expired'
          WHERE i.id = ANY($1::uuid[]) GROUP BY i.id`,
        expiring.ids,
      ),
    ).toEqual([{ n: 1, invitations: N }]);
    // One reminder e-mail each: step 1 for those sent 4 days ago; for those sent 11 days ago, only
    // the latest missed step (the domain's rule), with remindersSent at 2.
    expect(
      await perInvitation(
        `SELECT i.id, count(o.id) AS n FROM invitation i LEFT JOIN outbox_message o
           ON o.kind = 'invitation.email' AND o.payload->>'invitationId' = i.id::text AND o.payload->>'reason' = 'reminder'
          WHERE i.id = ANY($1::uuid[]) GROUP BY i.id`,
        reminding.ids,
      ),
    ).toEqual([{ n: 1, invitations: N }]);
    const steps = await t.prisma.invitation.groupBy({
      by: ['remindersSent'],
      where: { id: { in: reminding.ids } },
      _count: true,
      orderBy: { remindersSent: 'asc' },
    });
    expect(steps.map((s) => [s.remindersSent, s._count])).toEqual([
      [1, N / 2],
      [2, N / 2],
    ]);
    expect(
      await t.prisma.auditEvent.count({ where: { action: 'invitation.reminded', subjectId: { in: reminding.ids } } }),
    ).toBe(N);

    // Every e-mail that left was written once to the outbox folder (file transport, shared by
    // both replicas); those skipped (their invitation expired first) were not written at all.
    const emails = await t.prisma.outboxMessage.findMany({ where: { kind: 'invitation.email' } });
    const delivered = emails.filter((e) => e.sentAt !== null).map((e) => e.idempotencyKey);
    expect(emails).toHaveLength(2 * N + N);
    expect(delivered.length).toBeGreaterThanOrEqual(N + N);
    expect(sent[0] + sent[1]).toBe(delivered.length);
    const written = await writtenKeys(join(env.DATA_DIR, 'outbox'));
    expect(written.length).toBe(delivered.length);
    expect(new Set(written).size).toBe(written.length);
    expect(new Set(written)).toEqual(new Set(delivered));
  });
});

async function writtenKeys(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.eml'));
  return Promise.all(
    files.map(
      async (name) => /^X-Sesame-Key: (.+)$/m.exec(await readFile(join(dir, name), 'utf8'))?.[1]?.trim() ?? name,
    ),
  );
}
