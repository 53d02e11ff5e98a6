// Sesame's Teams bot served over real HTTP on a test database, a local fake of the Bot Connector
// (and of Bot Framework's identity provider), and people of a tenant linked to a fresh organization.
import { randomUUID } from 'node:crypto';
import { afterEach, expect } from 'vitest';
import type { Locale } from '../../src/i18n/locale.js';
import { createLogger } from '../../src/log/logger.js';
import { createTeamsService, type TeamsConfig, type TeamsService } from '../../src/teams/create-teams-app.js';
import { newOrganization } from '../domain/fixtures.js';
import { teamsPayloadProblems } from '../support/card-validation.js';
import type { TestDatabase } from '../support/database.js';
import { type FakeTeams, startFakeTeams } from '../support/fake-teams.js';
import { serveRoutes } from '../support/serve-routes.js';
import { sendActivity, type TeamsConversation, type TeamsFrom, type TeamsResponse } from '../support/teams-requests.js';

export interface TeamsHarness {
  endpoint: string;
  fake: FakeTeams;
  service: TeamsService;
  logs: string[];
  /** What the bot answered over HTTP (invokes: cards, dialogs), in order. */
  answers: unknown[];
  /** The problems Microsoft's validators find in what the bot sent and answered since the last call. */
  cardProblems(): string[];
  close(): Promise<void>;
}

export async function startTeams(
  t: TestDatabase,
  config: (fake: FakeTeams) => TeamsConfig = () => ({}),
  options: { importAnswerWithinMs?: number } = {},
): Promise<TeamsHarness> {
  const fake = await startFakeTeams();
  const logs: string[] = [];
  const log = createLogger('debug', (line) => logs.push(line));
  const service = createTeamsService({ config: config(fake), db: t.prisma, log, ...options });
  const server = await serveRoutes(t.prisma, log, service.routes);
  const answers: unknown[] = [];
  let [callsChecked, answersChecked] = [0, 0];
  return {
    endpoint: `${server.base}/api/messages`,
    fake,
    service,
    logs,
    answers,
    cardProblems() {
      const calls = fake.calls.slice(callsChecked).filter((c) => c.method === 'POST' || c.method === 'PUT');
      const answered = answers.slice(answersChecked);
      [callsChecked, answersChecked] = [fake.calls.length, answers.length];
      return [
        ...calls.flatMap((c) => teamsPayloadProblems(c.body, `${c.method} ${c.path}`)),
        ...answered.flatMap((a, i) => teamsPayloadProblems(a, `answer ${answersChecked - answered.length + i + 1}`)),
      ];
    },
    async close() {
      await server.close();
      await fake.close();
    },
  };
}

export interface TeamsPerson extends TeamsFrom {
  email: string;
  /** Their personal chat with the bot. */
  personal: TeamsConversation;
}

/** A tenant linked to a fresh organization whose owner is a Teams user. */
export async function linkedTenant(
  t: TestDatabase,
  h: TeamsHarness,
  options: { seats?: number; locale?: Locale } = {},
) {
  const { organization, owner } = await newOrganization(t.prisma, options);
  const tenantId = randomUUID();
  await t.prisma.chatWorkspace.create({
    data: { platform: 'teams', externalId: tenantId, organizationId: organization.id },
  });
  const person = (email: string): TeamsPerson => {
    const aadObjectId = randomUUID();
    const id = `29:${aadObjectId.replace(/-/g, '')}`;
    h.fake.addUser({ id, aadObjectId, name: email.split('@')[0], email, tenantId });
    return {
      id,
      aadObjectId,
      name: email,
      email,
      personal: { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId },
    };
  };
  const member = async (email: string, role: string, manager = false) => {
    await t.prisma.member.create({
      data: {
        organizationId: organization.id,
        email,
        username: email.replace(/[^a-z0-9._@]/g, '_'),
        role,
        userType: 'creator',
        isManager: manager,
      },
    });
    return person(email);
  };
  const channel: TeamsConversation = { id: `19:${randomUUID()}@thread.tacv2`, conversationType: 'channel', tenantId };
  return { organization, owner, tenantId, ownerUser: person(owner.member.email), person, member, channel };
}

export async function post(
  h: TeamsHarness,
  activity: Record<string, unknown>,
  authorization?: string,
): Promise<TeamsResponse> {
  const response = await sendActivity(h.endpoint, activity, { authorization });
  if (response.json !== undefined) h.answers.push(response.json);
  return response;
}

/**
 * After each test, every card the bot sent or answered in it goes through Microsoft's validators
 * (test/support/card-validation.ts): a test fails on any problem they find.
 */
export function checkCardsAfterEach(harness: () => TeamsHarness | undefined): void {
  afterEach(() => {
    const h = harness();
    if (h) expect(h.cardProblems()).toEqual([]);
  });
}

/** The texts of what the bot sent to a conversation since `from` calls (messages and cards). */
export function sentTo(h: TeamsHarness, conversationId: string, from = 0): string[] {
  return h.fake.calls
    .slice(from)
    .filter((c) => c.conversationId === conversationId && (c.method === 'POST' || c.method === 'PUT'))
    .map((c) => JSON.stringify(c.body));
}
