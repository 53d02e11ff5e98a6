// `sesame jobs run <name>` and `sesame remind <id|e-mail>`: the real executable in a child
// process (see test/cli/run-cli.ts), on this file's database.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/permissions/actor.js';
import { type Cli, cliFor } from '../cli/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { organizationWithInvitations, sentDaysAgo } from './support.js';

let t: TestDatabase;
let sesame: Cli;
beforeAll(async () => {
  t = await createTestDatabase();
  sesame = await cliFor({ DATABASE_URL: t.url });
});
afterAll(async () => {
  await sesame?.cleanup();
  await t?.close();
});

describe('sesame jobs run and remind', { timeout: 120_000 }, () => {
  let owner: Actor;
  let ids: string[];
  beforeAll(async () => {
    ({ owner, ids } = await organizationWithInvitations(t.prisma, 2, { prefix: 'cli' }));
  });

  it('runs a job now and prints what it did, in text or JSON', async () => {
    const [due] = ids as [string];
    await sentDaysAgo(t.prisma, [due], 15);

    const json = await sesame(['jobs', 'run', 'expire-invitations', '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(json.json()).toMatchObject({
      job: 'expire-invitations',
      summary: { expired: 1 },
      batches: 1,
      incomplete: false,
    });
    expect(await t.prisma.invitation.findUniqueOrThrow({ where: { id: due } })).toMatchObject({ status: 'EXPIRED' });

    const text = await sesame(['jobs', 'run', 'expire-invitations']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^expire-invitations: expired 0 \(1 batch, \d+ ms\)\.\n$/);
    expect(text.stderr).toBe('');
  });

  it('refuses an unknown job with the list of jobs (bad usage)', async () => {
    const bogus = await sesame(['jobs', 'run', 'expire-everything']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain(
      'expected one of send-reminders, expire-invitations, deliver-outbox, deliver-notifications, clean-up-tokens',
    );
    const help = await sesame(['jobs', 'run', '--help']);
    expect(help.stdout).toContain('deliver-outbox');
  });

  it('reminds on demand after the cooldown, and the outbox job delivers the reminder', async () => {
    const [, open] = ids as [string, string];
    const org = ['--org', owner.organization.name];
    const email = 'cli1@x.example.com';

    const tooSoon = await sesame(['remind', email, ...org]);
    expect(tooSoon.code).toBe(1);
    expect(tooSoon.stderr).toMatch(/can be resent in/);

    await sentDaysAgo(t.prisma, [open], 2);
    const reminded = await sesame(['remind', email, '--json', ...org]);
    expect(reminded.code, reminded.stderr).toBe(0);
    expect(reminded.json()).toMatchObject({ id: open, email, status: 'PENDING', sendCount: 2 });
    // By id this time; just reminded, so within the cooldown again.
    const again = await sesame(['remind', open, ...org]);
    expect(again.code).toBe(1);
    expect(await t.prisma.invitation.findUniqueOrThrow({ where: { id: open } })).toMatchObject({ sendCount: 2 });

    const delivered = await sesame(['jobs', 'run', 'deliver-outbox', '--json']);
    expect(delivered.code, delivered.stderr).toBe(0);
    // The open invitation's first e-mail and its reminder leave; the expired one's is skipped.
    expect(delivered.json()).toMatchObject({ job: 'deliver-outbox', summary: { sent: 2, skipped: 1, failed: 0 } });
    const files = await readdir(join(sesame.cwd, 'data', 'outbox'));
    expect(files.filter((f) => f.endsWith('.eml'))).toHaveLength(2);
  });
});
