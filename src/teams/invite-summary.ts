// What an invitation answers in Teams, typed or from the dialog: the counts by outcome, then the
// rows, problems first, as many as fit in one Teams message; the rest is counted, with where to
// see it (`pending`, or the CLI). Inviting 1,500 addresses must not make a 122 KB message that
// Teams refuses after the invitations were written.
import { chatTexts } from '../chat/rendering/texts.js';
import type { Locale } from '../i18n/locale.js';
import { renderNotice } from '../i18n/messages.js';
import type { InviteResult } from '../invitations/invite.js';
import { teamsTexts } from './teams-texts.js';

/** Rows listed in full; a typed list or a pasted column is usually far shorter. */
const MAX_ROWS = 40;
const MAX_WARNINGS = 10;
/** A row quotes what was typed: a long cell is cut. */
const MAX_ROW_CHARS = 300;

const cut = (line: string) => (line.length > MAX_ROW_CHARS ? `${line.slice(0, MAX_ROW_CHARS - 1)}…` : line);

export function inviteSummary(result: InviteResult, locale: Locale): string {
  const texts = chatTexts(locale);
  const label = {
    invited: texts.invited,
    held: texts.held,
    already_invited: texts.alreadyInvited,
    refused: texts.refused,
  };
  const counts = (['invited', 'held', 'already_invited', 'refused'] as const)
    .map((outcome) => [outcome, result.results.filter((r) => r.outcome === outcome).length] as const)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${label[outcome]}: ${count}`)
    .join(' · ');
  // The rows that need the reader (refused, with a notice) first.
  const rows = [...result.results].sort((a, b) => Number(Boolean(b.error)) - Number(Boolean(a.error)));
  const lines = rows.slice(0, MAX_ROWS).map((r) => {
    const why = r.error ? `: ${renderNotice(locale, r.error)}` : '';
    return cut(`- ${r.email || '""'}: ${label[r.outcome]}${why}`);
  });
  const hidden = rows.length - lines.length;
  const warnings = result.warnings.slice(0, MAX_WARNINGS).map((w) => cut(`- ${renderNotice(locale, w)}`));
  return [
    texts.inviteHeading(result.results.length),
    ...(result.results.length > 1 ? [counts] : []),
    ...lines,
    ...(hidden > 0 ? [teamsTexts(locale).andMore(hidden)] : []),
    ...warnings,
    ...(result.seatRequestId ? [texts.heldNote] : []),
  ].join('\n');
}
