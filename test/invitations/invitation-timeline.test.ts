// An invitation's timeline (src/invitations/invitation-timeline.ts): every step in order with who
// and from where, read from the audit trail, SendGrid's events and the outbox; one organization's
// invitations only, for those who manage invitations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationTimeline, type TimelineStep } from '../../src/invitations/invitation-timeline.js';
import { invite } from '../../src/invitations/invite.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import { failure, memberActor, newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FullStory, fullStory, webhookReceiver } from './timeline-story.js';

let t: TestDatabase;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
let story: FullStory;
beforeAll(async () => {
  t = await createTestDatabase();
  receiver = await webhookReceiver();
  story = await fullStory(t.prisma, receiver.url);
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

/** A step in a few words, e.g. "created owner@…(cli)", "emailed:reminder". */
function summary(step: TimelineStep): string {
  const by = 'by' in step && step.by ? ` ${step.by.email ?? '?'}(${step.by.channel})` : '';
  if (step.kind === 'emailed') return `emailed:${step.reason}:${step.state}`;
  if (step.kind === 'webhook') return `webhook:${step.event}:${step.state}`;
  return `${step.kind}${by}`;
}

describe('invitation timeline', () => {
  it('tells every step of an invitation, in order, with who and from where', async () => {
    const { owner } = story;
    const ownerEmail = owner.member.email;
    const timeline = await invitationTimeline(t.prisma, owner, 'ana@x.com');
    expect(timeline.stories).toHaveLength(1);
    expect(timeline.others).toEqual([]);
    const [shown] = timeline.stories;
    expect(shown?.invitation).toMatchObject({ id: story.invitationId, email: 'ana@x.com', status: 'ACCEPTED' });
    const steps = shown?.steps ?? [];
    expect(steps.filter((s) => s.kind !== 'webhook').map(summary)).toEqual([
      `created ${ownerEmail}(cli)`,
      `held ${ownerEmail}(cli)`,
      'approved manager@x.com(slack)',
      'emailed:invite:sent',
      'delivered',
      `reminded ${ownerEmail}(cli)`,
      'emailed:reminder:sent',
      `resent ${ownerEmail}(cli)`,
      'emailed:resend:sent',
      'accepted ana@x.com(web)',
    ]);
    // In time order; SendGrid's event says whole seconds, so it may read up to a second early.
    const times = steps.filter((s) => s.kind !== 'delivered').map((s) => s.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const delivered = steps.findIndex((s) => s.kind === 'delivered');
    const sent = steps[delivered - 1]?.at.getTime() ?? 0;
    expect(steps[delivered]?.at.getTime()).toBeGreaterThan(sent - 1000);
    // The webhooks: each delivered once, at first try, after what they announce.
    const hooks = steps.filter((s) => s.kind === 'webhook');
    expect(hooks.map(summary).sort()).toEqual([
      'webhook:invitation.accepted:delivered',
      'webhook:invitation.created:delivered',
      'webhook:member.enrolled:delivered',
    ]);
    for (const hook of hooks)
      expect(hook).toMatchObject({ attempts: 1, endpoint: expect.stringMatching(/^127\.0\.0\.1:/) });
    const accepted = steps.findIndex((s) => s.kind === 'accepted');
    const acceptedHook = steps.findIndex((s) => s.kind === 'webhook' && s.event === 'invitation.accepted');
    expect(acceptedHook).toBeGreaterThan(accepted);
  });

  it('tells a revoked invitation, the latest of an address by default, and all of them when asked', async () => {
    const { owner } = await newOrganization(t.prisma);
    const first = (await invite(t.prisma, owner, { emails: ['bo@x.com'] })).results[0]?.invitationId ?? '';
    await revokeInvitation(t.prisma, owner, 'bo@x.com');
    const revoked = await invitationTimeline(t.prisma, owner, 'BO@x.com');
    expect(revoked.stories[0]?.steps.map(summary)).toEqual([
      `created ${owner.member.email}(cli)`,
      'emailed:invite:queued',
      `revoked ${owner.member.email}(cli)`,
    ]);

    const second = (await invite(t.prisma, owner, { emails: ['bo@x.com'] })).results[0]?.invitationId ?? '';
    const latest = await invitationTimeline(t.prisma, owner, 'bo@x.com');
    expect(latest.stories.map((s) => s.invitation.id)).toEqual([second]);
    expect(latest.others).toEqual([{ id: first, status: 'REVOKED', createdAt: expect.any(Date) }]);
    // By id, the one named; the other is still said.
    const byId = await invitationTimeline(t.prisma, owner, first);
    expect(byId.stories.map((s) => s.invitation.id)).toEqual([first]);
    expect(byId.others.map((o) => o.id)).toEqual([second]);
    // All of them, oldest first, so that the address's history reads top to bottom.
    const all = await invitationTimeline(t.prisma, owner, 'bo@x.com', { all: true });
    expect(all.stories.map((s) => s.invitation.id)).toEqual([first, second]);
    expect(all.others).toEqual([]);
  });

  it("says another organization's invitation is not found, by id or by address", async () => {
    const { owner: stranger } = await newOrganization(t.prisma);
    for (const ref of [story.invitationId, 'ana@x.com']) {
      const refused = await failure(invitationTimeline(t.prisma, stranger, ref));
      expect(refused).toMatchObject({ code: 'invitation.not_found', kind: 'not_found' });
    }
  });

  it('is refused to a member who does not manage invitations', async () => {
    const member = await memberActor(t.prisma, story.owner, { email: 'plain@x.com' });
    const refused = await failure(invitationTimeline(t.prisma, member, 'ana@x.com'));
    expect(refused).toMatchObject({ code: 'permission.list_invitations', kind: 'forbidden' });
    // A manager decides seat requests but does not manage invitations either.
    expect(await failure(invitationTimeline(t.prisma, story.manager, story.invitationId))).toMatchObject({
      code: 'permission.list_invitations',
    });
  });
});
