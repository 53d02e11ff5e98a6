// The bot added to a team or a chat: it says what it does and how an owner makes the channel the
// managers' one. It does not make it so by itself: anyone in a team may add an app, and seat
// requests must only go where an owner chose.
import type { TurnContext } from 'botbuilder';
import { chatTexts } from '../../chat/texts.js';
import { pickLocale } from '../../i18n/locale.js';
import type { TeamsDeps } from '../deps.js';
import { sayText } from '../reply.js';

export async function onInstalled(deps: TeamsDeps, context: TurnContext): Promise<void> {
  const botId = context.activity.recipient?.id;
  const added = context.activity.membersAdded ?? [];
  if (!added.some((member) => member.id === botId)) return;
  try {
    await sayText(context, chatTexts(pickLocale(context.activity.locale)).teamsWelcome);
  } catch (error) {
    deps.log.warn('Teams welcome not sent', { error: error instanceof Error ? error.message : String(error) });
  }
}
