// Issue 12, item 13, its headline case: a manager's deny reason posted to the requester's direct
// message, through the notification job, as Slack and Teams receive it. The reason is hostile:
// Slack's control sequences (<!channel> pings everyone, <https://evil|x> disguises a link), an
// entity that must stay as typed (&amp;), Teams Markdown ([label](url), **bold**, <at> mentions)
// and HTML. It must reach the requester as text, never as markup.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { type ChatNotifier, deliverNotifications } from '../../src/notifications/deliver-notifications.js';
import type { Actor } from '../../src/permissions/actor.js';
import { decideSeatRequest } from '../../src/seats/decide-seat-request.js';
import { createSlackNotifier } from '../../src/slack/notify/slack-notifier.js';
import { createTeamsNotifier } from '../../src/teams/notify/teams-notifier.js';
import { memberActor } from '../domain/fixtures.js';
import { linkedWorkspace, type SlackHarness, startSlack } from '../slack/support.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { messageActivity } from '../support/teams-requests.js';
import { checkCardsAfterEach, linkedTenant, post, startTeams, type TeamsHarness } from '../teams/support.js';

const SLACK_HOSTILE = '<!channel> *bold* <https://evil.example|x> &amp; <@U0BOSS>';
const TEAMS_HOSTILE =
  '[your bank](http://evil.example) **urgent** <at>Boss</at> <b>loud</b> <img src=x onerror=alert(1)>';
const REASON = `${SLACK_HOSTILE} ${TEAMS_HOSTILE}`;

let t: TestDatabase;
let slack: SlackHarness;
let teams: TeamsHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  slack = await startSlack(t);
  teams = await startTeams(t);
});
checkCardsAfterEach(() => teams);
afterAll(async () => {
  await slack?.close();
  await teams?.close();
  await t?.close();
});

const deliverWith = (notifier: ChatNotifier) =>
  deliverNotifications(t.prisma, { notifiers: [notifier], log: createLogger('silent') });

/** The owner's request for seats (two held invitations), denied by a manager with the hostile reason. */
async function deniedWithHostileReason(owner: Actor, deliver: () => Promise<unknown>) {
  const made = await invite(t.prisma, owner, {
    emails: [`a.${randomUUID()}@example.com`, `b.${randomUUID()}@example.com`],
  });
  await deliver();
  const manager = await memberActor(t.prisma, owner, { email: `mgr.${randomUUID()}@example.com`, manager: true });
  await decideSeatRequest(t.prisma, manager, { requestId: made.seatRequestId ?? '', decision: 'deny', reason: REASON });
  await deliver();
}

describe("a manager's hostile deny reason in the requester's direct message", () => {
  it('Slack: shown as typed, with no broadcast, mention or disguised link', async () => {
    const w = await linkedWorkspace(t, slack, { seats: 1 });
    const notifier = createSlackNotifier({
      db: t.prisma,
      botToken: slack.fake.botToken,
      slackApiUrl: slack.fake.apiUrl,
    });
    await deniedWithHostileReason(w.owner, () => deliverWith(notifier));
    const dms = slack.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === w.ownerUser.userId && String(c.args.text).includes('denied'));
    expect(dms).toHaveLength(1);
    const dm = JSON.stringify([dms[0]?.args.text, dms[0]?.args.blocks ?? null]);
    // Slack reads <...> as a control sequence and decodes only &amp; &lt; &gt;: all three escaped.
    expect(dm).not.toMatch(/<[!@#]|<https?:/);
    expect(dm).toContain('&lt;!channel&gt;');
    expect(dm).toContain('&lt;https://evil.example|x&gt;');
    expect(dm).toContain('&amp;amp;');
    expect(dm).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('Teams: shown as typed, with no link, bold, mention or HTML', async () => {
    const w = await linkedTenant(t, teams, { seats: 1 });
    await post(
      teams,
      messageActivity({
        text: 'help',
        user: w.ownerUser,
        conversation: w.ownerUser.personal,
        serviceUrl: teams.fake.url,
      }),
    );
    const notifier = createTeamsNotifier({ db: t.prisma, api: teams.service.app.api });
    await deniedWithHostileReason(w.owner, () => deliverWith(notifier));
    const dms = teams.fake.calls.filter(
      (c) =>
        c.conversationId === w.ownerUser.personal.id &&
        c.method === 'POST' &&
        JSON.stringify(c.body).includes('denied'),
    );
    expect(dms).toHaveLength(1);
    const text = String((dms[0]?.body as { text?: unknown } | undefined)?.text);
    expect(text).toContain('was denied');
    // Every sign Markdown (or the HTML it lets through) reads is preceded by a backslash.
    expect(text).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
    expect(text).not.toMatch(/(?<!\\)\*\*urgent|(?<!\\)\*bold/);
    expect(text).not.toMatch(/(?<!\\)<(at|b|img|!channel|https)/);
    expect(text).toContain('\\[your bank\\](http://evil.example)');
    expect(text).toContain('\\<img src=x onerror=alert(1)\\>');
  });

  // CommonMark (Teams Markdown) reads `&amp;` as an entity, and escapeTeamsMarkdown leaves `&` alone: a
  // reason typed "&amp;" is shown "&" (no markup gets through, but the text is not as typed).
  it.todo('Teams: an entity the manager typed (&amp;) is shown as typed');
});
