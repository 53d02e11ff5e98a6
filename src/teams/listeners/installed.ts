// The bot added to a team or a chat: it says what it does. Added to a team by an owner of the
// linked organization, while no managers' channel is chosen yet, it takes that team's channel for
// the seat requests (and keeps its conversation reference, to post there later). Added by anyone
// else it only explains how an owner picks the channel: anyone in a team may add an app, and seat
// requests must only go where an owner chose.
import type { IConversationUpdateActivity } from '@microsoft/teams.api';
import { chatTexts } from '../../chat/rendering/texts.js';
import { adoptManagersChannel } from '../../chat/workspaces/managers-channel.js';
import { pickLocale } from '../../i18n/locale.js';
import { withoutThread } from '../conversation-id.js';
import type { TeamsDeps, TeamsTurn } from '../deps.js';
import { conversationReference, identifyTeams } from '../identify.js';
import { sayText } from '../reply.js';
import { teamsTexts } from '../teams-texts.js';

export async function onInstalled(deps: TeamsDeps, turn: TeamsTurn<IConversationUpdateActivity>): Promise<void> {
  const botId = turn.activity.recipient?.id;
  const added = turn.activity.membersAdded ?? [];
  if (!added.some((member) => member.id === botId)) return;
  const locale = pickLocale(turn.activity.locale);
  const texts = chatTexts(locale);
  // In a personal chat there is no channel to choose: the welcome says what the chat is for.
  const personal = turn.activity.conversation?.conversationType === 'personal';
  let adopted = false;
  try {
    adopted = await adoptIfOwner(deps, turn);
  } catch (error) {
    // An installer who is not a member, an unlinked tenant: the welcome says what to do.
    deps.log.debug('Teams install: channel not adopted', { error: error instanceof Error ? error.message : '' });
  }
  try {
    const welcome = personal ? teamsTexts(locale).welcomePersonal : texts.teamsWelcome;
    await sayText(turn, adopted ? texts.teamsWelcomeAdopted : welcome);
  } catch (error) {
    deps.log.warn('Teams welcome not sent', { error: error instanceof Error ? error.message : String(error) });
  }
}

async function adoptIfOwner(deps: TeamsDeps, turn: TeamsTurn): Promise<boolean> {
  const conversation = turn.activity.conversation;
  if (conversation?.conversationType !== 'channel') return false;
  const who = await identifyTeams(deps.db, turn);
  if (!who.linked) return false;
  const channelId = withoutThread(conversation.id);
  return adoptManagersChannel(deps.db, who.actor, who.ref, channelId, conversationReference(turn));
}
