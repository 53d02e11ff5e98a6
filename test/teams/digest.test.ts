// The digest in Teams: the card posted once per period in the managers' channel (validated by
// Microsoft's validators, under 28 KB), and its buttons: "Resend the expiring ones" asks first and
// then resends under the cooldown, "Show pending" answers with the pending list, Approve with the
// seat request's own card.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postDueDigests } from '../../src/digest/post-due-digests.js';
import { invite } from '../../src/invitations/invite.js';
import { createLogger } from '../../src/log/logger.js';
import { deliverNotifications } from '../../src/notifications/deliver-notifications.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { digestCard } from '../../src/teams/cards/digest-card.js';
import { createTeamsNotifier } from '../../src/teams/notify/teams-notifier.js';
import { adaptiveCardProblems, MAX_CARD_BYTES, utf16Bytes } from '../support/card-validation.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { adaptiveCardActionInvoke, messageActivity } from '../support/teams-requests.js';
import { checkCardsAfterEach, linkedTenant, post, startTeams, type TeamsHarness } from './support.js';

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

const deliver = () =>
  deliverNotifications(t.prisma, {
    notifiers: [createTeamsNotifier({ db: t.prisma, api: h.service.app.api })],
    log: createLogger('silent'),
  });

describe('the Teams digest', { timeout: 60_000 }, () => {
  it('is posted once in the managers channel, and its buttons resend, show pending and lead to the seat card', async () => {
    const w = await linkedTenant(t, h, { seats: 3 });
    await post(
      h,
      messageActivity({ text: 'settings', user: w.ownerUser, conversation: w.channel, serviceUrl: h.fake.url }),
    );
    const made = await invite(t.prisma, w.owner, { emails: ['p1@x.com', 'p2@x.com', 'h1@x.com', 'h2@x.com'] });
    const [p1] = made.results.map((r) => r.invitationId ?? '');
    await t.prisma.invitation.update({
      where: { id: p1 },
      data: { expiresAt: new Date(Date.now() + 3_600_000), lastSentAt: new Date(Date.now() - 3 * 86_400_000) },
    });
    await updateOrganizationSetting(t.prisma, w.owner, 'digest', 'daily');
    await t.prisma.organization.update({
      where: { id: w.organization.id },
      data: { nextDigestAt: new Date(Date.now() - 1000) },
    });
    await postDueDigests(t.prisma);
    await deliver();
    await deliver();
    const digests = h.fake.calls.filter(
      (c) =>
        c.method === 'POST' &&
        c.conversationId === w.channel.id &&
        JSON.stringify(c.body).includes('digest_resend_ask'),
    );
    expect(digests).toHaveLength(1);
    const posted = JSON.stringify(digests[0]?.body);
    expect(posted).toContain('2 pending invitations, 1 expiring within 48 hours');
    expect(posted).toContain('2 held for approval, 1 seat request waiting');

    const click = async (verb: string, data: Record<string, unknown> = {}) => {
      const res = await post(
        h,
        adaptiveCardActionInvoke({ verb, data, user: w.ownerUser, conversation: w.channel, serviceUrl: h.fake.url }),
      );
      expect(res.status).toBe(200);
      return JSON.stringify(res.json);
    };
    const ask = await click('digest_resend_ask');
    expect(ask).toContain('Resend the 1 invitation expiring within 48 hours');
    expect(ask).toContain('digest_resend_expiring');
    expect(await click('digest_resend_expiring')).toContain('1 invitation resent');
    // Clicked again: the resent one no longer expires soon.
    expect(await click('digest_resend_expiring')).toContain('No pending invitation expires within 48 hours');
    expect(await click('digest_show')).toContain('Invitations digest');

    const pending = await click('pending_page', { list: { status: ['PENDING'], page: 1 } });
    expect(pending).toContain('p1@x.com');

    const card = await click('digest_seat_request', { id: made.seatRequestId });
    expect(card).toContain('seat_approve');
    expect(card).toContain('h1@x.com');
    expect(await click('digest_seat_request', { id: randomUUID() })).toContain('decided or withdrawn');
  });

  it('stays valid and under 28 KB with many seat requests and hostile names', () => {
    const card = digestCard(
      {
        organizationId: randomUUID(),
        organizationName: '**Acme** [click](https://evil.example)',
        timezone: 'Europe/Paris',
        since: new Date(),
        now: new Date(),
        pending: 3,
        expiringSoon: 2,
        accepted: 1,
        bounced: 1,
        held: 90,
        seatRequests: Array.from({ length: 60 }, (_, i) => ({
          id: randomUUID(),
          kind: i % 2 ? ('external' as const) : ('internal' as const),
          seatsRequested: 2,
          requestedBy: `person${i}@x.com`,
          createdAt: new Date(),
        })),
        seats: { internal: { used: 5, limit: 5, remaining: 0 }, external: { used: 1, limit: 2, remaining: 1 } },
      },
      'fr',
    );
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(utf16Bytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(JSON.stringify(card)).not.toContain('[click](https');
  });
});
