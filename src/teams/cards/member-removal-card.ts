// "Remove a member" on Teams: the confirmation card the `remove <e-mail>` command answers (who,
// which seat and username it frees, what is handed over), with Remove and Cancel
// (Action.Execute); the card Teams then shows in its place says what was done.
import { memberRemovalTexts, removalConfirmation } from '../../chat/rendering/member-removal-texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { MemberRemoval } from '../../members/remove-member.js';
import { escapeTeamsMarkdown } from '../markdown.js';
import { type AdaptiveCard, adaptiveCard, execute, small, text } from './adaptive.js';

export const memberRemovalVerbs = { remove: 'member_remove', cancel: 'member_remove_cancel' } as const;

export function memberRemovalCard(removal: MemberRemoval, locale: Locale): AdaptiveCard {
  const texts = memberRemovalTexts(locale);
  const [question, lines] = removalConfirmation(removal, locale, escapeTeamsMarkdown);
  // The member shown is the one removed: the same address re-added meanwhile is another member.
  const data = { email: removal.email, memberId: removal.memberId };
  return adaptiveCard(
    [
      text(texts.title, { weight: 'Bolder', size: 'Medium' }),
      text(question),
      ...lines.map((line) => text(`• ${line}`)),
      small(texts.resend),
    ],
    [
      execute(texts.remove, memberRemovalVerbs.remove, data, 'destructive'),
      execute(texts.cancel, memberRemovalVerbs.cancel, { email: removal.email }),
    ],
  );
}

/** What replaces the confirmation once answered: the outcome, or why nothing was removed. */
export const memberRemovalOutcomeCard = (line: string, refused = false): AdaptiveCard =>
  adaptiveCard([text(line, refused ? { color: 'Attention' } : {})]);
