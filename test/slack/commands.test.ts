// /invite over HTTP, signed as Slack signs it, against the real Bolt app served by Sesame.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { linkedWorkspace, messageText, type SlackHarness, startSlack, command } from './support.js';

let t: TestDatabase;
let h: SlackHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  h = await startSlack(t);
});
afterAll(async () => {
  await h?.close();
  await t?.close();
});

describe('/invite', () => {
  it('invites addresses typed after the command, with role and user type, and summarizes', async () => {
    const w = await linkedWorkspace(t, h);
    const sent = await command(h, w.teamId, w.ownerUser, 'ana@example.com <mailto:bo@example.com|bo@example.com> bad@ Publisher Creator');
    expect(sent.status).toBe(200);
    const answer = await sent.answer();
    expect(answer.args.response_type).toBe('ephemeral');
    const text = messageText(answer.args);
    expect(text).toContain('ana@example.com');
    expect(text).toContain('not a valid e-mail address');
    const rows = await t.prisma.invitation.findMany({ where: { organizationId: w.organization.id }, orderBy: { email: 'asc' } });
    expect(rows.map((r) => [r.email, r.role, r.userType])).toEqual([
      ['ana@example.com', 'publisher', 'creator'],
      ['bo@example.com', 'publisher', 'creator'],
    ]);
  });
});
