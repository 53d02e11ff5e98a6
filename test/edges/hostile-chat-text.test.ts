// Issue 12, item 13: user-provided text is shown, never read as markup, in every Slack and Teams
// message builder. A manager's deny reason, an organization's name, names and addresses are made
// hostile: Slack's control sequences (<!here> pings everyone, <http://x|label> disguises a link,
// <@U...> mentions) and Teams Markdown (a [label](url) link, **bold**, an <at> mention).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { decideSeatRequest } from '../../src/seats/decide-seat-request.js';
import { seatRequestDetails } from '../../src/seats/seat-request-details.js';
import { passwordView } from '../../src/slack/blocks/add-member-modal.js';
import { seatRequestCard as slackSeatCard } from '../../src/slack/blocks/seat-request-card.js';
import { errorText } from '../../src/slack/reply.js';
import { passwordDialog } from '../../src/teams/cards/add-member-dialog.js';
import { seatRequestCard as teamsSeatCard } from '../../src/teams/cards/seat-request-card.js';
import { teamsErrorText } from '../../src/teams/reply.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const SLACK_HOSTILE = '<!here> <!channel> <http://evil.example|your bank> <@U0BOSS>';
const TEAMS_HOSTILE = '[your bank](http://evil.example) **urgent** <at>Boss</at>';
const HOSTILE = `${SLACK_HOSTILE} ${TEAMS_HOSTILE}`;

/** Slack's control sequences: a broadcast, a mention, a channel or a link. */
const slackMarkup = /<[!@#]|<https?:/;
/** Teams Markdown that was not escaped: a link, bold from a user, a tag. */
const teamsMarkup = /(?<!\\)\[[^\]]*(?<!\\)\]\(|(?<!\\)\*\*urgent|(?<!\\)<at>/;

const log = createLogger('error', () => {});
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

async function deniedRequest() {
  const { organization, owner } = await newOrganization(t.prisma, { seats: 1 });
  await t.prisma.organization.update({ where: { id: organization.id }, data: { name: HOSTILE.slice(0, 100) } });
  const made = await invite(t.prisma, owner, { emails: ['held.one@example.com', 'held.two@example.com'] });
  const requestId = made.seatRequestId as string;
  await decideSeatRequest(t.prisma, owner, { requestId, decision: 'deny', reason: HOSTILE });
  const details = await seatRequestDetails(t.prisma, organization.id, requestId);
  if (!details) throw new Error('no seat request');
  return details;
}

describe('hostile text in the message builders', () => {
  it("the seat request card (Slack and Teams) shows a deny reason and an organization's name as typed", async () => {
    const details = await deniedRequest();
    expect(details.request.reason).toBe(HOSTILE);
    const slack = JSON.stringify(slackSeatCard(details, 'en'));
    expect(slack).toContain('&lt;!here&gt;');
    expect(slack).not.toMatch(slackMarkup);
    const teams = JSON.stringify(teamsSeatCard(details, 'en'));
    expect(teams).toContain('\\\\[your bank\\\\](http://evil.example)');
    expect(
      JSON.parse(teams)
        .body.map((b: { text?: string }) => b.text ?? '')
        .join('\n'),
    ).not.toMatch(teamsMarkup);
  });

  it('a refusal naming an organization (Slack and Teams) escapes the name', () => {
    const error = new AppError('chat.already_linked', { organization: HOSTILE }, 'conflict');
    const slack = errorText(error, 'en', log, 'test');
    expect(slack).not.toMatch(slackMarkup);
    expect(slack).toContain('&lt;http://evil.example|your bank&gt;');
    const teams = teamsErrorText(error, 'fr', log, 'test');
    expect(teams).not.toMatch(teamsMarkup);
  });

  it('the password views (Slack and Teams) show a hostile name as typed', () => {
    const shown = { name: HOSTILE, email: 'odd@example.com', username: 'odd', password: 'abcde-fghij-klmn' };
    const slack = JSON.stringify(passwordView('en', { kind: 'add', ...shown }));
    expect(slack).not.toMatch(slackMarkup);
    const teams = passwordDialog('en', 'add', shown);
    const texts = JSON.stringify(teams.card);
    expect(texts).not.toMatch(teamsMarkup);
  });
});
