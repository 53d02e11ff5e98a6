// Issue 12, items 13 and 16 in Teams: what a person typed and Sesame did not understand is echoed
// cut to 200 characters with "…" and a count, and escaped (a [label](url) typed is no link).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { messageActivity } from '../support/teams-requests.js';
import {
  checkCardsAfterEach,
  linkedTenant,
  post,
  sentTo,
  startTeams,
  type TeamsHarness,
  type TeamsPerson,
} from '../teams/support.js';

let t: TestDatabase;
let h: TeamsHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  h = await startTeams(t);
});
checkCardsAfterEach(() => h);
afterAll(async () => {
  await h?.close();
  await t?.close();
});

async function say(person: TeamsPerson, text: string): Promise<string> {
  const from = h.fake.calls.length;
  const res = await post(
    h,
    messageActivity({ text, user: person, conversation: person.personal, serviceUrl: h.fake.url }),
  );
  expect(res.status).toBe(200);
  return sentTo(h, person.personal.id, from).join('\n');
}

describe('Teams echoes what it did not understand', () => {
  it('cut to 200 characters with "…" and the count of the rest', async () => {
    const w = await linkedTenant(t, h);
    const typed = `zz${'y'.repeat(300_000)}`;
    const answer = await say(w.ownerUser, typed);
    expect(answer).toContain(`zz${'y'.repeat(198)}… (${typed.length - 200} more characters)`);
    expect(answer.length).toBeLessThan(10_000);
  });

  it('escaped: a Markdown link or bold typed is shown as typed', async () => {
    const w = await linkedTenant(t, h);
    const answer = await say(w.ownerUser, '[bank](http://evil.example)');
    // The activities as sent, in JSON: each backslash of the escape is doubled there.
    expect(answer).toContain(String.raw`\\[bank\\](http://evil.example)`);
    expect(answer).not.toMatch(/(?<!\\)\[bank(?<!\\)\]\(/);
  });
});
