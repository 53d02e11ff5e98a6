// The work of `sesame import <file> [--dry-run]`.
//
// Exit codes: 1 when the file itself cannot be imported (not CSV, no Email column, empty...),
// and when a real import had rows but none of them was valid (nothing could be written).
// A dry run that finds row errors exits 0: reporting them is its job, and it wrote nothing.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { dryRunImport, type RowIssue, runImport } from '../../imports/index.js';
import { exitCodes } from '../exit.js';
import type { Output } from '../output.js';
import { createProgress } from '../progress.js';
import { runAsMember } from '../session.js';
import { say, type Texts } from '../texts.js';

export async function importFile(file: string, options: { dryRun?: boolean }, command: Command): Promise<void> {
  if (file !== '-') await assertReadableFile(command, file);
  await runAsMember(command, async ({ db, actor, out, locale }) => {
    const s = say(locale);
    const source = file === '-' ? process.stdin : createReadStream(file);
    const progress = createProgress(!out.json && Boolean(process.stderr.isTTY), s.progressLabel);
    const onProgress = (done: number, total: number | undefined, phase?: string) => progress.update(done, total, phase);
    const name = file === '-' ? s.standardInput : basename(file);
    try {
      if (options.dryRun) {
        const result = await dryRunImport(db, actor, source, { locale, onProgress });
        progress.stop();
        const json = {
          dryRun: true,
          rows: result.rows,
          valid: result.valid,
          toInvite: result.toInvite,
          toAdd: result.toAdd,
          alreadyInvited: result.alreadyInvited,
          alreadyMembers: result.alreadyMembers,
          wouldHold: result.wouldHold,
          errors: result.errors.map(issueJson),
          warnings: result.warnings.map(issueJson),
        };
        if (out.json) return out.result(json);
        out.line(s.dryRunSummary(name, json));
        printIssues(out, json.errors, json.warnings, s);
        return exitCodes.ok;
      }
      const result = await runImport(db, actor, source, { fileName: name, locale, onProgress });
      progress.stop();
      const json = {
        dryRun: false,
        batchId: result.batchId,
        rows: result.rows,
        valid: result.valid,
        invited: result.invited,
        held: result.held,
        added: result.added,
        alreadyInvited: result.alreadyInvited,
        alreadyMembers: result.alreadyMembers,
        seatRequestId: result.seatRequestId ?? null,
        errors: result.errors.map(issueJson),
        warnings: result.warnings.map(issueJson),
      };
      if (out.json) out.result(json);
      else {
        out.line(s.importSummary(name, json));
        if (json.seatRequestId) out.line(s.seatRequestHint(json.seatRequestId));
        printIssues(out, json.errors, json.warnings, s);
      }
      return json.valid === 0 && json.errors.length > 0 ? exitCodes.refused : exitCodes.ok;
    } finally {
      progress.stop();
    }
  });
}

async function assertReadableFile(command: Command, file: string): Promise<void> {
  const problem = await stat(file).then(
    (info) => (info.isFile() ? undefined : 'not a file'),
    (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 'no such file' : (error.code ?? error.message)),
  );
  if (problem) command.error(`error: cannot read ${file}: ${problem}`, { exitCode: exitCodes.usage });
}

/** The import renders each message in the locale it is given (the output's). */
const issueJson = (issue: RowIssue) => ({
  line: issue.line,
  column: issue.column || null,
  code: issue.code,
  message: issue.message,
});

type IssueJson = ReturnType<typeof issueJson>;

function printIssues(out: Output, errors: IssueJson[], warnings: IssueJson[], s: Texts): void {
  const line = (i: IssueJson) => `  ${s.at(i.line, i.column)}: ${i.message}`;
  if (errors.length > 0) {
    out.line();
    out.line(s.errorsHeading(errors.length));
    for (const e of errors) out.line(line(e));
  }
  if (warnings.length > 0) {
    out.line();
    out.line(s.warningsHeading(warnings.length));
    for (const w of warnings) out.line(line(w));
  }
}
