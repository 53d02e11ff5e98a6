// `/invite remove <e-mail>` on Slack: an ephemeral message saying what the removal frees (the
// seat, internal or external, and the username) and hands over, with a Remove button that Slack
// confirms first (its `confirm` dialog) and a Cancel button. Remove removes the member the message
// showed; either answer replaces the message, so it is used once.

import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import { memberRemovalTexts, removalConfirmation, removalDone } from '../../chat/rendering/member-removal-texts.js';
import type { Db } from '../../db/database.js';
import { previewMemberRemoval, removeMember } from '../../members/remove-member.js';
import type { Actor } from '../../permissions/actor.js';
import { asMember } from '../as-member.js';
import type { SlackDeps } from '../deps.js';
import { context, errorText, escapeMrkdwn, reply, type SlackMessage, section } from '../reply.js';
import { parseJson } from '../view-state.js';

export const memberRemovalActions = { remove: 'member_remove', cancel: 'member_remove_cancel' } as const;

const removalValue = z.object({ email: z.string().trim().min(3).max(320), memberId: z.uuid().optional() });

const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** The question, after the same checks as the removal: a refusal is said before anything is asked. */
export async function memberRemovalQuestion(db: Db, actor: Actor, email: string): Promise<SlackMessage> {
  const removal = await previewMemberRemoval(db, actor, email);
  const texts = memberRemovalTexts(actor.locale);
  const [question, lines] = removalConfirmation(removal, actor.locale, escapeMrkdwn);
  // The member shown is the one removed: the same address re-added meanwhile is another member.
  const value = JSON.stringify({ email: removal.email, memberId: removal.memberId });
  const blocks: KnownBlock[] = [
    section(`*${texts.title}*\n${question}`),
    section(lines.map((line) => `• ${line}`).join('\n')),
    context(texts.resend),
    {
      type: 'actions',
      block_id: 'member_removal',
      elements: [
        {
          type: 'button',
          action_id: memberRemovalActions.remove,
          style: 'danger',
          text: plain(texts.remove),
          value,
          confirm: {
            title: plain(texts.confirmTitle),
            text: plain(texts.confirmText(removal.email)),
            confirm: plain(texts.remove),
            deny: plain(texts.cancel),
            style: 'danger',
          },
        },
        {
          type: 'button',
          action_id: memberRemovalActions.cancel,
          text: plain(texts.cancel),
          value: JSON.stringify({ email: removal.email }),
        },
      ],
    },
  ];
  return { text: question.replace(/\*/g, ''), blocks, replaceOriginal: false };
}

type ButtonClick = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export function registerMemberRemoval(app: App, deps: SlackDeps): void {
  for (const operation of ['remove', 'cancel'] as const) {
    app.action<BlockAction<ButtonAction>>(memberRemovalActions[operation], async (click: ButtonClick) => {
      await click.ack();
      const { body } = click;
      const from = { teamId: body.team?.id, userId: body.user.id, responseUrl: body.response_url };
      await asMember(deps, click.client, from, `member ${operation}`, async ({ actor }, target) => {
        const text = await answerClick(deps, actor, operation, click.action.value);
        await reply(target, { text, blocks: [section(text)], replaceOriginal: true });
      });
    });
  }
}

/** Remove: the removal, or why not. Cancel: that nothing was removed. */
async function answerClick(
  deps: SlackDeps,
  actor: Actor,
  operation: 'remove' | 'cancel',
  value: string | undefined,
): Promise<string> {
  const texts = memberRemovalTexts(actor.locale);
  const data = removalValue.parse(parseJson(value));
  if (operation === 'cancel') return texts.cancelled(escapeMrkdwn(data.email));
  try {
    return removalDone(await removeMember(deps.db, actor, data), actor.locale, escapeMrkdwn);
  } catch (error) {
    return `⚠️ ${texts.notRemoved} ${escapeMrkdwn(errorText(error, actor.locale, deps.log, 'member remove'))}`;
  }
}
