// The import's cards: the dry run's review (counts, every row error with line, column and reason,
// Import to confirm) and the result.

import { chatTexts } from '../../chat/texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { DryRunResult } from '../../imports/dry-run-import.js';
import type { ImportPhase } from '../../imports/import-types.js';
import type { RunImportResult } from '../../imports/run-import.js';
import { type AdaptiveCard, adaptiveCard, type Element, execute, small, text } from './adaptive.js';

export const importVerbs = { confirm: 'import_confirm' } as const;
/** A card stays readable (and under Teams' 28 KB) with this many error lines; the rest is counted. */
const MAX_ERRORS_SHOWN = 100;

export function importReviewCard(dryRun: DryRunResult, draftId: string, locale: Locale): AdaptiveCard {
  const s = chatTexts(locale);
  const importable = dryRun.toInvite + dryRun.toAdd;
  const body: Element[] = [
    text(s.importReviewTitle, { weight: 'Bolder', size: 'Medium' }),
    text(s.importSummary(dryRun.rows, dryRun.valid, dryRun.errors.length)),
    small(s.importPlan(dryRun.toInvite, dryRun.toAdd, dryRun.alreadyInvited + dryRun.alreadyMembers, dryRun.wouldHold)),
    ...rowErrors(dryRun.errors, locale),
  ];
  if (importable === 0) body.push(text(s.importNothing));
  return adaptiveCard(
    body,
    importable > 0 ? [execute(s.importConfirm(importable), importVerbs.confirm, { draftId }, 'positive')] : [],
  );
}

export function importDoneCard(result: RunImportResult, locale: Locale): AdaptiveCard {
  const s = chatTexts(locale);
  const done = s.importDone(result);
  return adaptiveCard([
    text(done),
    ...rowErrors(result.errors, locale),
    ...(result.seatRequestId ? [small(s.heldNote)] : []),
  ]);
}

function rowErrors(errors: DryRunResult['errors'], locale: Locale): Element[] {
  if (errors.length === 0) return [];
  const s = chatTexts(locale);
  const lines = errors.slice(0, MAX_ERRORS_SHOWN).map((e) => `- ${s.importErrorLine(e.line, e.column, e.message)}`);
  const blocks: Element[] = [text(s.importErrorsHeading, { weight: 'Bolder' }), text(lines.join('\n'))];
  if (errors.length > MAX_ERRORS_SHOWN) blocks.push(small(s.importMoreErrors(errors.length - MAX_ERRORS_SHOWN)));
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
