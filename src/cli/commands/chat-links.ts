// sesame slack link | slack workspaces | slack channel <channel id> [--workspace <team id>]
// sesame teams link | teams workspaces
import type { Command } from 'commander';
import { createLinkCode } from '../../chat/link-codes.js';
import { setManagersChannel } from '../../chat/managers-channel.js';
import { AppError } from '../../errors/app-error.js';
import { formatDate, table } from '../output.js';
import { runAsMember } from '../session.js';

const texts = {
  en: {
    code: (code: string, expires: string) =>
      `Link code: ${code} (valid once, until ${expires}).\nIn the Slack workspace to link, an admin types: /invite link ${code}`,
    none: 'No Slack workspace is linked yet: `sesame slack link` prints a code to link one.',
    headers: ['team id', "managers' channel", 'linked by', 'linked'],
    channelSet: (channel: string) => `Seat requests will be posted in Slack channel ${channel}.`,
  },
  fr: {
    code: (code: string, expires: string) =>
      `Code de liaison : ${code} (valable une fois, jusqu'au ${expires}).\nDans l'espace de travail Slack à lier, un administrateur tape : /invite link ${code}`,
    none: 'Aucun espace de travail Slack lié : `sesame slack link` affiche un code pour en lier un.',
    headers: ['équipe', 'canal des responsables', 'lié par', 'lié le'],
    channelSet: (channel: string) => `Les demandes de places seront publiées dans le canal Slack ${channel}.`,
  },
};

export function registerTeams(program: Command): void {
  const t = {
    en: {
      code: (code: string, expires: string) =>
        `Link code: ${code} (valid once, until ${expires}).\nIn Microsoft Teams, send the Sesame bot: link ${code}`,
      none: 'No Teams tenant is linked yet: `sesame teams link` prints a code to link one.',
      headers: ['tenant id', "managers' channel", 'linked by', 'linked'],
    },
    fr: {
      code: (code: string, expires: string) =>
        `Code de liaison : ${code} (valable une fois, jusqu'au ${expires}).\nDans Microsoft Teams, envoyez au bot Sesame : link ${code}`,
      none: 'Aucun locataire Teams lié : `sesame teams link` affiche un code pour en lier un.',
      headers: ['locataire', 'canal des responsables', 'lié par', 'lié le'],
    },
  };
  const teams = program.command('teams').description('link Microsoft Teams tenants to the organization (owners)');
  teams
    .command('link')
    .description('print a one-time code that links a Teams tenant to this organization (valid 24 h)')
    .action((_options: unknown, command: Command) =>
      runAsMember(command, async ({ db, actor, out, locale }) => {
        const { code, expiresAt } = await createLinkCode(db, actor, { platform: 'teams' });
        if (out.json) return out.result({ code, expiresAt });
        out.line(t[locale].code(code, formatDate(expiresAt)));
      }),
    );
  teams
    .command('workspaces')
    .description('the Teams tenants linked to this organization')
    .action((_options: unknown, command: Command) =>
      runAsMember(command, async ({ db, actor, out, locale }) => {
        const rows = await db.chatWorkspace.findMany({
          where: { organizationId: actor.organization.id, platform: 'teams' },
          orderBy: { linkedAt: 'asc' },
        });
        if (out.json) return out.result({ workspaces: rows.map(({ managersChannelRef: _ref, ...row }) => row) });
        if (rows.length === 0) return out.line(t[locale].none);
        out.line(
          table(
            t[locale].headers,
            rows.map((r) => [r.externalId, r.managersChannelId ?? '-', r.linkedByEmail ?? '-', formatDate(r.linkedAt)]),
          ),
        );
      }),
    );
}

export function registerSlack(program: Command): void {
  const slack = program.command('slack').description('link Slack workspaces to the organization (owners)');
  slack
    .command('link')
    .description('print a one-time code that links a Slack workspace to this organization (valid 24 h)')
    .action((_options: unknown, command: Command) =>
      runAsMember(command, async ({ db, actor, out, locale }) => {
        const { code, expiresAt } = await createLinkCode(db, actor, { platform: 'slack' });
        if (out.json) return out.result({ code, expiresAt });
        out.line(texts[locale].code(code, formatDate(expiresAt)));
      }),
    );
  slack
    .command('workspaces')
    .description('the Slack workspaces linked to this organization')
    .action((_options: unknown, command: Command) =>
      runAsMember(command, async ({ db, actor, out, locale }) => {
        const rows = await db.chatWorkspace.findMany({
          where: { organizationId: actor.organization.id, platform: 'slack' },
          orderBy: { linkedAt: 'asc' },
        });
        if (out.json) return out.result({ workspaces: rows });
        if (rows.length === 0) return out.line(texts[locale].none);
        out.line(
          table(
            texts[locale].headers,
            rows.map((r) => [r.externalId, r.managersChannelId ?? '-', r.linkedByEmail ?? '-', formatDate(r.linkedAt)]),
          ),
        );
      }),
    );
  slack
    .command('channel')
    .description("set the managers' channel where seat requests are posted (the channel id, e.g. C0123ABCD)")
    .argument('<channel id>')
    .option('--workspace <team id>', 'the Slack team id, when several workspaces are linked')
    .action((channel: string, options: { workspace?: string }, command: Command) =>
      runAsMember(command, async ({ db, actor, out, locale }) => {
        const rows = await db.chatWorkspace.findMany({
          where: {
            organizationId: actor.organization.id,
            platform: 'slack',
            ...(options.workspace ? { externalId: options.workspace } : {}),
          },
        });
        if (rows.length !== 1) throw new AppError('chat.not_linked', {}, rows.length === 0 ? 'not_found' : 'invalid');
        await setManagersChannel(
          db,
          actor,
          { platform: 'slack', externalId: rows[0]?.externalId ?? '' },
          channel.trim(),
        );
        if (out.json) return out.result({ workspace: rows[0]?.externalId, managersChannelId: channel.trim() });
        out.line(texts[locale].channelSet(channel.trim()));
      }),
    );
}
