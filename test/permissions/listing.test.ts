// Reading is permission-checked like writing (issue 12, item 18): only owners and administrators
// list invitations and members; managers and owners list seat requests. Each refusal names what
// was refused, in English and French.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/audit/list-audit-events.js';
import type { AppError } from '../../src/errors/app-error.js';
import type { Locale } from '../../src/i18n/locale.js';
import { translate } from '../../src/i18n/messages.js';
import { invite } from '../../src/invitations/invite.js';
import { listInvitations } from '../../src/invitations/list-invitations.js';
import { listMembers } from '../../src/members/list-members.js';
import { listSeatRequests } from '../../src/seats/list-seat-requests.js';
import { listWebhookEndpoints } from '../../src/webhooks/manage-endpoints.js';
import { failure, memberActor, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const text = (error: AppError, locale: Locale) => translate(locale, error.code, error.params as never);

async function organizationWithEveryone() {
  const { owner } = await newOrganization(t.prisma, { seats: 2 });
  // The owner takes one seat; the second invitation is held behind a seat request.
  await invite(t.prisma, owner, { emails: ['ana@x.com', 'bo@x.com'], userType: 'Creator' });
  const domain = owner.organization.name.slice(4).toLowerCase();
  const plain = await memberActor(t.prisma, owner, { email: `plain@${domain}.example` });
  const admin = await memberActor(t.prisma, owner, { email: `admin@${domain}.example`, role: 'administrator' });
  const manager = await memberActor(t.prisma, owner, { email: `manager@${domain}.example`, manager: true });
  return { owner, plain, admin, manager };
}

describe('listing', () => {
  it('lets owners and administrators list invitations and members, and refuses the others', async () => {
    const { owner, plain, admin, manager } = await organizationWithEveryone();
    for (const allowed of [owner, admin]) {
      expect((await listInvitations(t.prisma, allowed)).total).toBe(2);
      expect((await listMembers(t.prisma, allowed)).total).toBe(4);
    }
    for (const refused of [plain, manager]) {
      const invitations = await failure(listInvitations(t.prisma, refused));
      expect(invitations.code).toBe('permission.list_invitations');
      expect(invitations.kind).toBe('forbidden');
      expect(text(invitations, 'en')).toBe(
        `${refused.member.email} may not list invitations: only owners and administrators may.`,
      );
      expect(text(invitations, 'fr')).toBe(
        `${refused.member.email} ne peut pas consulter les invitations\u00a0: seuls les propriétaires et administrateurs le peuvent.`,
      );
      const members = await failure(listMembers(t.prisma, refused));
      expect(members.code).toBe('permission.list_members');
      expect(text(members, 'en')).toContain('may not list members');
      expect(text(members, 'fr')).toContain('ne peut pas consulter les membres\u00a0:');
    }
  });

  it('lets managers and owners list seat requests, and refuses administrators and plain members', async () => {
    const { owner, plain, admin, manager } = await organizationWithEveryone();
    for (const allowed of [owner, manager]) expect(await listSeatRequests(t.prisma, allowed)).toHaveLength(1);
    for (const refused of [plain, admin]) {
      const error = await failure(listSeatRequests(t.prisma, refused));
      expect(error.code).toBe('permission.list_seat_requests');
      expect(text(error, 'en')).toBe(
        `${refused.member.email} may not list seat requests: only managers and owners may.`,
      );
      expect(text(error, 'fr')).toContain('ne peut pas consulter les demandes de places\u00a0:');
    }
  });

  it('names what was refused for the audit trail and the webhooks', async () => {
    const { plain } = await organizationWithEveryone();
    const audit = await failure(listAuditEvents(t.prisma, plain));
    expect(text(audit, 'en')).toBe(
      `${plain.member.email} may not read the audit trail: only owners and administrators may.`,
    );
    expect(text(audit, 'fr')).toContain("ne peut pas consulter le journal d'audit\u00a0:");
    const webhooks = await failure(listWebhookEndpoints(t.prisma, plain));
    expect(text(webhooks, 'en')).toBe(
      `${plain.member.email} may not manage webhooks: only owners and administrators may.`,
    );
    expect(text(webhooks, 'fr')).toContain('ne peut pas gérer les webhooks\u00a0:');
    for (const error of [audit, webhooks]) expect(text(error, 'en')).not.toContain('invite, import');
  });
});
