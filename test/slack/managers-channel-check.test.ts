// Choosing the managers' channel (issue 12, item 9): `/invite settings` and `sesame slack channel`
// save a channel only once Slack says the bot is in it and it is not archived; otherwise they
// refuse, in English or French, saying how to fix it (invite the bot with `/invite @Sesame`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/messages.js';
import { type Cli, cliFor } from '../cli/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { viewSubmissionPayload } from '../support/slack-requests.js';
import { interaction, linkedWorkspace, type SlackHarness, startSlack } from './support.js';

let t: TestDatabase;
let h: SlackHarness;
let sesame: Cli;
beforeAll(async () => {
  t = await createTestDatabase();
  h = await startSlack(t);
  sesame = await cliFor({ DATABASE_URL: t.url });
});
afterAll(async () => {
  await sesame?.cleanup();
  await h?.close();
  await t?.close();
});

const managersChannelOf = async (teamId: string) =>
  (await t.prisma.chatWorkspace.findFirstOrThrow({ where: { platform: 'slack', externalId: teamId } }))
    .managersChannelId;

describe('/invite settings', () => {
  const submit = (w: Awaited<ReturnType<typeof linkedWorkspace>>, channel: string, userId = w.ownerUser.userId) =>
    interaction(
      h,
      viewSubmissionPayload({
        userId,
        teamId: w.teamId,
        callbackId: 'settings_submit',
        values: { managers_channel: { value: { type: 'conversations_select', selected_conversation: channel } } },
      }),
    );

  it('refuses a channel the bot is not in, an archived one and an unknown one, saying how to fix it', async () => {
    const w = await linkedWorkspace(t, h);
    for (const [channel, cause] of [
      ['CNOTIN01', 'not_in_channel'],
      ['CARCHIVED', 'is_archived'],
      ['CMISSING', 'channel_not_found'],
    ] as const) {
      h.fake.refuseChannel(channel, cause);
      const res = await submit(w, channel);
      expect(res.status).toBe(200);
      const body = res.json as { response_action: string; errors: Record<string, string> };
      expect(body).toEqual({
        response_action: 'errors',
        errors: { managers_channel: translate('en', 'chat.channel_unusable', { channel, cause }) },
      });
      expect(body.errors.managers_channel).toContain('`/invite @Sesame`');
    }
    expect(await managersChannelOf(w.teamId)).toBeNull();
  });

  it('refuses in French to a French user', async () => {
    const w = await linkedWorkspace(t, h, { locale: 'fr', slackLocale: 'fr-FR' });
    h.fake.refuseChannel('CFRNOTIN', 'not_in_channel');
    const body = (await submit(w, 'CFRNOTIN')).json as { errors: Record<string, string> };
    expect(body.errors.managers_channel).toBe(
      translate('fr', 'chat.channel_unusable', { channel: 'CFRNOTIN', cause: 'not_in_channel' }),
    );
    expect(body.errors.managers_channel).toContain('invitez le bot');
  });

  it('answers in time, saving nothing, when Slack does not answer the check', async () => {
    const w = await linkedWorkspace(t, h);
    h.fake.hangNext('conversations.info');
    const res = await submit(w, 'CSLOWCHK');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { managers_channel: translate('en', 'chat.channel_check_slow', { channel: 'CSLOWCHK' }) },
    });
    expect(await managersChannelOf(w.teamId)).toBeNull();
  });

  it('saves a channel the bot is in', async () => {
    const w = await linkedWorkspace(t, h);
    const res = await submit(w, 'CGOODONE');
    expect(res.status).toBe(200);
    expect(await managersChannelOf(w.teamId)).toBe('CGOODONE');
    expect(h.fake.callsTo('conversations.info').some((c) => c.args.channel === 'CGOODONE')).toBe(true);
  });
});

describe('sesame slack channel', { timeout: 60_000 }, () => {
  const env = () => ({
    SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789abcdef',
    SLACK_BOT_TOKEN: h.fake.botToken,
    SLACK_API_URL: h.fake.apiUrl,
  });

  it('refuses a channel the bot is not in (exit 1, how to fix it), then saves one it is in', async () => {
    const w = await linkedWorkspace(t, h);
    const org = ['--org', w.organization.name, '--as', w.owner.member.email];
    h.fake.refuseChannel('CCLINOTIN', 'not_in_channel');
    const refused = await sesame(['slack', 'channel', 'CCLINOTIN', ...org], { env: env() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      translate('en', 'chat.channel_unusable', { channel: 'CCLINOTIN', cause: 'not_in_channel' }),
    );
    expect(await managersChannelOf(w.teamId)).toBeNull();

    const saved = await sesame(['slack', 'channel', 'CCLIGOOD', ...org], { env: env() });
    expect(saved.code, saved.stderr).toBe(0);
    expect(await managersChannelOf(w.teamId)).toBe('CCLIGOOD');
  });

  it('refuses, saving nothing, when it has no Slack token to check with', async () => {
    const w = await linkedWorkspace(t, h);
    const result = await sesame(['slack', 'channel', 'CNOTOKEN', '--org', w.organization.name, '--lang', 'fr']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(translate('fr', 'chat.channel_check_unavailable', {}));
    expect(await managersChannelOf(w.teamId)).toBeNull();
  });
});
