// `status <e-mail|id>` to the Teams bot: an invitation's story as a card that Microsoft's
// validators accept (checkCardsAfterEach), with what SendGrid and people wrote escaped for Teams'
// Markdown; end to end through the real bot.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordEmailEvents } from '../../src/email/events/record-email-events.js';
import { invitationTimeline } from '../../src/invitations/invitation-timeline.js';
import { invite } from '../../src/invitations/invite.js';
import type { TimelineStep } from '../../src/invitations/timeline-steps.js';
import { timelineCard } from '../../src/teams/cards/timeline-card.js';
import { newOrganization } from '../domain/fixtures.js';
import { fullStory, webhookReceiver } from '../invitations/timeline-story.js';
import { adaptiveCardProblems, MAX_CARD_BYTES, utf16Bytes } from '../support/card-validation.js';
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
} from './support.js';

let t: TestDatabase;
let h: TeamsHarness;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
beforeAll(async () => {
  t = await createTestDatabase();
  h = await startTeams(t);
  receiver = await webhookReceiver();
});
checkCardsAfterEach(() => h);
afterAll(async () => {
  await receiver?.close();
  await h?.close();
  await t?.close();
});

const cardText = (card: unknown) => JSON.stringify(card);

const inOrder = (text: string, parts: string[]) => {
  const at = parts.map((part) => text.indexOf(part));
  expect(
    at.every((i) => i >= 0),
    `${parts.join(' / ')} in ${text}`,
  ).toBe(true);
  expect(at).toEqual([...at].sort((a, b) => a - b));
};

async function say(person: TeamsPerson, text: string): Promise<string> {
  const from = h.fake.calls.length;
  const res = await post(
    h,
    messageActivity({ text, user: person, conversation: person.personal, serviceUrl: h.fake.url }),
  );
  expect(res.status).toBe(200);
  return sentTo(h, person.personal.id, from).join('\n');
}

describe('the timeline card', () => {
  it('tells every step in order, in English and in French, and passes the validators', async () => {
    const story = await fullStory(t.prisma, receiver.url);
    const timeline = await invitationTimeline(t.prisma, story.owner, 'ana@x.com');
    const english = timelineCard(timeline, 'en');
    expect(adaptiveCardProblems(english)).toEqual([]);
    const owner = story.owner.member.email;
    inOrder(cardText(english), [
      '**Invitation to ana@x.com: accepted**',
      `Invited by ${owner} (CLI)`,
      'Held for approval',
      'Seats approved by manager@x.com (Slack)',
      'E-mailed: the invitation',
      'Delivered to the mailbox (SendGrid)',
      `Reminder asked by ${owner} (CLI)`,
      `Resent by ${owner} (CLI)`,
      'Accepted by ana@x.com (web page)',
    ]);
    const french = timelineCard(timeline, 'fr');
    expect(adaptiveCardProblems(french)).toEqual([]);
    // Teams' French spacing: a non-breaking space before the colon.
    inOrder(cardText(french), ['**Invitation à ana@x.com\u00a0: acceptée**', 'Invitée par', 'Places approuvées par']);
  });

  it('escapes what SendGrid wrote, and stays under the size Teams takes with a long story', async () => {
    const { owner } = await newOrganization(t.prisma);
    const id = (await invite(t.prisma, owner, { emails: ['cy_lee@x.com'] })).results[0]?.invitationId ?? '';
    await recordEmailEvents(t.prisma, [
      {
        sg_event_id: `bounce-${randomUUID()}`,
        event: 'bounce',
        timestamp: Math.floor(Date.now() / 1000),
        invitation_id: id,
        outbox_id: undefined,
        reason: '550 **no** [click](http://evil.example) <at>all</at>',
      },
    ]);
    const timeline = await invitationTimeline(t.prisma, owner, 'cy_lee@x.com');
    const shown = cardText(timelineCard(timeline, 'en'));
    expect(shown).toContain('cy\\\\_lee@x.com');
    expect(shown).toContain(
      '550 \\\\*\\\\*no\\\\*\\\\* \\\\[click\\\\](http://evil.example) \\\\<at\\\\>all\\\\</at\\\\>',
    );

    const [story] = timeline.stories;
    if (!story) throw new Error('no story');
    const hook: TimelineStep = {
      kind: 'webhook',
      at: new Date(),
      event: 'member.enrolled',
      endpoint: `${'very-long-host-name.'.repeat(10)}example`,
      state: 'failed',
      attempts: 10,
    };
    const long = { ...timeline, stories: [{ ...story, steps: [...story.steps, ...Array(200).fill(hook)] }] };
    const card = timelineCard(long, 'fr');
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(utf16Bytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(cardText(card)).toMatch(/et \d+ étapes de plus/);
  });
});

describe('status, typed to the bot', () => {
  it('answers the story to administrators, within the tenant’s organization', async () => {
    const w = await linkedTenant(t, h);
    await invite(t.prisma, w.owner, { emails: ['dee@x.com'] });
    const answer = await say(w.ownerUser, 'status dee@x.com');
    expect(answer).toContain('Invitation to dee@x.com: pending');
    expect(answer).toContain(`Invited by ${w.owner.member.email} (CLI)`);

    const { owner: stranger } = await newOrganization(t.prisma);
    await invite(t.prisma, stranger, { emails: ['eve@x.com'] });
    // Another organization's invitation is not found (the French verb works too).
    expect(await say(w.ownerUser, 'statut eve@x.com')).toContain('No invitation matches eve@x.com.');

    const viewer = await w.member('teams.viewer@x.com', 'viewer');
    expect(await say(viewer, 'status dee@x.com')).toContain('may not list invitations');
    expect(await say(w.ownerUser, 'help')).toContain('status <e-mail|id>');
  });
});
