// sesame slack link | slack workspaces | slack channel <channel id> [--workspace <team id>]
// sesame teams link | teams workspaces
import type { Command } from 'commander';
import type { ChatPlatform } from '../../chat/platform.js';

const work = () => import('../actions/chat-links.js');

/** Command help is in English, like every other command's. */
const descriptions: Record<ChatPlatform, string> = {
  slack: 'link Slack workspaces to the organization (owners)',
  teams: 'link Microsoft Teams tenants to the organization (owners)',
};

/** `link` and `workspaces`, the same for every chat platform. */
function registerChatPlatform(program: Command, platform: ChatPlatform): Command {
  const parent = program.command(platform).description(descriptions[platform]);
  parent
    .command('link')
    .description(
      `print a one-time code that links a ${platform === 'slack' ? 'Slack workspace' : 'Teams tenant'} to this organization (valid 24 h)`,
    )
    .action(async (_options: unknown, command: Command) => (await work()).printLinkCode(platform, command));
  parent
    .command('workspaces')
    .description(`the ${platform === 'slack' ? 'Slack workspaces' : 'Teams tenants'} linked to this organization`)
    .action(async (_options: unknown, command: Command) => (await work()).listWorkspaces(platform, command));
  return parent;
}

export function registerTeams(program: Command): void {
  registerChatPlatform(program, 'teams');
}

export function registerSlack(program: Command): void {
  registerChatPlatform(program, 'slack')
    .command('channel')
    .description("set the managers' channel where seat requests are posted (the channel id, e.g. C0123ABCD)")
    .argument('<channel id>')
    .option('--workspace <team id>', 'the Slack team id, when several workspaces are linked')
    .action(async (channel: string, options: { workspace?: string }, command: Command) =>
      (await work()).setSlackChannel(channel, options, command),
    );
}
