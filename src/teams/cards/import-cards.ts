// The import's cards: the dry run's review (counts, the row errors with line, column and reason,
// Import to confirm) and the result. Row errors quote cells, which may be long: each line is cut,
// and the lines shown stop at a budget that keeps the card under Teams' recommended 28 KB; the
// rest is counted, with where to see them all.

import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { DryRunResult } from '../../imports/dry-run-import.js';
import type { ImportPhase } from '../../imports/import-types.js';
import type { RunImportResult } from '../../imports/run-import.js';
import { teamsTexts } from '../teams-texts.js';
import { type AdaptiveCard, adaptiveCard, type Element, execute, small, text } from './adaptive.js';

export const importVerbs = { confirm: 'import_confirm' } as const;
/** A card stays readable with this many error lines; the rest is counted. */
const MAX_ERRORS_SHOWN = 50;
/** Characters of error lines in one card: Teams counts UTF-16 (2 bytes each), the rest of the card fits in ~10 KB. */
const ERROR_TEXT_BUDGET = 7000;
const MAX_LINE_CHARS = 240;

export function importReviewCard(dryRun: DryRunResult, draftId: string, locale: Locale): AdaptiveCard {
  const texts = chatTexts(locale);
  const importable = dryRun.toInvite + dryRun.toAdd;
  const body: Element[] = [
    text(texts.importReviewTitle, { weight: 'Bolder', size: 'Medium' }),
    text(texts.importSummary(dryRun.rows, dryRun.valid, dryRun.errors.length)),
    small(
      texts.importPlan(dryRun.toInvite, dryRun.toAdd, dryRun.alreadyInvited + dryRun.alreadyMembers, dryRun.wouldHold),
    ),
    ...rowErrors(dryRun.errors, locale),
  ];
  if (importable === 0) body.push(text(texts.importNothing));
  return adaptiveCard(
    body,
    importable > 0 ? [execute(texts.importConfirm(importable), importVerbs.confirm, { draftId }, 'positive')] : [],
  );
}

export function importDoneCard(result: RunImportResult, locale: Locale): AdaptiveCard {
  const texts = chatTexts(locale);
  const done = texts.importDone(result);
  return adaptiveCard([
    text(done),
    ...rowErrors(result.errors, locale),
    ...(result.seatRequestId ? [small(texts.heldNote)] : []),
  ]);
}

/** A quoted cell is cut to its start: the reason after it stays readable. */
const shortenQuotes = (message: string) =>
  message
    .replace(/"([^"]{81,})"/g, (_, cell: string) => `"${cell.slice(0, 60)}…"`)
    .replace(/« ([^»]{81,}) »/g, (_, cell: string) => `« ${cell.slice(0, 60)}… »`);

function rowErrors(errors: DryRunResult['errors'], locale: Locale): Element[] {
  if (errors.length === 0) return [];
  const texts = chatTexts(locale);
  const lines: string[] = [];
  let used = 0;
  for (const e of errors.slice(0, MAX_ERRORS_SHOWN)) {
    const full = `- ${texts.importErrorLine(e.line, e.column, shortenQuotes(e.message))}`;
    const line = full.length > MAX_LINE_CHARS ? `${full.slice(0, MAX_LINE_CHARS - 1)}…` : full;
    if (used + line.length > ERROR_TEXT_BUDGET) break;
    lines.push(line);
    used += line.length + 1;
  }
  const blocks: Element[] = [text(texts.importErrorsHeading, { weight: 'Bolder' }), text(lines.join('\n'))];
  const hidden = errors.length - lines.length;
  if (hidden > 0) blocks.push(small(teamsTexts(locale).moreRowErrors(hidden)));
  return blocks;
}

/** While a long import runs after its confirmation: the rows read or written so far. */
export function importProgressCard(
  progress: { done: number; total: number | undefined; phase: ImportPhase },
  locale: Locale,
): AdaptiveCard {
  return adaptiveCard([text(chatTexts(locale).importProgress(progress.done, progress.total, progress.phase))]);
}

/** An import that stopped after its confirmation was answered: nothing was written, and why. */
export function importStoppedCard(reason: string, locale: Locale): AdaptiveCard {
  return adaptiveCard([text(`${chatTexts(locale).importFailed} ${reason}`, { color: 'Attention' })]);
}
