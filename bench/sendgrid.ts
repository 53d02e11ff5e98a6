// Bench: 10,000 invitation e-mails through the outbox to a local fake of SendGrid's API.
// Prints the number of /v3/mail/send requests (target <= 10) and the time.
//
//   npx tsx bench/sendgrid.ts                      (embedded PGlite, in memory)
//   DATABASE_URL=postgresql://... npx tsx bench/sendgrid.ts
//
// or as the "E-mail delivery" section of `npm run bench` (bench/run.ts). The database must be a
// scratch one: migrations are applied to it; the organization the bench creates is deleted.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { createPrismaClient } from '../src/db/database.js';
import { applyMigrations } from '../src/db/migrate.js';
import { servePglite } from '../src/db/pglite-server.js';
import { createSendgridTransport } from '../src/email/transport/sendgrid-transport.js';
import { type NewInvitation, writeInvitations } from '../src/invitations/write-invitations.js';
import { createLogger } from '../src/log/logger.js';
import { resolveActor } from '../src/members/resolve-actor.js';
import { createOrganization } from '../src/organizations/create-organization.js';
import { deliverOutbox } from '../src/outbox/deliver-outbox.js';
import { startFakeSendgrid } from '../test/support/fake-sendgrid.js';
import { type BenchSection, verdict } from './section.js';

const INVITATIONS = 10_000;
const TARGET_REQUESTS = 10;

export const sendgridSection: BenchSection = {
  title: 'E-mail delivery through SendGrid (issue 4)',
  async run({ db, log }) {
    const result = await benchSendgrid({ databaseUrl: db.url, migrate: false, print: log });
    const pass = result.requests <= TARGET_REQUESTS;
    log(
      `${verdict(pass)} ${result.requests} SendGrid requests for ${result.invitations} e-mails (target <= ${TARGET_REQUESTS})`,
    );
    return pass;
  },
};

export interface SendgridBenchResult {
  invitations: number;
  requests: number;
  personalizations: number;
  /** Writing the invitations (and their outbox rows), for scale. */
  writeMs: number;
  /** deliverOutbox until the outbox is empty: claims, tokens, rendering, requests, marking. */
  deliverMs: number;
}

export async function benchSendgrid(
  options: { databaseUrl?: string; migrate?: boolean; invitations?: number; print?: (line: string) => void } = {},
): Promise<SendgridBenchResult> {
  const count = options.invitations ?? INVITATIONS;
  const print = options.print ?? console.log;
  const embedded = options.databaseUrl ? undefined : await startEmbedded();
  const url = options.databaseUrl ?? (embedded?.url as string);
  const fake = await startFakeSendgrid();
  const db = createPrismaClient(url);
  let organizationId: string | undefined;
  try {
    if (options.migrate !== false || embedded) await applyMigrations(url);
    const organization = await createOrganization(db, {
      name: `Bench ${randomUUID().slice(0, 8)}`,
      seats: count + 10,
      ownerEmail: 'owner@bench.example.com',
      channel: 'cli',
    });
    organizationId = organization.id;
    const actor = await resolveActor(db, { organization, channel: 'cli' });
    const rows: NewInvitation[] = Array.from({ length: count }, (_, i) => ({
      email: `invitee${i}@bench.example.com`,
      firstName: `First${i}`,
      lastName: `Last${i}`,
      username: null,
      role: 'viewer',
      userType: 'viewer',
      groups: [],
      message: 'Welcome to the team: the maps are waiting for you.',
      mustUseEmail: true,
    }));
    let started = performance.now();
    await db.$transaction((tx) => writeInvitations(tx, { actor, rows }), { timeout: 120_000 });
    const writeMs = performance.now() - started;

    const log = createLogger('warn');
    const transport = createSendgridTransport({
      apiKey: 'SG.bench',
      baseUrl: fake.url,
      from: { email: 'sesame@bench.example.com', name: 'Sesame' },
      log,
    });
    // The scratch database may hold other sections' pending rows: out of the way meanwhile.
    await parkOthers(db, organization.id, '+');
    let sent = 0;
    let deliverMs: number;
    try {
      started = performance.now();
      for (;;) {
        const result = await deliverOutbox(db, { transport, publicUrl: 'https://sesame.example.com', log });
        sent += result.sent;
        if (result.sent + result.failed + result.retried + result.skipped === 0) break;
      }
      deliverMs = performance.now() - started;
    } finally {
      await parkOthers(db, organization.id, '-');
    }
    const outcome: SendgridBenchResult = {
      invitations: count,
      requests: fake.requests.length,
      personalizations: fake.requests.reduce((n, r) => n + r.body.personalizations.length, 0),
      writeMs,
      deliverMs,
    };
    if (sent !== count || outcome.personalizations !== count) {
      throw new Error(`expected ${count} e-mails, sent ${sent} in ${outcome.personalizations} personalizations`);
    }
    print(
      `SendGrid: ${count} invitation e-mails in ${outcome.requests} requests (${outcome.personalizations} personalizations), ` +
        `delivered in ${(deliverMs / 1000).toFixed(2)} s (${Math.round(count / (deliverMs / 1000))} e-mails/s); ` +
        `invitations written in ${(writeMs / 1000).toFixed(2)} s`,
    );
    return outcome;
  } finally {
    if (organizationId && options.databaseUrl) await db.organization.delete({ where: { id: organizationId } });
    await db.$disconnect();
    await fake.close();
    await embedded?.stop();
  }
}

export async function parkOthers(db: ReturnType<typeof createPrismaClient>, organizationId: string, sign: '+' | '-') {
  await db.$executeRawUnsafe(
    `UPDATE outbox_message SET next_attempt_at = next_attempt_at ${sign} interval '1000 years'
      WHERE status = 'PENDING' AND organization_id <> $1::uuid`,
    organizationId,
  );
}

async function startEmbedded(): Promise<{ url: string; stop: () => Promise<void> }> {
  const pglite = await PGlite.create();
  const server = await servePglite(pglite);
  return {
    url: server.url,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(process.env.DATABASE_URL ? 'On DATABASE_URL (PostgreSQL)' : 'On an in-memory embedded PGlite');
  await benchSendgrid({ databaseUrl: process.env.DATABASE_URL });
  // Pools may linger a few seconds after they are closed.
  process.exit(0);
}
