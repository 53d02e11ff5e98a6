// The App Home tab: drawn on app_home_opened (an Events API callback, retried by Slack when slow),
// with the seats and the admin's buttons, which open the same forms as /invite.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invite } from '../../src/invitations/invite.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { blockActionPayload, sendEvent } from '../support/slack-requests.js';
import { interaction, linkedWorkspace, messageText, SIGNING_SECRET, type SlackHarness, startSlack } from './support.js';

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

const homeOpened = (teamId: string, userId: string, retryNum?: number) =>
  sendEvent(
    h.endpoint,
    SIGNING_SECRET,
    {
      token: 'unused',
      team_id: teamId,
      api_app_id: 'A0SESAME',
      type: 'event_callback',
      event_id: `Ev${randomUUID().slice(0, 8)}`,
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'app_home_opened',
        user: userId,
        channel: 'D0HOME',
        tab: 'home',
        event_ts: `${Date.now() / 1000}`,
      },
    },
    retryNum === undefined ? {} : { retryNum },
  );

describe('App Home', () => {
  it('shows the seats and the buttons to an administrator, the same again on a retry', async () => {
    const w = await linkedWorkspace(t, h, { seats: 5 });
    await invite(t.prisma, w.owner, { emails: ['home1@example.com'] });
    expect((await homeOpened(w.teamId, w.ownerUser.userId)).status).toBe(200);
    const published = await h.fake.waitFor('views.publish', (a) => a.user_id === w.ownerUser.userId);
    const text = messageText(published.args);
    expect(text).toContain('2 of 5 used');
    expect(text).toContain('home_invite');
    expect(text).toContain('home_add_member');
    expect((await homeOpened(w.teamId, w.ownerUser.userId, 1)).status).toBe(200);
    await expect
      .poll(() => h.fake.callsTo('views.publish').filter((c) => c.args.user_id === w.ownerUser.userId).length)
      .toBe(2);
  });

  it('shows no buttons to a member who may not invite, and the link instructions to an unlinked workspace', async () => {
    const w = await linkedWorkspace(t, h);
    const viewer = await w.member('home.viewer@acme.example', 'viewer');
    await homeOpened(w.teamId, viewer.userId);
    const published = await h.fake.waitFor('views.publish', (a) => a.user_id === viewer.userId);
    expect(messageText(published.args)).not.toContain('home_invite');
    const teamId = `T${randomUUID().slice(0, 8).toUpperCase()}`;
    h.fake.addUser({ id: 'UHOMELESS', teamId, email: 'someone@homeless.example' });
    await homeOpened(teamId, 'UHOMELESS');
    const unlinked = await h.fake.waitFor('views.publish', (a) => a.user_id === 'UHOMELESS');
    expect(messageText(unlinked.args)).toContain('/invite link');
  });

  it.each([
    ['home_invite', 'invite_submit'],
    ['home_add_member', 'add_member_submit'],
  ])('opens the form from the Home button %s', async (actionId, callbackId) => {
    const w = await linkedWorkspace(t, h);
    const triggerId = `trigger-${randomUUID()}`;
    await interaction(
      h,
      blockActionPayload({
        userId: w.ownerUser.userId,
        teamId: w.teamId,
        actionId,
        triggerId,
        view: { type: 'home' },
      }),
    );
    const opened = await h.fake.waitFor('views.open', (a) => a.trigger_id === triggerId);
    expect((opened.args.view as { callback_id: string }).callback_id).toBe(callbackId);
  });
});
