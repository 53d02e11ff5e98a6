// The dry run's review in the modal: the counts, then each row error with its line, column and
// reason; the submit button imports the valid rows. Slack allows 100 blocks and 3,000 characters
// a section: errors are packed into sections and the rest counted.
import type { KnownBlock, ModalView } from '@slack/types';
import { chatTexts } from '../../chat/rendering/texts.js';
import type { Locale } from '../../i18n/locale.js';
import type { DryRunResult } from '../../imports/dry-run-import.js';
import type { RunImportResult } from '../../imports/run-import.js';
import { clip, context, escapeMrkdwn, section } from '../reply.js';
import { callbacks } from './forms.js';

const MAX_ERROR_SECTIONS = 40;
const PER_SECTION = 2800;

export interface ImportReviewMetadata {
  draftId: string;
  responseUrl?: string;
  channelId?: string;
}

export function importReview(dryRun: DryRunResult, locale: Locale, metadata: ImportReviewMetadata): ModalView {
  const texts = chatTexts(locale);
  const importable = dryRun.toInvite + dryRun.toAdd;
  const blocks: KnownBlock[] = [
    section(texts.importSummary(dryRun.rows, dryRun.valid, dryRun.errors.length)),
    context(
      texts.importPlan(dryRun.toInvite, dryRun.toAdd, dryRun.alreadyInvited + dryRun.alreadyMembers, dryRun.wouldHold),
    ),
    ...rowProblems(dryRun.errors, locale),
  ];
  if (dryRun.warnings.length > 0) {
    const lines = dryRun.warnings.slice(0, 20).map((w) => texts.importErrorLine(w.line, w.column, w.message));
    blocks.push(context(clip(escapeMrkdwn(lines.join('\n')))));
  }
  if (importable === 0) blocks.push(section(texts.importNothing));
  return {
    type: 'modal',
    callback_id: callbacks.importConfirm,
    title: { type: 'plain_text', text: texts.importReviewTitle.slice(0, 24) },
    close: { type: 'plain_text', text: texts.close },
    ...(importable > 0
      ? { submit: { type: 'plain_text' as const, text: texts.importConfirm(importable).slice(0, 24) } }
      : {}),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

/** Row errors as sections of lines, at most MAX_ERROR_SECTIONS of them, the rest counted. */
export function rowProblems(
  errors: DryRunResult['errors'],
  locale: Locale,
  maxSections = MAX_ERROR_SECTIONS,
): KnownBlock[] {
  if (errors.length === 0) return [];
  const texts = chatTexts(locale);
  const sections: string[] = [];
  let current = '';
  let shown = 0;
  for (const error of errors) {
    const line = `• ${escapeMrkdwn(texts.importErrorLine(error.line, error.column, error.message))}`;
    if (current && current.length + line.length + 1 > PER_SECTION) {
      sections.push(current);
      current = '';
      if (sections.length >= maxSections) break;
    }
    current += `${current ? '\n' : ''}${clip(line, PER_SECTION)}`;
    shown++;
  }
  if (current) sections.push(current);
  const blocks: KnownBlock[] = [section(`*${texts.importErrorsHeading}*`), ...sections.map(section)];
  if (shown < errors.length) blocks.push(context(texts.importMoreErrors(errors.length - shown)));
  return blocks;
}

export function importDoneBlocks(result: RunImportResult, locale: Locale): { text: string; blocks: KnownBlock[] } {
  const texts = chatTexts(locale);
  const text = texts.importDone(result);
  const blocks: KnownBlock[] = [section(text), ...rowProblems(result.errors, locale, 40)];
  if (result.seatRequestId) blocks.push(context(texts.heldNote));
  return { text, blocks };
}
