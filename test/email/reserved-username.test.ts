// "Add members and notify them via e-mail" (ArcGIS's third method): the admin chooses the
// username, and the invitation e-mail that reaches the invitee states it.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { createTransport } from '../../src/email/transport/create-transport.js';
import { invite } from '../../src/invitations/invite.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { deliverOutbox } from '../../src/outbox/deliver-outbox.js';
import { newOrganization, refreshed } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { memoryLog, PUBLIC_URL } from './support.js';

let t: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'sesame-username-'));
});
afterAll(async () => {
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('an invitation with a username chosen by the admin', () => {
  it('is e-mailed with the reserved username', async () => {
    const { owner } = await newOrganization(t.prisma);
    await updateOrganizationSetting(t.prisma, owner, 'uses-usernames', 'true');
    const actor = await refreshed(t.prisma, owner);
    const made = await invite(t.prisma, actor, { emails: ['paul@example.org'], username: 'paul.martin' });
    expect(made.results[0]?.outcome).toBe('invited');
    const { log } = memoryLog();
    const transport = createTransport(parseEnv({ DATA_DIR: dataDir, NODE_ENV: 'development' }), log);
    await deliverOutbox(t.prisma, { transport, publicUrl: PUBLIC_URL, log });
    const dir = join(dataDir, 'outbox');
    const [file] = (await readdir(dir)).filter((f) => f.endsWith('.eml'));
    const eml = (await readFile(join(dir, file as string), 'utf8')).replace(/=\r\n/g, '');
    expect(eml).toContain('Your username is reserved: paul.martin.');
  });
});
