// `/invite settings` shows the organization's current brand (issue 18) beside the managers'
// channel: what invitees see, who the e-mails come from, where new members sign in; values escaped.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBrand } from '../../src/organizations/brand.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { blockKitProblems } from './block-kit-limits.js';
import { command, linkedWorkspace, type SlackHarness, startSlack } from './support.js';

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

describe('/invite settings', () => {
  it('shows the current brand in the settings modal, escaped', async () => {
    const w = await linkedWorkspace(t, h);
    await setBrand(t.prisma, w.owner, { displayName: 'Acme <!here>', color: '#1d4ed8' });
    await updateOrganizationSetting(t.prisma, w.owner, 'sign-in-url', 'https://app.acme.example/login');
    const triggerId = `${Date.now()}.${randomUUID().slice(0, 6)}`;
    await command(h, w.teamId, w.ownerUser, 'settings', { triggerId });
    const opened = await h.fake.waitFor('views.open', (args) => args.trigger_id === triggerId);
    expect(blockKitProblems(opened.args.view)).toEqual([]);
    const text = JSON.stringify(opened.args.view);
    expect(text).toContain('What invitees see');
    expect(text).toContain('Acme &lt;!here&gt;');
    expect(text).not.toContain('<!here>');
    expect(text).toContain('#1d4ed8');
    expect(text).toContain('https://app.acme.example/login');
  });
});
