// The migration that repairs Teams' managers' channels stored as a thread (";messageid=..."), so
// that seat cards become new posts in the channel instead of replies in an old thread.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsDir } from '../../src/db/migration-files.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const MIGRATION = '20261204160000_teams_managers_channel_not_a_thread';
const CHANNEL = '19:abc123@thread.tacv2';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

const reference = (conversationId: string) => ({
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversation: { id: conversationId, conversationType: 'channel' },
  channelId: 'msteams',
});

describe('repairing Teams managers channels stored as a thread', () => {
  it('keeps the channel itself, leaves Slack and already-correct rows alone, and can run twice', async () => {
    const organization = await t.prisma.organization.create({ data: { name: 'Acme', seatLimit: 5, catalogue: {} } });
    const rows = [
      { platform: 'teams', externalId: 'tenant-thread', id: `${CHANNEL};messageid=1700000000000` },
      { platform: 'teams', externalId: 'tenant-channel', id: CHANNEL },
      { platform: 'slack', externalId: 'T0001', id: 'C0001;messageid=odd-but-slack' },
    ];
    for (const row of rows) {
      await t.prisma.chatWorkspace.create({
        data: {
          platform: row.platform,
          externalId: row.externalId,
          organizationId: organization.id,
          managersChannelId: row.id,
          managersChannelRef: row.platform === 'teams' ? reference(row.id) : undefined,
        },
      });
    }
    const sql = await readFile(`${migrationsDir}/${MIGRATION}/migration.sql`, 'utf8');
    await t.prisma.$executeRawUnsafe(sql);
    await t.prisma.$executeRawUnsafe(sql);

    const after = await t.prisma.chatWorkspace.findMany({ orderBy: { externalId: 'asc' } });
    const view = after.map((w) => ({
      externalId: w.externalId,
      channel: w.managersChannelId,
      reference: (w.managersChannelRef as { conversation?: { id: string } } | null)?.conversation?.id,
    }));
    expect(view).toEqual([
      { externalId: 'T0001', channel: 'C0001;messageid=odd-but-slack', reference: undefined },
      { externalId: 'tenant-channel', channel: CHANNEL, reference: CHANNEL },
      { externalId: 'tenant-thread', channel: CHANNEL, reference: CHANNEL },
    ]);
    // The rest of the reference is kept as it was.
    const repaired = after.find((w) => w.externalId === 'tenant-thread')?.managersChannelRef;
    expect(repaired).toMatchObject({ serviceUrl: 'https://smba.trafficmanager.net/emea/', channelId: 'msteams' });
  });
});
