// `/invite status <e-mail|id>`: an invitation's story, its steps in sections of lines (a long
// story takes several, each under Slack's 3,000 characters), then the address's other invitations.
import type { KnownBlock } from '@slack/types';
import {
  chatStepLines,
  othersText,
  starMarkup,
  storyHeading,
  type TimelineMarkup,
} from '../../chat/rendering/timeline-texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { InvitationTimeline } from '../../invitations/invitation-timeline.js';
import { context, escapeMrkdwn, type SlackMessage, section } from '../reply.js';

const mrkdwn: TimelineMarkup = starMarkup(escapeMrkdwn, escapeMrkdwn);
const SECTION_CHARS = 2_900;

export function timelineMessage(timeline: InvitationTimeline, locale: Locale): SlackMessage {
  const blocks: KnownBlock[] = [];
  let text = '';
  for (const story of timeline.stories) {
    const heading = storyHeading(story, locale, mrkdwn);
    text ||= heading.replace(/\*/g, '');
    blocks.push(section(heading));
    const { lines, more } = chatStepLines(story, locale, mrkdwn);
    let chunk = '';
    for (const line of lines) {
      if (chunk && chunk.length + line.length + 1 > SECTION_CHARS) {
        blocks.push(section(chunk));
        chunk = '';
      }
      chunk = chunk ? `${chunk}\n${line}` : line;
    }
    if (chunk) blocks.push(section(chunk));
    if (more) blocks.push(context(more));
  }
  const others = othersText(timeline, locale, mrkdwn, 'slack');
  if (others) blocks.push(context(others));
  return { text, blocks };
}
