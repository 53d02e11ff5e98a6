// The work of `sesame status`: the story's steps aligned under its heading, in plain text.
import type { Command } from 'commander';
import {
  othersText,
  stepText,
  stepTime,
  storyHeading,
  type TimelineMarkup,
} from '../../chat/rendering/timeline-texts.js';
import { invitationTimeline } from '../../invitations/invitation-timeline.js';
import { oneLine } from '../../text/one-line.js';
import type { StatusOptions } from '../commands/status.js';
import { fields } from '../output.js';
import { runAsMember } from '../session.js';

/** A terminal shows text as is: only what would break the line is replaced. */
const plain: TimelineMarkup = { escape: oneLine, bold: (text) => text, code: (text) => text };

export function showStatus(ref: string, options: StatusOptions, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const timeline = await invitationTimeline(db, actor, ref, { all: options.all });
    if (out.json) return out.result({ invitations: timeline.stories, others: timeline.others });
    timeline.stories.forEach((story, index) => {
      if (index > 0) out.line();
      out.line(storyHeading(story, locale, plain));
      out.line(
        fields(
          story.steps.map((step) => [stepTime(step, locale), stepText(step, locale, plain)]),
          '  ',
        ),
      );
    });
    const others = othersText(timeline, locale, plain, 'cli');
    if (others) {
      out.line();
      out.line(others);
    }
  });
}
