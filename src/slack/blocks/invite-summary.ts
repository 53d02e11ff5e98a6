// The ephemeral summary after an invite: one line per address (sent, held, already invited,
// refused with its reason), the warnings, and what happens to the held ones.
import type { KnownBlock } from '@slack/types';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import { renderNotice } from '../../i18n/messages.js';
import type { InviteResult } from '../../invitations/invite.js';
import { clip, context, escapeMrkdwn, type SlackMessage, section } from '../reply.js';

const icons = { invited: '✉️', held: '⏸️', already_invited: '↩️', refused: '⛔' } as const;

export function inviteSummary(result: InviteResult, locale: Locale): SlackMessage {
  const texts = chatTexts(locale);
  const label = {
    invited: texts.invited,
    held: texts.held,
    already_invited: texts.alreadyInvited,
    refused: texts.refused,
  };
  const lines = result.results.map((r) => {
    const why = r.error ? `: ${renderNotice(locale, r.error)}` : '';
    return `${icons[r.outcome]} ${escapeMrkdwn(r.email || '""')}: ${label[r.outcome]}${escapeMrkdwn(why)}`;
  });
  const blocks: KnownBlock[] = [section(texts.inviteHeading(result.results.length))];
  // Several sections rather than one clipped text: a pasted list may hold hundreds of addresses.
  for (let i = 0; i < lines.length && blocks.length < 45; i += 30) {
    blocks.push(section(clip(lines.slice(i, i + 30).join('\n'))));
  }
  for (const warning of result.warnings) blocks.push(context(escapeMrkdwn(renderNotice(locale, warning))));
  if (result.seatRequestId) blocks.push(context(texts.heldNote));
  const counts = Object.entries(
    result.results.reduce<Record<string, number>>((acc, r) => {
      acc[label[r.outcome]] = (acc[label[r.outcome]] ?? 0) + 1;
      return acc;
    }, {}),
  )
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  return { text: `${texts.inviteHeading(result.results.length).replace(/\*/g, '')}: ${counts}`, blocks };
}
