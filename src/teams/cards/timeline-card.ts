// `status <e-mail|id>` in Teams: an invitation's story as a card, a line per step (its time in
// bold), then the address's other invitations. What people and SendGrid wrote is escaped for
// Teams' Markdown; the card stays far under Teams' size with CHAT_TIMELINE_STEPS lines.
import {
  chatStepLines,
  othersText,
  starMarkup,
  storyHeading,
  type TimelineMarkup,
} from '../../chat/rendering/timeline-texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { InvitationTimeline } from '../../invitations/invitation-timeline.js';
import { escapeTeamsMarkdown } from '../markdown.js';
import { type AdaptiveCard, adaptiveCard, type Element, small, text } from './adaptive.js';

// Between backquotes Teams shows escapes as typed: ids, commands and event names go in as they are.
const teamsMarkup: TimelineMarkup = starMarkup(escapeTeamsMarkdown, (code) => code);

export function timelineCard(timeline: InvitationTimeline, locale: Locale): AdaptiveCard {
  const body: Element[] = [];
  for (const story of timeline.stories) {
    body.push(text(storyHeading(story, locale, teamsMarkup), { size: 'Medium' }));
    const { lines, more } = chatStepLines(story, locale, teamsMarkup);
    for (const line of lines) body.push(text(line, { spacing: 'Small' }));
    if (more) body.push(small(more));
  }
  const others = othersText(timeline, locale, teamsMarkup, 'teams');
  if (others) body.push({ ...small(others), separator: true });
  return adaptiveCard(body);
}
