// GET /readyz: whether this instance should receive traffic. Ready when the database answers, the
// migrations are applied and the scheduler runs (/healthz, liveness, only says the process
// serves). The body names the failed checks, never a database message: that goes to the log,
// once per change, not at every probe.
import type { Db } from '../db/database.js';
import { migrationsAppliedCheck } from '../db/migrations-applied.js';
import type { Logger } from '../log/logger.js';
import type { Route } from './server.js';

export interface ReadinessChecks {
  migrationsApplied(): Promise<boolean>;
  schedulerRunning(): boolean;
}

export type ReadinessCheck = 'database' | 'migrations' | 'scheduler';

/** Longer than this, the database counts as down (a probe must answer before its own timeout). */
export const DATABASE_CHECK_TIMEOUT_MS = 2000;

export function readinessRoute(options: { db: Db; log: Logger; checks?: ReadinessChecks }): Route {
  const { db, log } = options;
  const checks: ReadinessChecks = options.checks ?? {
    migrationsApplied: migrationsAppliedCheck(db),
    // A server built without a scheduler (a test) has none to wait for.
    schedulerRunning: () => true,
  };
  let lastReport = 'ready';

  return async (_req, res) => {
    const failed: ReadinessCheck[] = [];
    const reasons: Partial<Record<ReadinessCheck, string>> = {};
    const fail = (check: ReadinessCheck) => (error: unknown) => {
      reasons[check] = String(error);
      return false;
    };
    const databaseUp = await withTimeout(db.$queryRawUnsafe('SELECT 1'), DATABASE_CHECK_TIMEOUT_MS).then(
      () => true,
      fail('database'),
    );
    if (!databaseUp) failed.push('database');
    // Unanswerable without the database: not asked, not reported.
    else if (!(await checks.migrationsApplied().catch(fail('migrations')))) failed.push('migrations');
    if (!runsSafely(checks.schedulerRunning)) failed.push('scheduler');

    const report = failed.length === 0 ? 'ready' : `not ready: ${failed.join(', ')}`;
    if (report !== lastReport) {
      if (failed.length === 0) log.info('Ready again');
      else log.warn(`Readiness: ${report}`, reasons);
      lastReport = report;
    }
    res.writeHead(failed.length === 0 ? 200 : 503, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify(failed.length === 0 ? { status: 'ready' } : { status: 'not ready', failed }));
  };
}

function runsSafely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
