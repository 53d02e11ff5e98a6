// Every outbox key has one template (src/outbox/outbox-keys.ts) rendered by TypeScript writers and
// by set-based SQL writers: both renderings of each template must give the same key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlText } from '../../src/db/sql-text.js';
import { type OutboxKeyTemplate, outboxKey, outboxKeySql, outboxKeys } from '../../src/outbox/outbox-keys.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

/** A sample value for each part of a key, numbers as numbers (the SQL writers give integers). */
const samples: Record<string, string | number> = {
  invitationId: '3f0c1b8e-9a1d-4c5e-8b7a-2d6f4e1a9c30',
  endpointId: 'a1b2c3d4-0000-4000-8000-000000000001',
  seatRequestId: 'b2c3d4e5-0000-4000-8000-000000000002',
  recipientId: 'c3d4e5f6-0000-4000-8000-000000000003',
  subjectId: 'd4e5f6a7-0000-4000-8000-000000000004',
  event: 'invitation.created',
  sendNumber: 3,
  send: 2,
  revision: 7,
  outboxId: 123456789012,
  sgEventId: "sg-event:it's",
  key: 'invitation:x:expired',
  platform: 'teams',
  externalId: 'tenant-1',
  organizationId: 'e5f6a7b8-0000-4000-8000-000000000005',
  periodStart: '2026-12-07T07:00:00.000Z',
  inviteRequestId: 'f6a7b8c9-0000-4000-8000-000000000006',
  memberId: 'a7b8c9d0-0000-4000-8000-000000000007',
  expiresAt: '2026-12-18T09:30:00.000Z',
};

/** The value as an SQL expression of the type the SQL writers use (uuid, int, bigint, text). */
function sqlValue(name: string, value: string | number): string {
  if (typeof value === 'number') return name === 'outboxId' ? `${value}::bigint` : `${value}::int`;
  return name.endsWith('Id') && name !== 'sgEventId' && name !== 'externalId'
    ? `${sqlText(value)}::uuid`
    : sqlText(value);
}

describe('outbox keys', () => {
  const templates = Object.entries(outboxKeys) as [string, OutboxKeyTemplate][];

  it.each(templates)('%s: TypeScript and SQL render the same key', async (_, template) => {
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
    const values = Object.fromEntries(names.map((name) => [name, samples[name] ?? `missing sample ${name}`]));
    const expressions = Object.fromEntries(names.map((name) => [name, sqlValue(name, values[name] as string)]));
    const inTypeScript = outboxKey(template, values as never);
    const [row] = await t.prisma.$queryRawUnsafe<{ key: string }[]>(
      `SELECT ${outboxKeySql(template, expressions as never)} AS key`,
    );
    expect(row?.key).toBe(inTypeScript);
    for (const name of names) expect(inTypeScript).toContain(String(values[name]));
  });

  it('keeps the formats of the rows already written (a changed format would queue effects twice)', () => {
    const id = samples.invitationId as string;
    expect(outboxKey(outboxKeys.invitationEmail, { invitationId: id, sendNumber: 1 })).toBe(`invitation:${id}:send:1`);
    expect(outboxKey(outboxKeys.memberAddedEmail, { memberId: id })).toBe(`member:${id}:added`);
    expect(outboxKey(outboxKeys.webhook, { endpointId: 'e', event: 'invitation.expired', subjectId: id })).toBe(
      `webhook:e:invitation.expired:${id}`,
    );
    // The expiry key names the lifetime that ran out since an invitation may expire again after a
    // resend; the old format cannot be written again for an expiry already announced (expire.ts).
    expect(outboxKey(outboxKeys.invitationExpired, { invitationId: id, expiresAt: '2026-12-18T09:30:00.000Z' })).toBe(
      `invitation:${id}:expired:2026-12-18T09:30:00.000Z`,
    );
  });
});
