// Stopping the scheduler (SIGTERM): runs in flight finish within the bound, a worker that does
// not stop is terminated at the bound, and a job never overlaps itself.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JobName, jobNames } from '../../src/jobs/definitions.js';
import { type JobSchedule, type RunEvent, startScheduler } from '../../src/jobs/scheduler.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSendgrid, startFakeSendgrid } from '../support/fake-sendgrid.js';
import { organizationWithInvitations, testEnv, testLog, waitFor } from './support.js';

let t: TestDatabase;
let sendgrid: FakeSendgrid;
beforeAll(async () => {
  t = await createTestDatabase();
  sendgrid = await startFakeSendgrid({ delayMs: 1000 });
});
afterAll(async () => {
  await sendgrid?.close();
  await t?.close();
});

const only = (name: JobName, schedule: JobSchedule) =>
  Object.fromEntries(jobNames.map((job) => [job, job === name ? schedule : { enabled: false }]));

describe('stopping the scheduler', () => {
  /** Three invitations whose e-mails SendGrid (the fake, answering after 1 s) will receive. */
  async function slowDeliveries(runIn: 'thread' | 'worker') {
    const made = await testEnv({ SENDGRID_API_KEY: 'SG.test-key', SENDGRID_BASE_URL: sendgrid.url });
    const { ids } = await organizationWithInvitations(t.prisma, 3, { prefix: 'slow' });
    const log = testLog();
    const events: RunEvent[] = [];
    const requestsBefore = sendgrid.requests.length;
    const scheduler = await startScheduler({
      dbUrl: t.url,
      env: made.env,
      log,
      jobs: only('deliver-outbox', { firstRunAfterMs: 0, intervalMs: 100 }),
      runIn,
    });
    scheduler.onRun((event) => events.push(event));
    await waitFor(() => sendgrid.requests.length > requestsBefore, 30_000, 'the delivery to reach SendGrid');
    expect(scheduler.running()).toEqual(['deliver-outbox']);
    const report = await scheduler.stop(10_000);
    await made.cleanup();

    // Recorded before stop() returned: nothing is left claimed, to be sent again later.
    const rows = await t.prisma.outboxMessage.findMany({ where: { kind: 'invitation.email' } });
    const mine = rows.filter((r) => ids.includes((r.payload as { invitationId: string }).invitationId));
    expect(mine.map((r) => [r.status, r.sentAt !== null])).toEqual([
      ['SENT', true],
      ['SENT', true],
      ['SENT', true],
    ]);
    expect(report).toMatchObject({ waitedFor: ['deliver-outbox'], terminated: [] });
    expect(report.ms).toBeLessThan(10_000);
    expect(scheduler.running()).toEqual([]);
    expect(sendgrid.requests.length - requestsBefore).toBe(1);
    expect(events.filter((e) => e.outcome === 'finished').at(-1)).toMatchObject({
      run: { summary: { sent: 3, failed: 0, retried: 0 } },
    });
    expect(log.lines.filter((line) => JSON.parse(line).level === 'error')).toEqual([]);
    return events;
  }

  for (const runIn of ['thread', 'worker'] as const) {
    it(`lets a run in ${runIn === 'thread' ? "the service's thread" : 'a worker thread'} finish its in-flight delivery and record it, skipping the triggers meanwhile`, async () => {
      const events = await slowDeliveries(runIn);
      // Bree never starts a job while its previous run is going.
      expect(events.filter((e) => e.outcome === 'finished')).toHaveLength(1);
      expect(events.filter((e) => e.outcome === 'skipped').length).toBeGreaterThan(0);
    });
  }

  it('ends a worker cancelled while it is still loading at once, without running its job', async () => {
    const made = await testEnv();
    const log = testLog();
    const events: RunEvent[] = [];
    const scheduler = await startScheduler({
      dbUrl: t.url,
      env: made.env,
      log,
      jobs: only('expire-invitations', { firstRunAfterMs: 0 }),
      workerPath: fileURLToPath(new URL('./fixtures/slow-loading-worker.mjs', import.meta.url)),
    });
    scheduler.onRun((event) => events.push(event));
    // The worker thread exists, but loading the job's modules takes it a second.
    await waitFor(() => scheduler.running().length > 0, 10_000, 'the worker to be created');
    const report = await scheduler.stop(60_000);
    await made.cleanup();

    expect(report).toMatchObject({ waitedFor: ['expire-invitations'], terminated: [] });
    expect(scheduler.running()).toEqual([]);
    // Had it loaded and run, it would have reported a run (of no batch, being cancelled).
    expect(events).toEqual([]);
    expect(log.lines.filter((line) => JSON.parse(line).level === 'error')).toEqual([]);
  });

  it('terminates a worker that ignores cancel once the bound has passed', async () => {
    const made = await testEnv();
    const log = testLog();
    const events: RunEvent[] = [];
    const scheduler = await startScheduler({
      dbUrl: t.url,
      env: made.env,
      log,
      jobs: only('clean-up-tokens', { firstRunAfterMs: 0 }),
      workerPath: fileURLToPath(new URL('./fixtures/stubborn-worker.mjs', import.meta.url)),
    });
    scheduler.onRun((event) => events.push(event));
    await waitFor(() => log.lines.some((line) => line.includes('stubborn worker started')), 10_000, 'the worker');

    const started = Date.now();
    const report = await scheduler.stop(500);
    const took = Date.now() - started;
    await made.cleanup();

    expect(report).toMatchObject({ waitedFor: ['clean-up-tokens'], terminated: ['clean-up-tokens'] });
    expect(took).toBeGreaterThanOrEqual(500);
    expect(took).toBeLessThan(3000);
    expect(scheduler.running()).toEqual([]);
    expect(events).toEqual([
      { job: 'clean-up-tokens', outcome: 'terminated', reason: 'still running when the scheduler stopped' },
    ]);
    const entries = log.lines.map((line) => JSON.parse(line));
    expect(entries.some((e) => e.level === 'warn' && /terminated: clean-up-tokens/.test(e.msg))).toBe(true);
  });

  it('terminates a run that takes longer than the run timeout, and runs the job again later', async () => {
    const made = await testEnv();
    const log = testLog();
    const events: RunEvent[] = [];
    const scheduler = await startScheduler({
      dbUrl: t.url,
      env: made.env,
      log,
      runTimeoutMs: 300,
      jobs: only('expire-invitations', { firstRunAfterMs: 0, intervalMs: 200 }),
      workerPath: fileURLToPath(new URL('./fixtures/stubborn-worker.mjs', import.meta.url)),
    });
    scheduler.onRun((event) => events.push(event));
    try {
      await waitFor(() => events.filter((e) => e.outcome === 'terminated').length >= 2, 20_000, 'two timeouts');
    } finally {
      await scheduler.stop(500);
      await made.cleanup();
    }
    expect(events.find((e) => e.outcome === 'terminated')).toEqual({
      job: 'expire-invitations',
      outcome: 'terminated',
      reason: 'ran longer than 300 ms',
    });
  });

  it("reports a run in the service's thread that outlives the run timeout as terminated, runs the job again, and sends nothing twice", async () => {
    const made = await testEnv({ SENDGRID_API_KEY: 'SG.test-key', SENDGRID_BASE_URL: sendgrid.url });
    await organizationWithInvitations(t.prisma, 2, { prefix: 'late' });
    const log = testLog();
    const events: RunEvent[] = [];
    // SendGrid (the fake) answers after 1 s: the first run outlives its 300 ms bound.
    const scheduler = await startScheduler({
      dbUrl: t.url,
      env: made.env,
      log,
      runTimeoutMs: 300,
      jobs: only('deliver-outbox', { firstRunAfterMs: 0, intervalMs: 100 }),
    });
    scheduler.onRun((event) => events.push(event));
    const late = () => sendgrid.accepted().filter((m) => m.to.startsWith('late'));
    try {
      await waitFor(
        () => events.some((e) => e.outcome === 'terminated') && events.some((e) => e.outcome === 'finished'),
        20_000,
        'a terminated run, then another run',
      );
      // The run left behind still completes its request; its rows were leased, never claimed twice.
      await waitFor(() => late().length >= 2, 20_000, 'the late e-mails');
    } finally {
      await scheduler.stop(5000);
      await made.cleanup();
    }
    expect(events.find((e) => e.outcome === 'terminated')).toEqual({
      job: 'deliver-outbox',
      outcome: 'terminated',
      reason: 'ran longer than 300 ms',
    });
    expect(
      late()
        .map((m) => m.to)
        .sort(),
    ).toEqual(['late0@x.example.com', 'late1@x.example.com']);
  });
});
