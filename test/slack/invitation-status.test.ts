// `/invite status <e-mail|id>`: an invitation's story in Slack, within Block Kit's limits, with
// what SendGrid and people wrote escaped; end to end through the real Bolt app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChatCommand } from '../../src/chat/command-text.js';
import { recordEmailEvents } from '../../src/email/events/record-email-events.js';
import { invitationTimeline } from '../../src/invitations/invitation-timeline.js';
import { invite } from '../../src/invitations/invite.js';
import type { TimelineStep } from '../../src/invitations/timeline-steps.js';
import { timelineMessage } from '../../src/slack/blocks/timeline.js';
import { SLACK_LIMITS } from '../../src/slack/limits.js';
import { newOrganization } from '../domain/fixtures.js';
import { fullStory, webhookReceiver } from '../invitations/timeline-story.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { blockKitProblems } from './block-kit-limits.js';
import { command, linkedWorkspace, messageText, type SlackHarness, startSlack } from './support.js';

let t: TestDatabase;
let h: SlackHarness;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
beforeAll(async () => {
  t = await createTestDatabase();
  h = await startSlack(t);
  receiver = await webhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await h?.close();
  await t?.close();
});

/** A message's blocks checked against Block Kit's rules (as a modal's, whose limits include a message's) and its own. */
function blockProblems(message: { blocks?: unknown[] }): string[] {
  const blocks = message.blocks ?? [];
  const problems = blockKitProblems({ type: 'modal', title: { type: 'plain_text', text: 'Status' }, blocks });
  if (blocks.length > SLACK_LIMITS.blocks) problems.push(`${blocks.length} > ${SLACK_LIMITS.blocks} blocks`);
  return problems;
}

const inOrder = (text: string, parts: string[]) => {
  const at = parts.map((part) => text.indexOf(part));
  expect(
    at.every((i) => i >= 0),
    `${parts.join(' / ')} in ${text}`,
  ).toBe(true);
  expect(at).toEqual([...at].sort((a, b) => a - b));
};

describe('the status command', () => {
  it('is parsed in English and French, and asks for one address or id', () => {
    expect(parseChatCommand('status <mailto:ana@x.com|ana@x.com>')).toEqual({ kind: 'status', ref: 'ana@x.com' });
    expect(parseChatCommand('statut ana@x.com')).toEqual({ kind: 'status', ref: 'ana@x.com' });
    expect(parseChatCommand('status')).toEqual({ kind: 'usage', problem: 'status <e-mail|id>' });
  });
});

describe('the timeline in Slack', () => {
  it('tells every step in order, in English and in French, within Block Kit limits', async () => {
    const story = await fullStory(t.prisma, receiver.url);
    const timeline = await invitationTimeline(t.prisma, story.owner, story.invitationId);
    const english = timelineMessage(timeline, 'en');
    expect(blockProblems(english)).toEqual([]);
    const owner = story.owner.member.email;
    inOrder(messageText(english as never), [
      '*Invitation to ana@x.com: accepted*',
      `Invited by ${owner} (CLI)`,
      'Held for approval',
      'Seats approved by manager@x.com (Slack)',
      'E-mailed: the invitation',
      'Delivered to the mailbox (SendGrid)',
      `Reminder asked by ${owner} (CLI)`,
      `Resent by ${owner} (CLI)`,
      'Accepted by ana@x.com (web page)',
    ]);
    expect(messageText(english as never)).toContain('Webhook `invitation.accepted` delivered to 127.0.0.1:');
    const french = messageText(timelineMessage(timeline, 'fr') as never);
    inOrder(french, ['*Invitation à ana@x.com : acceptée*', 'Invitée par', 'Places approuvées par manager@x.com']);
  });

  it('escapes what SendGrid and people wrote, and keeps a long story within the limits', async () => {
    const { owner } = await newOrganization(t.prisma);
    const id = (await invite(t.prisma, owner, { emails: ['cy@x.com'] })).results[0]?.invitationId ?? '';
    await recordEmailEvents(t.prisma, [
      {
        sg_event_id: `bounce-${id}`,
        event: 'bounce',
        timestamp: Math.floor(Date.now() / 1000),
        invitation_id: id,
        outbox_id: undefined,
        reason: '550 <!channel> *no* <http://evil.example|click>',
      },
    ]);
    const timeline = await invitationTimeline(t.prisma, owner, 'cy@x.com');
    const shown = messageText(timelineMessage(timeline, 'en') as never);
    expect(shown).toContain('Bounced: the mail server refused it (SendGrid): 550 &lt;!channel&gt;');
    expect(shown).not.toContain('<!channel>');
    expect(shown).not.toContain('<http://evil.example');

    // A story longer than a message shows: its first steps, and how to see the rest.
    const [story] = timeline.stories;
    if (!story) throw new Error('no story');
    const hook: TimelineStep = {
      kind: 'webhook',
      at: new Date(),
      event: 'invitation.created',
      endpoint: `${'very-long-host-name.'.repeat(10)}example`,
      state: 'pending',
      attempts: 3,
    };
    const long = { ...timeline, stories: [{ ...story, steps: [...story.steps, ...Array(200).fill(hook)] }] };
    const message = timelineMessage(long, 'en');
    expect(blockProblems(message)).toEqual([]);
    expect(messageText(message as never)).toMatch(/and \d+ more steps: `sesame status [0-9a-f-]{36}` shows them all/);
  });
});

describe('/invite status', () => {
  it('answers the story of an invitation of the workspace’s organization only, to administrators', async () => {
    const w = await linkedWorkspace(t, h);
    await invite(t.prisma, w.owner, { emails: ['dee@x.com'] });
    const answer = messageText((await (await command(h, w.teamId, w.ownerUser, 'status dee@x.com')).answer()).args);
    expect(answer).toContain('Invitation to dee@x.com: pending');
    expect(answer).toContain(`Invited by ${w.owner.member.email} (CLI)`);

    const { owner: stranger } = await newOrganization(t.prisma);
    const theirs = (await invite(t.prisma, stranger, { emails: ['eve@x.com'] })).results[0]?.invitationId ?? '';
    const notFound = messageText((await (await command(h, w.teamId, w.ownerUser, `status ${theirs}`)).answer()).args);
    expect(notFound).toContain(`No invitation matches ${theirs}.`);

    const viewer = await w.member('viewer@x.com', 'viewer', false, 'fr-FR');
    const refused = messageText((await (await command(h, w.teamId, viewer, 'statut dee@x.com')).answer()).args);
    expect(refused).toContain('ne peut pas consulter les invitations');

    const help = messageText((await (await command(h, w.teamId, w.ownerUser, 'help')).answer()).args);
    expect(help).toContain('`/invite status <e-mail|id>`: an invitation’s story');
  });
});
