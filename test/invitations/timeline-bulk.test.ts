// The pending list's bulk actions write one audit row for all the invitations they act on (the
// count and the ids in its data). An invitation's story (issue 19) reads that row for it, by the
// ids, and tells "resent in bulk" or "revoked in bulk" with who did it and how many others, in
// English and French, in Slack, Teams and the CLI alike; a run that did not take the invitation is
// not in its story.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locale.js';
import { bulkResendExpired } from '../../src/invitations/bulk-resend-expired.js';
import { bulkRevokeStale } from '../../src/invitations/bulk-revoke-stale.js';
import { expireDueInvitations } from '../../src/invitations/expire.js';
import { invitationTimeline, type TimelineStep } from '../../src/invitations/invitation-timeline.js';
import { invite } from '../../src/invitations/invite.js';
import { revokeInvitation } from '../../src/invitations/revoke.js';
import type { Actor } from '../../src/permissions/actor.js';
import { timelineMessage } from '../../src/slack/blocks/timeline.js';
import { timelineCard } from '../../src/teams/cards/timeline-card.js';
import { type Cli, cliFor } from '../cli/run-cli.js';
import { newOrganization } from '../domain/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
let sesame: Cli;
beforeAll(async () => {
  t = await createTestDatabase();
  sesame = await cliFor({ DATABASE_URL: t.url });
});
afterAll(async () => {
  await sesame?.cleanup();
  await t?.close();
});

/** Invites `emails`, then moves their dates back `days` (as if invited and e-mailed then). */
async function invitedDaysAgo(owner: Actor, emails: string[], days: number): Promise<string[]> {
  const ids = (await invite(t.prisma, owner, { emails })).results.map((r) => r.invitationId ?? '');
  await t.prisma.$executeRawUnsafe(
    `UPDATE invitation SET created_at = created_at - make_interval(days => $2),
            last_sent_at = last_sent_at - make_interval(days => $2), expires_at = expires_at - make_interval(days => $2)
      WHERE id = ANY($1::uuid[])`,
    ids,
    days,
  );
  return ids;
}

const stepsOf = async (owner: Actor, ref: string): Promise<TimelineStep[]> =>
  (await invitationTimeline(t.prisma, owner, ref)).stories[0]?.steps ?? [];

const bulkSteps = (steps: TimelineStep[]) => steps.filter((s) => s.kind === 'resent' || s.kind === 'revoked');

/** The story as each channel shows it: the Slack message, the Teams card and the CLI's output. */
async function shownEverywhere(owner: Actor, ref: string, locale: Locale): Promise<Record<string, string>> {
  const timeline = await invitationTimeline(t.prisma, owner, ref);
  const cli = await sesame(['status', ref, '--org', owner.organization.name, '--lang', locale]);
  expect(cli.code, cli.stderr).toBe(0);
  return {
    slack: JSON.stringify(timelineMessage(timeline, locale)),
    teams: JSON.stringify(timelineCard(timeline, locale)),
    cli: cli.stdout,
  };
}

describe('bulk actions in an invitation’s story', { timeout: 120_000 }, () => {
  it('tells a bulk revoke, by whom and from where; not in the story of an invitation it left', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 10 });
    const [ana] = await invitedDaysAgo(owner, ['ana@x.com', 'bo@x.com', 'cy@x.com'], 40);
    const [dee] = await invitedDaysAgo(owner, ['dee@x.com'], 5);
    const fromSlack: Actor = { ...owner, channel: 'slack' };
    expect((await bulkRevokeStale(t.prisma, fromSlack, { days: 30 })).count).toBe(3);
    await revokeInvitation(t.prisma, owner, dee ?? '');

    const who = { email: owner.member.email, channel: 'slack' };
    expect(bulkSteps(await stepsOf(owner, ana ?? ''))).toEqual([
      { kind: 'revoked', at: expect.any(Date), by: who, bulk: { others: 2 } },
    ]);
    // Dee was not in the run: her story tells her own revoke only, a single one.
    const deeSteps = bulkSteps(await stepsOf(owner, dee ?? ''));
    expect(deeSteps).toEqual([
      { kind: 'revoked', at: expect.any(Date), by: { email: owner.member.email, channel: 'cli' } },
    ]);

    const english = await shownEverywhere(owner, ana ?? '', 'en');
    const french = await shownEverywhere(owner, ana ?? '', 'fr');
    for (const channel of ['slack', 'teams', 'cli']) {
      expect(english[channel], channel).toContain(`Revoked in bulk by ${owner.member.email} (Slack)`);
      expect(french[channel], channel).toContain(`Révoquée en masse par ${owner.member.email} (Slack)`);
    }
    const deeShown = await shownEverywhere(owner, dee ?? '', 'en');
    expect(deeShown.cli).toContain(`Revoked by ${owner.member.email} (CLI)`);
    expect(deeShown.cli).not.toContain('in bulk');
  });

  it('tells a bulk resend with the others it took, and each run of several only where it acted', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 10 });
    const [eve] = await invitedDaysAgo(owner, ['eve@x.com', 'fay@x.com', 'gus@x.com'], 16);
    const [hal] = await invitedDaysAgo(owner, ['hal@x.com'], 20);
    await expireDueInvitations(t.prisma);
    // A first run over the last 5 days takes Eve, Fay and Gus (expired 2 days ago), not Hal (6 days ago).
    const fromTeams: Actor = { ...owner, channel: 'teams' };
    expect((await bulkResendExpired(t.prisma, fromTeams, { days: 5 })).count).toBe(3);
    expect((await bulkResendExpired(t.prisma, owner, { days: 30 })).count).toBe(1);

    const eveSteps = await stepsOf(owner, eve ?? '');
    expect(bulkSteps(eveSteps)).toEqual([
      {
        kind: 'resent',
        at: expect.any(Date),
        by: { email: owner.member.email, channel: 'teams' },
        bulk: { others: 2 },
      },
    ]);
    // After its expiry, and before the e-mail it sent.
    const kinds = eveSteps.map((s) => (s.kind === 'emailed' ? `emailed:${s.reason}` : s.kind));
    expect(kinds.indexOf('expired')).toBeLessThan(kinds.indexOf('resent'));
    expect(kinds.indexOf('resent')).toBeLessThan(kinds.indexOf('emailed:resend'));
    // Hal was brought back alone, by the second run.
    expect(bulkSteps(await stepsOf(owner, hal ?? ''))).toEqual([
      { kind: 'resent', at: expect.any(Date), by: { email: owner.member.email, channel: 'cli' }, bulk: { others: 0 } },
    ]);

    const english = await shownEverywhere(owner, eve ?? '', 'en');
    const french = await shownEverywhere(owner, eve ?? '', 'fr');
    for (const channel of ['slack', 'teams', 'cli']) {
      expect(english[channel], channel).toContain(`Resent in bulk by ${owner.member.email} (Teams) (with 2 others)`);
      expect(french[channel], channel).toContain(`Renvoyée en masse par ${owner.member.email} (Teams) (avec 2 autres)`);
    }
    const halShown = await shownEverywhere(owner, hal ?? '', 'en');
    expect(halShown.cli).toContain(`Resent in bulk by ${owner.member.email} (CLI), with a new link`);
  });
});
