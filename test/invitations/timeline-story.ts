// An invitation taken through every step of its life, through the domain: held beyond the seat
// limit, approved by a manager, e-mailed, delivered (a SendGrid event), reminded, resent, accepted,
// its webhooks delivered to a local receiver. Shared by the timeline's domain, CLI, Slack and Teams
// tests, which all read the same story.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../../src/db/database.js';
import { recordEmailEvents } from '../../src/email/events/record-email-events.js';
import type { EmailTransport } from '../../src/email/outgoing-email.js';
import type { Locale } from '../../src/i18n/locale.js';
import { acceptInvitation } from '../../src/invitations/accept.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { invite } from '../../src/invitations/invite.js';
import { remindNow } from '../../src/invitations/remind.js';
import { resendInvitation } from '../../src/invitations/resend.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { deliverOutbox } from '../../src/outbox/deliver-outbox.js';
import type { Actor } from '../../src/permissions/actor.js';
import { decideSeatRequest } from '../../src/seats/decide-seat-request.js';
import { memberActor, newOrganization, refreshed } from '../domain/fixtures.js';
import { memoryLog, PUBLIC_URL } from '../email/support.js';

// E-mails are not the subject here: a transport that accepts everything.
const acceptAll: EmailTransport = {
  name: 'file',
  async *send(emails) {
    if (emails.length > 0) yield { indexes: emails.map((_, i) => i), outcome: { ok: true } };
  },
};

/** A webhook receiver on 127.0.0.1 that answers 200 to everything. */
export async function webhookReceiver(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks?token=secret`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends what is queued: e-mails to nowhere, webhooks to the local receiver. */
export const deliver = (db: Db) =>
  deliverOutbox(db, {
    transport: acceptAll,
    publicUrl: PUBLIC_URL,
    log: memoryLog().log,
    webhooksAllowPrivateAddresses: true,
  });

export interface FullStory {
  owner: Actor;
  manager: Actor;
  invitationId: string;
  email: string;
}

/**
 * `email` invited by the owner (CLI) into a full organization, so held; approved by a manager
 * (Slack); e-mailed and delivered; reminded and resent by the owner; accepted on the web page.
 */
export async function fullStory(
  db: Db,
  receiverUrl: string,
  options: { email?: string; locale?: Locale } = {},
): Promise<FullStory> {
  const email = options.email ?? 'ana@x.com';
  const made = await newOrganization(db, { seats: 2, locale: options.locale });
  await updateOrganizationSetting(db, made.owner, 'resend-cooldown-hours', '0');
  const owner = await refreshed(db, made.owner);
  // The owner and the manager take both seats: the invitation is held.
  const manager = await memberActor(db, owner, { email: 'manager@x.com', manager: true });
  await db.webhookEndpoint.create({
    data: { organizationId: owner.organization.id, url: receiverUrl, secret: 'whsec_timeline' },
  });
  const result = await invite(db, owner, { emails: [email] });
  const invitationId = result.results[0]?.invitationId ?? '';
  if (result.results[0]?.outcome !== 'held' || !result.seatRequestId) throw new Error('expected a held invitation');
  await decideSeatRequest(db, manager, { requestId: result.seatRequestId, decision: 'approve' });
  await deliver(db);
  const first = await db.outboxMessage.findFirstOrThrow({
    where: { kind: 'invitation.email', payload: { path: ['invitationId'], equals: invitationId } },
  });
  await recordEmailEvents(db, [
    {
      sg_event_id: `delivered-${invitationId}`,
      event: 'delivered',
      // SendGrid's time is in whole seconds.
      timestamp: Math.floor(Date.now() / 1000),
      invitation_id: invitationId,
      outbox_id: String(first.id),
    },
  ]);
  await remindNow(db, owner, invitationId);
  await deliver(db);
  await resendInvitation(db, owner, invitationId);
  await deliver(db);
  const token = await issueAcceptToken(db, invitationId);
  const password = 'Zx9!kq2mw';
  const accepted = await acceptInvitation(db, {
    token,
    firstName: 'Ana',
    lastName: 'Lima',
    password,
    passwordConfirmation: password,
  });
  if (accepted.status !== 'enrolled') throw new Error('expected an enrollment');
  await deliver(db);
  return { owner, manager, invitationId, email };
}
