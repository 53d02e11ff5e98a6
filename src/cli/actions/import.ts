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
import { cliTexts, type Texts } from '../texts.js';

export async function importFile(
  file: string,
  options: { dryRun?: boolean; licences?: string[] },
  command: Command,
): Promise<void> {
  if (file !== '-') await assertReadableFile(command, file);
  await runAsMember(command, async ({ db, actor, out, locale }) => {
    const texts = cliTexts(locale);
    const source = file === '-' ? process.stdin : createReadStream(file);
    const progress = createProgress(!out.json && Boolean(process.stderr.isTTY), texts.progressLabel);
    const onProgress = (done: number, total: number | undefined, phase?: string) => progress.update(done, total, phase);
    const name = file === '-' ? texts.standardInput : basename(file);
    // An import is one transaction: when the connection dies under it (the serving process was
    // stopped or killed), PostgreSQL rolls it back, and the user is told so rather than shown a
    // driver's message.
    const connectionLost = () => {
      out.error(`${texts.errorPrefix} ${texts.importConnectionLost}`);
      if (out.json)
        out.result({ error: { code: 'connection_lost', kind: 'failed', message: texts.importConnectionLost } });
      return exitCodes.refused;
    };
    try {
      if (options.dryRun) {
        const result = await dryRunImport(db, actor, source, { locale, onProgress, licences: options.licences });
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
        out.line(texts.dryRunSummary(name, json));
        printIssues(out, json.errors, json.warnings, texts);
        return exitCodes.ok;
      }
      const result = await runImport(db, actor, source, {
        fileName: name,
        locale,
        onProgress,
        licences: options.licences,
      });
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
        out.line(texts.importSummary(name, json));
        if (json.seatRequestId) out.line(texts.seatRequestHint(json.seatRequestId));
        printIssues(out, json.errors, json.warnings, texts);
      }
      return json.valid === 0 && json.errors.length > 0 ? exitCodes.refused : exitCodes.ok;
    } catch (error) {
      if (isConnectionLost(error)) return connectionLost();
      throw error;
    } finally {
      progress.stop();
    }
  });
}

// Prisma's codes for a server it cannot reach (P1001), that timed out (P1002, P1008) or that closed
// the connection (P1017); the socket's own errors; pg's words when the server goes mid-query.
const LOST_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);
const LOST_TEXT = /Connection terminated|Server has closed the connection|Can't reach database server/i;

/** True when the error (or what caused it) is the database connection going away. */
export function isConnectionLost(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && LOST_CODES.has(code)) return true;
    if (typeof message === 'string' && LOST_TEXT.test(message)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
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

function printIssues(out: Output, errors: IssueJson[], warnings: IssueJson[], texts: Texts): void {
  const line = (i: IssueJson) => `  ${texts.at(i.line, i.column)}: ${i.message}`;
  if (errors.length > 0) {
    out.line();
    out.line(texts.errorsHeading(errors.length));
    for (const e of errors) out.line(line(e));
  }
  if (warnings.length > 0) {
    out.line();
    out.line(texts.warningsHeading(warnings.length));
    for (const w of warnings) out.line(line(w));
  }
}
