// Helpers for the job tests: a configuration, a logger that keeps its lines, and invitations
// made due by moving their dates into the past (as time would).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Env, parseEnv } from '../../src/config/env.js';
import type { Db } from '../../src/db/database.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger, type Logger } from '../../src/log/logger.js';
import type { Actor } from '../../src/permissions/actor.js';
import { newOrganization } from '../domain/fixtures.js';

export const DAY = 86_400_000;

export interface TestLog extends Logger {
  lines: string[];
}

/** A debug-level logger that keeps its lines (nothing reaches the console). */
export function testLog(): TestLog {
  const lines: string[] = [];
  return Object.assign(
    createLogger('debug', (line) => lines.push(line)),
    { lines },
  );
}

/** The configuration a fresh machine gets, with DATA_DIR in a temporary directory. */
export async function testEnv(overrides: Record<string, string> = {}): Promise<{ env: Env; cleanup(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sesame-jobs-'));
  return {
    env: parseEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'debug', NODE_ENV: 'test', ...overrides }),
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** An organization with `count` pending invitations; returns the owner and the invitation ids. */
export async function organizationWithInvitations(
  db: Db,
  count: number,
  options: { prefix?: string } = {},
): Promise<{ owner: Actor; ids: string[] }> {
  const { owner } = await newOrganization(db, { seats: count + 5 });
  const emails = Array.from({ length: count }, (_, i) => `${options.prefix ?? 'p'}${i}@x.example.com`);
  const made = await invite(db, owner, { emails });
  const ids = made.results.map((r) => r.invitationId).filter((id): id is string => Boolean(id));
  if (ids.length !== count) throw new Error(`expected ${count} invitations, got ${ids.length}`);
  return { owner, ids };
}

/** Moves invitations back in time as if they had been sent `daysAgo` days ago (lifetime 14 days). */
export async function sentDaysAgo(db: Db, ids: string[], daysAgo: number): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE invitation
        SET created_at = now() - make_interval(secs => $2::double precision),
            last_sent_at = now() - make_interval(secs => $2::double precision),
            expires_at = now() - make_interval(secs => $2::double precision) + interval '14 days',
            next_reminder_at = now() - make_interval(secs => $2::double precision) + interval '3 days'
      WHERE id = ANY($1::uuid[]) AND reminders_sent = 0`,
    ids,
    daysAgo * 86_400,
  );
}

export const waitFor = async (check: () => Promise<boolean> | boolean, timeoutMs = 20_000, what = 'condition') => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
