// Shared set-up of the delivery tests: invitations created through the domain, a logger that
// keeps its lines, and a SendGrid transport pointed at the local fake.

import type { Db } from '../../src/db/database.js';
import { createSendgridTransport } from '../../src/email/transport/sendgrid-transport.js';
import type { Locale } from '../../src/i18n/locale.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger, type Logger } from '../../src/log/logger.js';
import type { Actor } from '../../src/permissions/actor.js';
import { newOrganization } from '../domain/fixtures.js';
import type { FakeSendgrid } from '../support/fake-sendgrid.js';

export const PUBLIC_URL = 'https://sesame.example.com';

export function memoryLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger('debug', (line) => lines.push(line)), lines };
}

export function fakeTransport(fake: FakeSendgrid, log: Logger, options: { templates?: boolean } = {}) {
  return createSendgridTransport({
    apiKey: 'SG.test-key',
    baseUrl: fake.url,
    from: { email: 'sesame@example.com', name: 'Sesame' },
    log,
    templateIds: options.templates ? { invitation: 'd-invitation', reminder: 'd-reminder' } : undefined,
  });
}

/** An organization (owner included) and `count` pending invitations from its owner. */
export async function invitations(
  db: Db,
  count: number,
  options: { locale?: Locale; message?: string; prefix?: string } = {},
): Promise<{ owner: Actor; ids: string[]; emails: string[] }> {
  const { owner } = await newOrganization(db, { seats: count + 10, locale: options.locale });
  const emails = Array.from({ length: count }, (_, i) => `${options.prefix ?? 'person'}${i}@example.org`);
  const result = await invite(db, owner, { emails, role: 'publisher', userType: 'creator', message: options.message });
  const ids = result.results.map((r) => r.invitationId as string);
  if (ids.length !== count || ids.some((id) => !id)) throw new Error('invitations were not all created');
  return { owner, ids, emails };
}

export const seconds = (base: Date, s: number) => new Date(base.getTime() + s * 1000);
