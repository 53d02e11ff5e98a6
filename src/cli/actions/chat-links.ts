// The work of `sesame slack ...` and `sesame teams ...`.
import type { Command } from 'commander';
import type { ChatPlatform } from '../../chat/platform.js';
import { linkedWorkspaces } from '../../chat/workspaces/find-workspace.js';
import { createLinkCode } from '../../chat/workspaces/link-codes.js';
import { setManagersChannel } from '../../chat/workspaces/managers-channel.js';
import { type Env, slackMode } from '../../config/env.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { assertOwner } from '../../permissions/policy.js';
import { formatDate, table } from '../output.js';
import { runAsMember } from '../session.js';

interface PlatformTexts {
  code: (code: string, expires: string) => string;
  none: string;
  headers: string[];
}

const texts: Record<ChatPlatform, Record<Locale, PlatformTexts>> = {
  slack: {
    en: {
      code: (code, expires) =>
        `Link code: ${code} (valid once, until ${expires}).\nIn the Slack workspace to link, an admin types: /invite link ${code}`,
      none: 'No Slack workspace is linked yet: `sesame slack link` prints a code to link one.',
      headers: ['team id', "managers' channel", 'linked by', 'linked'],
    },
    fr: {
      code: (code, expires) =>
        `Code de liaison : ${code} (valable une fois, jusqu'au ${expires}).\nDans l'espace de travail Slack à lier, un administrateur tape : /invite link ${code}`,
      none: 'Aucun espace de travail Slack lié : `sesame slack link` affiche un code pour en lier un.',
      headers: ['équipe', 'canal des responsables', 'lié par', 'lié le'],
    },
  },
  teams: {
    en: {
      code: (code, expires) =>
        `Link code: ${code} (valid once, until ${expires}).\nIn Microsoft Teams, send the Sesame bot: link ${code}`,
      none: 'No Teams tenant is linked yet: `sesame teams link` prints a code to link one.',
      headers: ['tenant id', "managers' channel", 'linked by', 'linked'],
    },
    fr: {
      code: (code, expires) =>
        `Code de liaison : ${code} (valable une fois, jusqu'au ${expires}).\nDans Microsoft Teams, envoyez au bot Sesame : link ${code}`,
      none: 'Aucun locataire Teams lié : `sesame teams link` affiche un code pour en lier un.',
      headers: ['locataire', 'canal des responsables', 'lié par', 'lié le'],
    },
  },
};

const channelSet = {
  en: (channel: string) => `Seat requests will be posted in Slack channel ${channel}.`,
  fr: (channel: string) => `Les demandes de places seront publiées dans le canal Slack ${channel}.`,
};

export function printLinkCode(platform: ChatPlatform, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const { code, expiresAt } = await createLinkCode(db, actor, { platform });
    if (out.json) return out.result({ code, expiresAt });
    out.line(texts[platform][locale].code(code, formatDate(expiresAt)));
  });
}

export function listWorkspaces(platform: ChatPlatform, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const rows = await linkedWorkspaces(db, actor, platform);
    if (out.json) return out.result({ workspaces: rows.map(({ managersChannelRef: _ref, ...row }) => row) });
    const words = texts[platform][locale];
    if (rows.length === 0) return out.line(words.none);
    out.line(
      table(
        words.headers,
        rows.map((r) => [r.externalId, r.managersChannelId ?? '-', r.linkedByEmail ?? '-', formatDate(r.linkedAt)]),
      ),
    );
  });
}

export function setSlackChannel(channel: string, options: { workspace?: string }, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, env, actor, out, locale }) => {
    const rows = (await linkedWorkspaces(db, actor, 'slack')).filter(
      (w) => !options.workspace || w.externalId === options.workspace,
    );
    const [workspace] = rows;
    if (!workspace || rows.length > 1) {
      throw new AppError('chat.not_linked', {}, rows.length === 0 ? 'not_found' : 'invalid');
    }
    const channelId = channel.trim();
    // A Slack channel id (C... public, G... private); anything else is never sent to Slack or echoed.
    if (!/^[CG][A-Z0-9]{2,20}$/.test(channelId)) {
      throw new AppError('org.setting_invalid', { key: 'channel', expected: 'C0123ABCD' }, 'invalid');
    }
    assertOwner(actor); // before asking Slack anything on behalf of someone who may not choose
    await assertSlackBotCanPost(db, env, workspace.externalId, channelId);
    await setManagersChannel(db, actor, { platform: 'slack', externalId: workspace.externalId }, channelId);
    if (out.json) return out.result({ workspace: workspace.externalId, managersChannelId: channelId });
    out.line(channelSet[locale](channelId));
  });
}

/** The bot must be able to post in the channel before it is saved (see src/slack/channel-check.ts). */
async function assertSlackBotCanPost(db: Db, env: Env, teamId: string, channelId: string): Promise<void> {
  // Loaded here only: the other chat commands need neither Slack's SDK nor the secret box.
  const [{ assertBotCanPostWithToken }, { botTokenFor }, { createSecretBox }] = await Promise.all([
    import('../../slack/channel-check.js'),
    import('../../slack/bot-token.js'),
    import('../../security/secret-box.js'),
  ]);
  const token = await botTokenFor(db, teamId, {
    botToken: slackMode(env) === 'single' ? env.SLACK_BOT_TOKEN : undefined,
    secretBox: env.TOKEN_ENCRYPTION_KEY ? createSecretBox(env.TOKEN_ENCRYPTION_KEY) : undefined,
  });
  await assertBotCanPostWithToken({ token, channelId, slackApiUrl: env.SLACK_API_URL });
}
