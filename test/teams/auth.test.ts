// Teams with authentication ON: every activity's token is checked against Bot Framework's keys
// (here a local identity provider with its own key pair); missing, forged and expired tokens get 401.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowConsoleError } from '../support/console-error.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { BOT_TOKEN } from '../support/fake-teams.js';
import { adaptiveCardActionInvoke, messageActivity } from '../support/teams-requests.js';
import { checkCardsAfterEach, linkedTenant, post, sentTo, startTeams, type TeamsHarness } from './support.js';

const appId = randomUUID();
let t: TestDatabase;
let h: TeamsHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  h = await startTeams(t, (fake) => fake.authConfig(appId, fake.tenantId));
});
checkCardsAfterEach(() => h);
afterAll(async () => {
  await h?.close();
  await t?.close();
});

describe('Teams authentication', () => {
  it('answers an activity signed by the channel, and replies with the bot’s own token', async () => {
    const w = await linkedTenant(t, h, { seats: 5 });
    const token = h.fake.channelToken({ appId, serviceUrl: h.fake.url });
    const from = h.fake.calls.length;
    const activity = messageActivity({
      text: 'seats',
      user: w.ownerUser,
      conversation: w.ownerUser.personal,
      serviceUrl: h.fake.url,
    });
    expect((await post(h, activity, `Bearer ${token}`)).status).toBe(200);
    expect(sentTo(h, w.ownerUser.personal.id, from).join()).toContain('1 of 5 used');
    const reply = h.fake.calls.slice(from).find((c) => c.conversationId === w.ownerUser.personal.id);
    expect(reply?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    const invoke = adaptiveCardActionInvoke({
      verb: 'pending_page',
      data: { list: { page: 1 } },
      user: w.ownerUser,
      conversation: w.ownerUser.personal,
      serviceUrl: h.fake.url,
    });
    const card = await post(h, invoke, `Bearer ${token}`);
    expect(card.status).toBe(200);
    expect(JSON.stringify(card.json)).toContain('application/vnd.microsoft.card.adaptive');
  });

  it('answers 401 to missing, forged, expired and foreign tokens, and does nothing', async () => {
    allowConsoleError(); // refused tokens are logged (through Sesame's logger; console.error stays allowed)
    const w = await linkedTenant(t, h);
    const activity = messageActivity({
      text: 'invite forged@example.com',
      user: w.ownerUser,
      conversation: w.ownerUser.personal,
      serviceUrl: h.fake.url,
    });
    const from = h.fake.calls.length;
    expect((await post(h, activity)).status).toBe(401);
    expect(
      (await post(h, activity, `Bearer ${h.fake.channelToken({ appId, serviceUrl: h.fake.url, key: 'other' })}`))
        .status,
    ).toBe(401);
    expect(
      (
        await post(
          h,
          activity,
          `Bearer ${h.fake.channelToken({ appId, serviceUrl: h.fake.url, expiresInSeconds: -600 })}`,
        )
      ).status,
    ).toBe(401);
    expect(
      (await post(h, activity, `Bearer ${h.fake.channelToken({ appId: randomUUID(), serviceUrl: h.fake.url })}`))
        .status,
    ).toBe(401);
    expect(sentTo(h, w.ownerUser.personal.id, from)).toEqual([]);
    expect(await t.prisma.invitation.count({ where: { organizationId: w.organization.id } })).toBe(0);
  });
});

describe('Teams logs', () => {
  it('keep tokens, activities and message texts out, at debug level too', async () => {
    const w = await linkedTenant(t, h);
    const text = 'invite secret.words.in.a.message@example.com';
    const activity = messageActivity({
      text,
      user: w.ownerUser,
      conversation: w.ownerUser.personal,
      serviceUrl: h.fake.url,
    });
    const token = h.fake.channelToken({ appId, serviceUrl: h.fake.url });
    const forged = h.fake.channelToken({ appId, serviceUrl: h.fake.url, key: 'other' });
    const from = h.logs.length;
    expect((await post(h, activity, `Bearer ${token}`)).status).toBe(200);
    expect((await post(h, activity, `Bearer ${forged}`)).status).toBe(401);
    const logged = h.logs.slice(from).join('\n');
    // The SDK did log (its debug lines, the refused token): through Sesame's logger, scrubbed.
    expect(logged).toContain('JWT');
    for (const secret of [token, forged, BOT_TOKEN, 'secret.words.in.a.message', w.ownerUser.aadObjectId]) {
      expect(logged).not.toContain(secret);
    }
    expect(logged).not.toMatch(/eyJ[\w-]+\./);
  });
});

describe('Teams requests', () => {
  it('answers 400 to a body that is not an activity, before anything else', async () => {
    for (const body of ['{}', 'not json', '[]', JSON.stringify({ type: 'message' })]) {
      const res = await fetch(h.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(400);
    }
  });
});
