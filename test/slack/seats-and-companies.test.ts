// `/invite seats` and the App Home tab with the external seats apart and how members join (issues
// 15 and 16), and `/invite companies`: the partner companies' tree with its marks, names shown as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCompany } from '../../src/companies/add-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { invite } from '../../src/invitations/invite.js';
import { addMember } from '../../src/members/add-member.js';
import { updateOrganizationSetting } from '../../src/organizations/update-setting.js';
import type { Actor } from '../../src/permissions/actor.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { sendEvent } from '../support/slack-requests.js';
import { command, linkedWorkspace, messageText, SIGNING_SECRET, type SlackHarness, startSlack } from './support.js';

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

/** Groupe JLO secured, 3 external seats: one external member and one external invitation. */
async function externalSeatsInUse(owner: Actor) {
  await addCompany(t.prisma, owner, { name: 'Groupe JLO' });
  await addCompany(t.prisma, owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
  await setCompanySecured(t.prisma, owner, 'Groupe JLO', true);
  await updateOrganizationSetting(t.prisma, owner, 'external-seats', '3');
  const password = 'Vq7-Lm2x-Rt9z';
  await addMember(t.prisma, owner, {
    email: 'paul@jlo.example',
    firstName: 'Paul',
    lastName: 'Roy',
    password,
    company: 'JLO PARIS',
  });
  await invite(t.prisma, owner, { emails: ['lea@jlo.example'], company: 'Groupe JLO' });
}

const withProvider = (organizationId: string, label: string) =>
  t.prisma.identityProvider.create({
    data: { organizationId, issuer: 'https://login.acme.example', clientId: 'sesame', clientSecret: {}, label },
  });

describe('/invite seats', () => {
  it('shows the external seats apart, and that members join with the enterprise login or a password', async () => {
    const w = await linkedWorkspace(t, h, { seats: 10 });
    await externalSeatsInUse(w.owner);
    await withProvider(w.organization.id, '<!here> SSO');
    const sent = await command(h, w.teamId, w.ownerUser, 'seats');
    const text = messageText((await sent.answer()).args);
    // The plan's seats count only the owner: the external people are on their own limit.
    expect(text).toContain('1 of 10 used');
    expect(text).toContain('*External seats* (people of partner companies)\\n2 of 3 used · 1 remaining');
    expect(text).toContain('1 external members · 1 pending invitations · 0 awaiting approval');
    expect(text).toContain('Members join with &lt;!here&gt; SSO or a password.');
    expect(text).not.toContain('<!here>');
  });

  it('in French', async () => {
    const w = await linkedWorkspace(t, h, { slackLocale: 'fr-FR' });
    await externalSeatsInUse(w.owner);
    const sent = await command(h, w.teamId, w.ownerUser, 'places');
    const text = messageText((await sent.answer()).args);
    expect(text).toContain('*Places externes* (personnes des sociétés partenaires)\\n2 sur 3 utilisées · 1 restantes');
    expect(text).toContain('Les membres rejoignent avec un mot de passe.');
  });

  it('shows no external seats while none are open or used, and that members join with a password', async () => {
    const w = await linkedWorkspace(t, h);
    const text = messageText((await (await command(h, w.teamId, w.ownerUser, 'seats')).answer()).args);
    expect(text).not.toContain('External seats');
    expect(text).toContain('Members join with a password.');
  });
});

describe('the App Home tab', () => {
  it('shows the external seats apart and how members join', async () => {
    const w = await linkedWorkspace(t, h, { seats: 10 });
    await externalSeatsInUse(w.owner);
    await withProvider(w.organization.id, 'Acme SSO');
    await t.prisma.identityProvider.update({
      where: { organizationId: w.organization.id },
      data: { joinMode: 'ENTERPRISE' },
    });
    await sendEvent(h.endpoint, SIGNING_SECRET, {
      token: 'unused',
      team_id: w.teamId,
      api_app_id: 'A0SESAME',
      type: 'event_callback',
      event_id: `Ev${Date.now()}`,
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_home_opened', user: w.ownerUser.userId, channel: 'D0HOME', tab: 'home', event_ts: '1.0' },
    });
    const published = await h.fake.waitFor('views.publish', (a) => a.user_id === w.ownerUser.userId);
    const text = messageText(published.args);
    expect(text).toContain('2 of 3 used · 1 remaining');
    expect(text).toContain('Members join with Acme SSO (enterprise login).');
  });
});

describe('/invite companies', () => {
  it('draws the tree with its secured, covered and not secured marks, names escaped', async () => {
    const w = await linkedWorkspace(t, h);
    await addCompany(t.prisma, w.owner, { name: 'Groupe JLO' });
    await addCompany(t.prisma, w.owner, { name: 'JLO PARIS', parent: 'Groupe JLO' });
    await addCompany(t.prisma, w.owner, { name: '<!channel> & Co' });
    await setCompanySecured(t.prisma, w.owner, 'Groupe JLO', true);
    const text = String((await (await command(h, w.teamId, w.ownerUser, 'companies')).answer()).args.text);
    expect(text).toContain('*Partner companies* (3)');
    expect(text).toContain('🔒 Groupe JLO');
    expect(text).toContain('✅ JLO PARIS');
    expect(text).toContain('⚠️ &lt;!channel&gt; &amp; Co');
    expect(text).not.toContain('<!channel>');
    expect(text.indexOf('🔒 Groupe JLO')).toBeLessThan(text.indexOf('✅ JLO PARIS'));
    expect(text).toContain('not secured: its people cannot be invited');
  });

  it('says how to add the first one, in French', async () => {
    const w = await linkedWorkspace(t, h, { slackLocale: 'fr-FR' });
    const text = String((await (await command(h, w.teamId, w.ownerUser, 'sociétés')).answer()).args.text);
    expect(text).toContain('Aucune société partenaire');
  });

  it('is refused to a member who may not invite', async () => {
    const w = await linkedWorkspace(t, h);
    const viewer = await w.member('viewer.companies@acme.example', 'viewer');
    const text = messageText((await (await command(h, w.teamId, viewer, 'companies')).answer()).args);
    expect(text).not.toContain('Partner companies');
    expect(text).toMatch(/administrator|owner/);
  });
});
