// `sesame status <e-mail|id>`: an invitation's story in the terminal (text, French, --json, --all),
// and its refusals. The story is written through the domain; the real executable reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invite } from '../../src/invitations/invite.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import { type FullStory, fullStory, webhookReceiver } from '../invitations/timeline-story.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type Cli, cliFor } from './run-cli.js';

let db: TestDatabase;
let sesame: Cli;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
let story: FullStory;
let org: string[];
let firstBo = '';

beforeAll(async () => {
  db = await createTestDatabase();
  receiver = await webhookReceiver();
  story = await fullStory(db.prisma, receiver.url);
  org = ['--org', story.owner.organization.name];
  firstBo = (await invite(db.prisma, story.owner, { emails: ['bo@x.com'] })).results[0]?.invitationId ?? '';
  await revokeInvitation(db.prisma, story.owner, firstBo);
  await invite(db.prisma, story.owner, { emails: ['bo@x.com'] });
  sesame = await cliFor({ DATABASE_URL: db.url });
});
afterAll(async () => {
  await sesame?.cleanup();
  await receiver?.close();
  await db?.close();
});

/** The position of each text in the output, which must be in this order. */
function expectInOrder(output: string, texts: string[]): void {
  const positions = texts.map((text) => {
    const at = output.indexOf(text);
    expect(at, `${text} in:\n${output}`).toBeGreaterThanOrEqual(0);
    return at;
  });
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

describe('sesame status', { timeout: 120_000 }, () => {
  it('prints every step in order, in English and in French', async () => {
    const owner = story.owner.member.email;
    const english = await sesame(['status', 'ana@x.com', ...org]);
    expect(english.code, english.stderr).toBe(0);
    expectInOrder(english.stdout, [
      'Invitation to ana@x.com: accepted',
      `Invited by ${owner} (CLI)`,
      'Held for approval: no seat was free',
      'Seats approved by manager@x.com (Slack)',
      'E-mailed: the invitation',
      'Delivered to the mailbox (SendGrid)',
      `Reminder asked by ${owner} (CLI)`,
      'E-mailed: a reminder',
      `Resent by ${owner} (CLI)`,
      'E-mailed: the invitation again, with a new link',
      'Accepted by ana@x.com (web page)',
    ]);
    expect(english.stdout).toMatch(/\d{4} at \d\d:\d\d UTC {2}Invited by/);
    expect(english.stdout).toMatch(/Webhook invitation\.accepted delivered to 127\.0\.0\.1:\d+\n/);
    // The endpoint's path and token are not shown.
    expect(english.stdout).not.toContain('token=secret');

    const french = await sesame(['status', story.invitationId, ...org, '--lang', 'fr']);
    expect(french.code, french.stderr).toBe(0);
    expectInOrder(french.stdout, [
      'Invitation à ana@x.com : acceptée',
      `Invitée par ${owner} (CLI)`,
      'Retenue pour approbation',
      'Places approuvées par manager@x.com (Slack)',
      'Remise dans la boîte de réception (SendGrid)',
      'Acceptée par ana@x.com (page web)',
    ]);
    expect(french.stdout).toMatch(
      /décembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre/,
    );
  });

  it('prints the story as JSON', async () => {
    const result = await sesame(['status', 'ana@x.com', ...org, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const json = result.json<{
      invitations: { invitation: { id: string; status: string }; steps: { kind: string; at: string }[] }[];
      others: unknown[];
    }>();
    expect(json.others).toEqual([]);
    expect(json.invitations).toHaveLength(1);
    const [shown] = json.invitations;
    expect(shown?.invitation).toMatchObject({ id: story.invitationId, status: 'ACCEPTED' });
    expect(shown?.steps.filter((s) => s.kind !== 'webhook').map((s) => s.kind)).toEqual([
      'created',
      'held',
      'approved',
      'emailed',
      'delivered',
      'reminded',
      'emailed',
      'resent',
      'emailed',
      'accepted',
    ]);
    expect(shown?.steps[0]).toMatchObject({
      kind: 'created',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      by: { email: story.owner.member.email, channel: 'cli' },
    });
  });

  it('shows the latest invitation of an address, says how many others exist, and shows all with --all', async () => {
    const latest = await sesame(['status', 'bo@x.com', ...org]);
    expect(latest.code, latest.stderr).toBe(0);
    // The organization is full: bo@x.com is held again.
    expect(latest.stdout).toContain('Invitation to bo@x.com: awaiting approval');
    expect(latest.stdout).toContain(`1 other invitation to this address: revoked, invited `);
    expect(latest.stdout).toContain(`(${firstBo})`);
    expect(latest.stdout).toMatch(/sesame status [0-9a-f-]{36} --all shows them all\./);

    const all = await sesame(['status', 'bo@x.com', '--all', ...org, '--json']);
    expect(all.code, all.stderr).toBe(0);
    const json = all.json<{ invitations: { invitation: { id: string; status: string } }[]; others: unknown[] }>();
    expect(json.invitations.map((s) => s.invitation.status)).toEqual(['REVOKED', 'AWAITING_APPROVAL']);
    expect(json.invitations[0]?.invitation.id).toBe(firstBo);
    expect(json.others).toEqual([]);

    const allText = await sesame(['status', 'bo@x.com', '--all', ...org]);
    expectInOrder(allText.stdout, [
      'Invitation to bo@x.com: revoked',
      'Revoked by',
      'Invitation to bo@x.com: awaiting approval',
    ]);
  });

  it('refuses an unknown address, and a member who does not manage invitations', async () => {
    const unknown = await sesame(['status', 'nobody@x.com', ...org]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No invitation matches nobody@x.com.');

    const manager = await sesame(['status', 'ana@x.com', ...org, '--as', 'manager@x.com', '--json']);
    expect(manager.code).toBe(1);
    expect(manager.json()).toMatchObject({ error: { code: 'permission.list_invitations', kind: 'forbidden' } });

    const usage = await sesame(['status', ...org]);
    expect(usage.code).toBe(2);
  });
});
