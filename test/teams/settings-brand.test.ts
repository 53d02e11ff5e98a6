// `settings` in Teams shows the organization's current brand (issue 18): what invitees see, who
// the e-mails come from, where new members sign in; values escaped for Teams markdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBrand } from '../../src/organizations/brand.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { messageActivity } from '../support/teams-requests.js';
import { checkCardsAfterEach, linkedTenant, post, sentTo, startTeams, type TeamsHarness } from './support.js';

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

describe('Teams settings', () => {
  it('shows the current brand, in a channel and in a personal chat', async () => {
    const w = await linkedTenant(t, h);
    await setBrand(t.prisma, w.owner, { displayName: 'Acme *Corp*', color: '#1d4ed8' });
    const inChannel = h.fake.calls.length;
    await post(
      h,
      messageActivity({ text: 'settings', user: w.ownerUser, conversation: w.channel, serviceUrl: h.fake.url }),
    );
    const channelText = sentTo(h, w.channel.id, inChannel).join('\n');
    expect(channelText).toContain('receives the seat requests');
    expect(channelText).toContain('What invitees see');
    expect(channelText).toContain('Acme \\\\*Corp\\\\*');
    expect(channelText).toContain('#1d4ed8');

    const personal = h.fake.calls.length;
    await post(
      h,
      messageActivity({
        text: 'settings',
        user: w.ownerUser,
        conversation: w.ownerUser.personal,
        serviceUrl: h.fake.url,
      }),
    );
    expect(sentTo(h, w.ownerUser.personal.id, personal).join('\n')).toContain('What invitees see');
  });
});
