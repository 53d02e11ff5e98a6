// The webhooks carry licences, credits and language (issue 17, item 6): invitation.created,
// invitation.accepted and member.enrolled, from one definition (src/licences/member-properties.ts)
// whose TypeScript and SQL forms agree, over invitation and member rows; the audit trail records
// them too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation } from '../../src/invitations/accept.js';
import { issueAcceptToken } from '../../src/invitations/accept-token.js';
import { invite } from '../../src/invitations/invite.js';
import { addLicence } from '../../src/licences/manage-licences.js';
import { memberProperties, memberPropertiesSql } from '../../src/licences/member-properties.js';
import { addMember } from '../../src/members/add-member.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('member properties in the webhooks', () => {
  it('are on every invitation and enrollment event, and the same in TypeScript and SQL', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 10 });
    const orgId = owner.organization.id;
    await addLicence(t.prisma, owner, 'insights', {
      nameEn: 'Insights',
      nameFr: 'Insights',
      userTypes: ['creator'],
      owned: '3',
    });
    await t.prisma.webhookEndpoint.create({
      data: { organizationId: orgId, url: 'https://hooks.example.com/sesame', secret: 'whsec_test' },
    });
    const full = await invite(t.prisma, owner, {
      emails: ['full@example.org'],
      userType: 'creator',
      licences: ['insights'],
      credits: 'unlimited',
      language: 'fr',
    });
    await invite(t.prisma, owner, { emails: ['plain@example.org'], credits: '40' });
    const id = full.results[0]?.invitationId ?? '';
    await acceptInvitation(t.prisma, {
      token: await issueAcceptToken(t.prisma, id),
      firstName: 'Full',
      lastName: 'Props',
      password: 'Tr0mbone-Lavande-42',
      passwordConfirmation: 'Tr0mbone-Lavande-42',
    });

    const calls = await t.prisma.outboxMessage.findMany({ where: { organizationId: orgId, kind: 'webhook' } });
    const said = calls.map((call) => {
      const { event, data } = call.payload as { event: string; data: Record<string, unknown> };
      return `${event} ${data.email} ${JSON.stringify([data.licences, data.credits, data.language])}`;
    });
    expect(said.sort()).toEqual(
      [
        'invitation.created full@example.org [["insights"],"unlimited","fr"]',
        'invitation.created plain@example.org [[],40,null]',
        'invitation.accepted full@example.org [["insights"],"unlimited","fr"]',
        'member.enrolled full@example.org [["insights"],"unlimited","fr"]',
      ].sort(),
    );

    // The audit trail records them too: what was assigned, and by whom (credits are an administrator's).
    const audited = await t.prisma.auditEvent.findMany({
      where: { organizationId: orgId, action: 'invitation.created' },
    });
    expect(
      audited.map((event) => {
        const data = event.data as Record<string, unknown>;
        return `${data.email} ${JSON.stringify([data.licences, data.credits, data.language])}`;
      }),
    ).toEqual(
      expect.arrayContaining(['full@example.org [["insights"],"unlimited","fr"]', 'plain@example.org [[],40,null]']),
    );
    const { member: added } = await addMember(t.prisma, owner, {
      email: 'added@example.org',
      firstName: 'Ad',
      lastName: 'Ded',
      password: 'Tr0mbone-Lavande-42',
      credits: '7',
      language: 'en',
    });
    const addedEvent = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'member.added', subjectId: added.id },
    });
    expect(addedEvent.data).toMatchObject({ licences: [], credits: 7, language: 'en' });

    for (const table of ['invitation', 'member'] as const) {
      const rows =
        table === 'invitation'
          ? await t.prisma.invitation.findMany({ where: { organizationId: orgId } })
          : await t.prisma.member.findMany({ where: { organizationId: orgId } });
      const fromSql = await t.prisma.$queryRawUnsafe<{ id: string; said: unknown }[]>(
        `SELECT r.id::text, jsonb_build_object(${memberPropertiesSql('r')}) AS said FROM ${table} r
          WHERE r.organization_id = $1::uuid`,
        orgId,
      );
      expect(new Map(fromSql.map((row) => [row.id, row.said]))).toEqual(
        new Map(rows.map((row) => [row.id, memberProperties(row)])),
      );
    }
  });
});
