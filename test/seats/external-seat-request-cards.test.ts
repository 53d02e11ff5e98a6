// The seat request cards (Slack and Teams) and the decision's direct message say when a request is
// for external seats, and show the companies of the held people: a few names, escaped, then how
// many more (issue 16, item 4).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatTexts } from '../../src/chat/rendering/texts.js';
import { addCompany } from '../../src/companies/add-company.js';
import { coveredCompany } from '../../src/companies/external-company.js';
import { setCompanySecured } from '../../src/companies/secure-company.js';
import { invite } from '../../src/invitations/invite.js';
import { type NewInvitation, writeInvitations } from '../../src/invitations/write-invitations.js';
import { createLogger } from '../../src/log/logger.js';
import { deliverNotifications } from '../../src/notifications/deliver-notifications.js';
import { decideSeatRequest } from '../../src/seats/decide-seat-request.js';
import { seatRequestDetails } from '../../src/seats/seat-request-details.js';
import { seatRequestCard as slackCard } from '../../src/slack/blocks/seat-request-card.js';
import { createSlackNotifier } from '../../src/slack/notify/slack-notifier.js';
import { seatRequestCard as teamsCard } from '../../src/teams/cards/seat-request-card.js';
import { memberActor, newOrganization } from '../domain/fixtures.js';
import { adaptiveCardProblems } from '../support/card-validation.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';

let t: TestDatabase;
let fake: FakeSlack;
beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake?.close();
  await t?.close();
});

const HOSTILE = '<!channel> *urgent* [your bank](evil.example)';

async function details(orgId: string, requestId: string) {
  const found = await seatRequestDetails(t.prisma, orgId, requestId);
  if (!found) throw new Error('no such request');
  return found;
}

describe('a request for external seats', () => {
  it('says so on both cards, with the companies of the held people: a few, escaped, then how many more', async () => {
    const { owner } = await newOrganization(t.prisma, { seats: 10 });
    const names = [HOSTILE, ...Array.from({ length: 11 }, (_, i) => `Partner ${String(i + 1).padStart(2, '0')}`)];
    for (const name of names) {
      await addCompany(t.prisma, owner, { name });
      await setCompanySecured(t.prisma, owner, name, true);
    }
    // No external seat: every one of the 12 people (one per company) is held.
    const rows: NewInvitation[] = [];
    for (const [i, name] of names.entries()) {
      rows.push({
        email: `guest${i}@partner.example`,
        firstName: '',
        lastName: '',
        username: null,
        role: 'viewer',
        userType: 'creator',
        groups: [],
        message: null,
        mustUseEmail: true,
        company: await coveredCompany(t.prisma, owner.organization.id, name),
      });
    }
    const written = await t.prisma.$transaction((tx) => writeInvitations(tx, { actor: owner, rows }));
    const d = await details(owner.organization.id, written.seatRequestId ?? '');
    expect(d).toMatchObject({ kind: 'external', seats: 12, limitBefore: 0, limitAfter: 12, companyCount: 12 });
    expect(d.companies).toHaveLength(10);
    expect(d.companies[0]).toBe(HOSTILE);

    const slack = JSON.stringify(slackCard(d, 'en'));
    expect(slack).toContain('asks for 12 extra external seats in');
    expect(slack).toContain('External seats: 0 → 12');
    expect(slack).toContain('Approving adds 12 external seats (apart from the plan');
    expect(slack).toContain('Add 12 external seats (12 in all)?');
    expect(slack).toContain('*Companies*');
    expect(slack).toContain('Partner 09, and 2 more');
    expect(slack).not.toMatch(/<!channel>/);
    expect(slack).toContain('&lt;!channel&gt;');

    const teams = teamsCard(d, 'fr');
    expect(adaptiveCardProblems(teams)).toEqual([]);
    const said = JSON.stringify(teams);
    expect(said).toContain('demande 12 places externes supplémentaires pour');
    expect(said).toContain('Places externes : 0 → 12');
    expect(said).toContain('Sociétés');
    expect(said).toContain('Partner 09, et 2 autres');
    expect(said).not.toContain('[your bank](evil.example)');
    expect(said).toContain('\\\\[your bank\\\\]');

    // Once approved, the cards say what the organization now has.
    await decideSeatRequest(t.prisma, owner, { requestId: d.request.id, decision: 'approve' });
    const approved = await details(owner.organization.id, d.request.id);
    expect(JSON.stringify(slackCard(approved, 'en'))).toContain('the organization now has 12 external seats.');
    expect(JSON.stringify(teamsCard(approved, 'fr'))).toContain("l'organisation compte désormais 12 places externes.");
  });

  it('is told to the requester as a request for external seats, and an internal one as before', async () => {
    const { organization, owner } = await newOrganization(t.prisma, { seats: 10 });
    await addCompany(t.prisma, owner, { name: 'Acme' });
    await setCompanySecured(t.prisma, owner, 'Acme', true);
    const teamId = `T${randomUUID().slice(0, 8).toUpperCase()}`;
    await t.prisma.chatWorkspace.create({
      data: { platform: 'slack', externalId: teamId, organizationId: organization.id, managersChannelId: 'CMGR' },
    });
    const ownerSlackId = `U${randomUUID().slice(0, 10).toUpperCase()}`;
    fake.addUser({ id: ownerSlackId, teamId, email: owner.member.email, locale: 'en-US' });
    const notifier = createSlackNotifier({ db: t.prisma, botToken: fake.botToken, slackApiUrl: fake.apiUrl });
    const deliver = () => deliverNotifications(t.prisma, { notifiers: [notifier], log: createLogger('silent') });

    const held = await invite(t.prisma, owner, { emails: ['ana@acme.example'], company: 'Acme' });
    await deliver();
    const managerEmail = `manager.${randomUUID().slice(0, 8)}@example.org`;
    const manager = await memberActor(t.prisma, owner, { email: managerEmail, manager: true });
    await decideSeatRequest(t.prisma, manager, { requestId: held.seatRequestId ?? '', decision: 'approve' });
    const from = fake.calls.length;
    await deliver();
    const dms = fake.calls
      .slice(from)
      .filter((c) => c.method === 'chat.postMessage' && c.args.channel === ownerSlackId)
      .map((c) => c.args.text);
    const en = chatTexts('en');
    expect(dms).toEqual([en.decisionDm(true, 1, managerEmail, null, 'external')]);
    expect(dms[0]).toContain('Your request for 1 external seat was approved');
    expect(en.decisionDm(false, 2, managerEmail, 'No budget', 'internal')).toContain(
      'Your request for 2 seats was denied',
    );
    expect(chatTexts('fr').decisionDm(false, 2, managerEmail, 'Pas de budget', 'external')).toContain(
      'Votre demande de 2 places externes a été refusée',
    );
  });
});
