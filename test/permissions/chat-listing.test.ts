// The pending list in Slack and Teams is refused to a plain member (issue 12, item 18): the domain
// refuses, and each channel shows the refusal that names what was refused, not a list of addresses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invite } from '../../src/invitations/invite.js';
import {
  command,
  linkedWorkspace,
  messageText,
  type SlackHarness,
  type SlackPerson,
  startSlack,
} from '../slack/support.js';
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
} from '../teams/support.js';

let t: TestDatabase;
let slack: SlackHarness;
let teams: TeamsHarness;
beforeAll(async () => {
  t = await createTestDatabase();
  slack = await startSlack(t);
  teams = await startTeams(t);
});
checkCardsAfterEach(() => teams);
afterAll(async () => {
  await slack?.close();
  await teams?.close();
  await t?.close();
});

describe('/invite pending in Slack', () => {
  it('lists to the owner and refuses a plain member, in English and French', async () => {
    const w = await linkedWorkspace(t, slack);
    await invite(t.prisma, w.owner, { emails: ['secret.invitee@example.com'] });
    const pendingFor = async (user: SlackPerson) =>
      messageText((await (await command(slack, w.teamId, user, 'pending')).answer()).args);
    expect(await pendingFor(w.ownerUser)).toContain('secret.invitee@example.com');
    const plain = await w.member('plain.slack@acme.example', 'viewer');
    const refused = await pendingFor(plain);
    expect(refused).toContain('may not list invitations: only owners and administrators may.');
    expect(refused).not.toContain('secret.invitee@example.com');
    const french = await w.member('plain.slack.fr@acme.example', 'viewer', false, 'fr-FR');
    expect(await pendingFor(french)).toContain('ne peut pas consulter les invitations\u00a0:');
  });
});

describe('pending in Teams', () => {
  async function say(person: TeamsPerson, text: string): Promise<string> {
    const from = teams.fake.calls.length;
    const res = await post(
      teams,
      messageActivity({ text, user: person, conversation: person.personal, serviceUrl: teams.fake.url }),
    );
    expect(res.status).toBe(200);
    return sentTo(teams, person.personal.id, from).join('\n');
  }

  it('lists to the owner and refuses a plain member', async () => {
    const w = await linkedTenant(t, teams);
    await invite(t.prisma, w.owner, { emails: ['teams.secret@example.com'] });
    expect(await say(w.ownerUser, 'pending')).toContain('teams.secret@example.com');
    const plain = await w.member('plain.teams@acme.example', 'viewer');
    const refused = await say(plain, 'pending');
    expect(refused).toContain('may not list invitations: only owners and administrators may.');
    expect(refused).not.toContain('teams.secret@example.com');
  });
});
