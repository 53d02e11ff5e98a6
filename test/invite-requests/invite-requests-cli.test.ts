// `sesame request <e-mail> --as <member>`, `sesame invite-requests`, `... approve`, `... deny`, and
// `sesame org set invite-requests off`, through the real executable (issue 19, item 3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/permissions/actor.js';
import { type Cli, cliFor } from '../cli/run-cli.js';
import { memberActor, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
let sesame: Cli;
let owner: Actor;
let org: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  ({ owner } = await newOrganization(db.prisma));
  await memberActor(db.prisma, owner, { email: 'ana@members.example' });
  await memberActor(db.prisma, owner, { email: 'ben@members.example' });
  org = ['--org', owner.organization.name];
  sesame = await cliFor({ DATABASE_URL: db.url });
});
afterAll(async () => {
  await sesame?.cleanup();
  await db?.close();
});

describe('invite requests on the command line', () => {
  it('a member asks, another joins, the owner lists and approves; the invitation is the owner’s', async () => {
    const asked = await sesame([
      ...org,
      '--as',
      'ana@members.example',
      'request',
      'zoe@partner.example',
      '--note',
      'Analyst',
    ]);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('Your request to invite zoe@partner.example went to the administrators');
    const joined = await sesame([...org, '--as', 'ben@members.example', '--json', 'request', 'zoe@partner.example']);
    expect(joined.json()).toMatchObject({ outcome: 'joined', email: 'zoe@partner.example' });

    const listed = await sesame([...org, '--json', 'invite-requests', '--status', 'pending']);
    const [request] = listed.json<{ requests: { id: string; requesters: number; note: string }[] }>().requests;
    expect(request).toMatchObject({ requesters: 2, note: 'Analyst', requestedByEmail: 'ana@members.example' });
    const table = await sesame([...org, 'invite-requests']);
    expect(table.stdout).toContain('zoe@partner.example');

    const approved = await sesame([...org, 'invite-requests', 'approve', request?.id ?? '']);
    expect(approved.stdout).toContain('Approved: zoe@partner.example is invited.');
    const invitation = await db.prisma.invitation.findFirstOrThrow({ where: { email: 'zoe@partner.example' } });
    expect(invitation.inviterId).toBe(owner.member.id);

    const again = await sesame([
      ...org,
      '--lang',
      'fr',
      'invite-requests',
      'deny',
      request?.id ?? '',
      '--reason',
      'Non',
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`déjà été approuvée par ${owner.member.email}`);
  });

  it('deny needs a reason; a member may not list; requests can be turned off', async () => {
    const asked = await sesame([...org, '--as', 'ana@members.example', '--json', 'request', 'x@partner.example']);
    const { requestId } = asked.json<{ requestId: string }>();
    const noReason = await sesame([...org, 'invite-requests', 'deny', requestId]);
    expect(noReason.code).toBe(2);
    const denied = await sesame([...org, 'invite-requests', 'deny', requestId, '--reason', 'Not a partner']);
    expect(denied.stdout).toContain('Denied');
    const forbidden = await sesame([...org, '--as', 'ana@members.example', 'invite-requests']);
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toContain('may not list invite requests');

    expect((await sesame([...org, 'org', 'set', 'invite-requests', 'off'])).code).toBe(0);
    const off = await sesame([...org, '--as', 'ana@members.example', '--lang', 'fr', 'request', 'y@partner.example']);
    expect(off.code).toBe(1);
    expect(off.stderr).toContain("Les demandes d'invitation sont désactivées");
  });
});
