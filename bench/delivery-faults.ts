// Bench section: what a crash or a timeout costs in duplicate e-mails (issue 13, items 1 and 2).
// 2,000 invitations go to a local fake of SendGrid with the request sizes createTransport picks,
// with and without the Event Webhook key, under two faults:
//   crash:   the worker dies after SendGrid's 202 to the first request, before recording it;
//   timeout: SendGrid accepts the first request but answers after the client gave up.
// Delivery then resumes (after the lease, and after the events' wait) until the outbox is empty;
// the section prints how many recipients received the same invitation twice.
import { randomUUID } from 'node:crypto';
import { parseEnv } from '../src/config/env.js';
import type { EmailTransport } from '../src/email/outgoing-email.js';
import { createTransport, UNCONFIRMED_MAX_PER_REQUEST } from '../src/email/transport/create-transport.js';
import { MAX_PERSONALIZATIONS } from '../src/email/transport/sendgrid-requests.js';
import { createSendgridTransport } from '../src/email/transport/sendgrid-transport.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { type NewInvitation, writeInvitations } from '../src/invitations/write-invitations.js';
import { createLogger } from '../src/log/logger.js';
import { resolveActor } from '../src/members/resolve-actor.js';
import { createOrganization } from '../src/organizations/create-organization.js';
import { deliverOutbox } from '../src/outbox/deliver-outbox.js';
import { EVENTS_WAIT_MS } from '../src/outbox/reconcile.js';
import { crashingAfter, duplicates, reportProcessed } from '../test/outbox/support.js';
import { type FakeSendgrid, startFakeSendgrid } from '../test/support/fake-sendgrid.js';
import type { BenchSection } from './section.js';
import { verdict } from './section.js';
import { parkOthers } from './sendgrid.js';

const INVITATIONS = 2000;
const LEASE_MS = 5 * 60_000;

type Fault = 'crash' | 'timeout';

export const deliveryFaultsSection: BenchSection = {
  title: 'Delivery faults: duplicates per crash and per timeout (issue 13)',
  async run({ prisma, log }) {
    let pass = true;
    for (const webhookKey of [true, false]) {
      for (const fault of ['crash', 'timeout'] as const) {
        const twice = await once(prisma, fault, webhookKey);
        const target = webhookKey ? 0 : UNCONFIRMED_MAX_PER_REQUEST;
        const ok = twice <= target;
        pass &&= ok;
        log(
          `${verdict(ok)} ${fault}, ${webhookKey ? 'with' : 'without'} the Event Webhook key: ` +
            `${twice} of ${INVITATIONS} recipients e-mailed twice per ${fault} (target <= ${target}; ` +
            `requests of ${webhookKey ? MAX_PERSONALIZATIONS : UNCONFIRMED_MAX_PER_REQUEST})`,
        );
      }
    }
    return pass;
  },
};

async function once(db: PrismaClient, fault: Fault, webhookKey: boolean): Promise<number> {
  const fake = await startFakeSendgrid();
  const log = createLogger('silent');
  const organization = await createOrganization(db, {
    name: `Faults ${randomUUID().slice(0, 8)}`,
    seats: INVITATIONS + 10,
    ownerEmail: 'owner@faults.example.com',
    channel: 'cli',
  });
  try {
    const actor = await resolveActor(db, { organization, channel: 'cli' });
    const rows: NewInvitation[] = Array.from({ length: INVITATIONS }, (_, i) => ({
      email: `invitee${i}@faults.example.com`,
      firstName: `First${i}`,
      lastName: `Last${i}`,
      username: null,
      role: 'viewer',
      userType: 'viewer',
      groups: [],
      message: 'Welcome.',
      mustUseEmail: true,
    }));
    await db.$transaction((tx) => writeInvitations(tx, { actor, rows }), { timeout: 120_000 });
    await parkOthers(db, organization.id, '+');
    try {
      const env = parseEnv({
        SENDGRID_API_KEY: 'SG.bench',
        SENDGRID_BASE_URL: fake.url,
        SENDGRID_WEBHOOK_PUBLIC_KEY: webhookKey ? 'bench-key' : '',
      });
      const transport = createTransport(env, log);
      const deliver = (t: EmailTransport, now: Date) =>
        deliverOutbox(db, { transport: t, publicUrl: 'https://sesame.example.com', log, now, leaseMs: LEASE_MS });
      const t0 = new Date(Date.now() + 1000);
      if (fault === 'crash') {
        await deliver(crashingAfter(transport, 1), t0).catch(() => undefined);
      } else {
        await deliver(slowFirstRequest(fake, webhookKey), t0);
      }
      // SendGrid's Event Webhook reports what it accepted (only where its key is configured).
      if (webhookKey) await reportProcessed(db, fake.accepted(), t0);
      fake.delayMs = 0;
      for (const after of [LEASE_MS + 1000, EVENTS_WAIT_MS + 1000, 2 * 3_600_000]) {
        const now = new Date(t0.getTime() + after);
        for (;;) {
          const r = await deliver(transport, now);
          if (r.sent + r.failed + r.retried + r.skipped === 0) break;
        }
      }
      const left = await db.outboxMessage.count({
        where: { organizationId: organization.id, kind: 'invitation.email', status: { not: 'SENT' } },
      });
      if (left > 0) throw new Error(`${left} invitation e-mails not sent after the ${fault}`);
      return duplicates(fake.accepted());
    } finally {
      await parkOthers(db, organization.id, '-');
    }
  } finally {
    await db.organization.delete({ where: { id: organization.id } });
    await fake.close();
  }
}

/** The transport createTransport would make, with the first request accepted but answered too late. */
function slowFirstRequest(fake: FakeSendgrid, webhookKey: boolean): EmailTransport {
  const transport = createSendgridTransport({
    apiKey: 'SG.bench',
    baseUrl: fake.url,
    from: { email: 'sesame@localhost.localdomain' },
    log: createLogger('silent'),
    timeoutMs: 200,
    reportsEvents: webhookKey,
    maxPerRequest: webhookKey ? MAX_PERSONALIZATIONS : UNCONFIRMED_MAX_PER_REQUEST,
  });
  let requests = 0;
  return {
    name: transport.name,
    reportsEvents: transport.reportsEvents,
    send: (emails, hooks) =>
      transport.send(emails, {
        beforeRequest: async (indexes) => {
          fake.delayMs = requests++ === 0 ? 600 : 0;
          await hooks?.beforeRequest?.(indexes);
        },
      }),
  };
}
