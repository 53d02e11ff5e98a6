// Issue 12, items 13, 15 and 16 on Slack's replies: a retried slash command is answered once; what
// a user typed is echoed cut to a size with "…" and a count, and every reply stays within Slack's
// limits; user-provided text (what was typed, an organization's name) is shown, never read as
// mrkdwn (<!here> would ping the channel, <http://x|label> would disguise a link).
import { randomUUID } from 'node:crypto';
import type { KnownBlock } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seatsMessage } from '../../src/slack/blocks/seats.js';
import { fitSlackMessage, SLACK_LIMITS } from '../../src/slack/limits.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { sendSlashCommand } from '../support/slack-requests.js';
import { command, linkedWorkspace, SIGNING_SECRET, type SlackHarness, startSlack } from './support.js';

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

const HOSTILE = ['<!here>', '<!channel>', '<http://evil.example|your bank>', '<@U0BOSS>', '&lt;!here&gt;'];

/** True when the text holds one of Slack's control sequences: a mention, a broadcast or a link. */
const hasMarkup = (text: string) => /<[!@#]|<https?:/.test(text);

function expectWithinLimits(args: Record<string, unknown>) {
  expect(String(args.text ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.text);
  const blocks = (args.blocks ?? []) as KnownBlock[];
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  for (const block of blocks) {
    if (block.type === 'section' && block.text) {
      expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    }
  }
}

describe('a retried slash command (X-Slack-Retry-Num)', () => {
  it('is answered once: the retry of a delivery already received is acked and not run again', async () => {
    const w = await linkedWorkspace(t, h);
    const triggerId = `${Date.now()}.${randomUUID()}`;
    const first = await command(h, w.teamId, w.ownerUser, 'retried@example.com', { triggerId });
    expect(first.status).toBe(200);
    expect(JSON.stringify((await first.answer()).args)).toContain('invited');

    // Slack resends the very same command (same trigger_id and response_url) with a retry number.
    const retry = await sendSlashCommand(
      h.endpoint,
      SIGNING_SECRET,
      {
        text: 'retried@example.com',
        userId: w.ownerUser.userId,
        teamId: w.teamId,
        responseUrl: first.responseUrl,
        triggerId,
      },
      { retryNum: 1 },
    );
    expect(retry.status).toBe(200);
    await expect
      .poll(() => h.logs.some((line) => line.includes('Slack command retry ignored')), { timeout: 10_000 })
      .toBe(true);
    const path = new URL(first.responseUrl).pathname;
    const answers = h.fake.callsTo('response_url').filter((c) => c.args.responseUrlPath === path);
    expect(answers).toHaveLength(1);
    expect(await t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(1);
  });

  it('still runs a retry whose first delivery never arrived (another trigger)', async () => {
    const w = await linkedWorkspace(t, h);
    const sent = await command(h, w.teamId, w.ownerUser, 'help', { retryNum: 2 });
    expect(JSON.stringify((await sent.answer()).args)).toContain('/invite');
  });
});

describe('what a user typed, echoed back', () => {
  it('a 1 MB command text is cut with "…" and a count, and the reply stays within Slack limits', async () => {
    const w = await linkedWorkspace(t, h);
    const typed = `zz${'y'.repeat(1024 * 1024)}`;
    const sent = await command(h, w.teamId, w.ownerUser, typed);
    const { args } = await sent.answer();
    expectWithinLimits(args);
    const text = String(args.text);
    expect(text).toContain(`zz${'y'.repeat(198)}… (${(typed.length - 200).toString()} more characters)`);
    expect(text.length).toBeLessThan(5_000);
  });

  it('in French, the count is said in French', async () => {
    const w = await linkedWorkspace(t, h, { slackLocale: 'fr-FR', locale: 'fr' });
    const sent = await command(h, w.teamId, w.ownerUser, 'q'.repeat(250));
    expect(String((await sent.answer()).args.text)).toContain('… (50 caractères de plus)');
  });

  it.each(HOSTILE)('%s typed after /invite is shown, not read as markup', async (hostile) => {
    const w = await linkedWorkspace(t, h);
    const sent = await command(h, w.teamId, w.ownerUser, hostile);
    const { args } = await sent.answer();
    expect(hasMarkup(String(args.text))).toBe(false);
    expect(JSON.stringify(args.blocks ?? null)).not.toMatch(/<[!@]|<https?:/);
  });
});

describe('organization names and refusals', () => {
  it("an organization's name in a refusal is escaped (already linked)", async () => {
    const w = await linkedWorkspace(t, h);
    await t.prisma.organization.update({
      where: { id: w.organization.id },
      data: { name: '<!channel> <http://evil.example|Acme>' },
    });
    const sent = await command(h, w.teamId, w.ownerUser, 'link ABCDEF');
    const text = String((await sent.answer()).args.text);
    expect(text).toContain('&lt;!channel&gt;');
    expect(hasMarkup(text)).toBe(false);
  });

  it("the seats message escapes the organization's name in its text fallback too", async () => {
    const w = await linkedWorkspace(t, h);
    const organization = { ...w.organization, name: '<!here> & co' };
    const message = seatsMessage(
      {
        used: 1,
        limit: 5,
        remaining: 4,
        members: 1,
        pending: 0,
        awaitingApproval: 0,
        openSeatRequests: 0,
        external: { limit: 0, used: 0, members: 0, pending: 0, awaitingApproval: 0 },
        byUserType: {},
      },
      organization,
      'en',
      null,
    );
    expect(message.text).toContain('&lt;!here&gt; &amp; co');
    expect(hasMarkup(JSON.stringify(message))).toBe(false);
  });
});

describe('fitSlackMessage', () => {
  it('keeps any message within 40,000 characters, 50 blocks and 3,000 per section, saying what was cut', () => {
    const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
    const fitted = fitSlackMessage({
      text: 'a'.repeat(50_000),
      blocks: Array.from({ length: 80 }, (_, i) => section(`${i} ${'b'.repeat(5_000)}`)),
    });
    expectWithinLimits(fitted as unknown as Record<string, unknown>);
    expect(fitted.text.endsWith('…')).toBe(true);
    expect(JSON.stringify(fitted.blocks?.at(-1))).toContain('… (+31)');
  });

  it('never cuts an escaped character in half', () => {
    const fitted = fitSlackMessage({ text: `${'a'.repeat(SLACK_LIMITS.text - 3)}&lt;!here&gt;` });
    expect(fitted.text).toMatch(/a…$/);
  });
});
