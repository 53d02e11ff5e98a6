// The dry run: every row checked as the import would check it (file rules, then what the
// database knows, then seats), and nothing written. The admin reads this before confirming.
import type { Db } from '../db/database.js';
import { type Notice, notice } from '../i18n/messages.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { seatUsage } from '../seats/seat-usage.js';
import type { ImportOptions, ImportSource, RowError, RowWarning } from './import-types.js';
import { lookUpRows } from './look-up-rows.js';
import type { Field } from './map-columns.js';
import { ImportReading } from './read-import.js';
import { byLine, columnOf, rowIssue } from './row-issue.js';
import type { ValidRow } from './validate-row.js';

export interface DryRunResult {
  /** Data rows in the file. */
  rows: number;
  /** Rows without an error: to invite, to add, already invited or already members. */
  valid: number;
  toInvite: number;
  /** Rows with a password: members to add directly. */
  toAdd: number;
  /** Addresses with an open invitation already: left as they are (importing twice is harmless). */
  alreadyInvited: number;
  /** Rows with a password whose address is already a member: left as they are. */
  alreadyMembers: number;
  /** Of `toInvite`, how many exceed the free seats and would wait for a manager's approval. */
  wouldHold: number;
  /** Sorted by line. */
  errors: RowError[];
  warnings: RowWarning[];
}

export async function dryRunImport(
  db: Db,
  actor: Actor,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<DryRunResult> {
  // Even a dry run tells who is already a member: same permission as the import.
  assertCanManageInvitations(actor);
  const locale = options.locale ?? actor.locale;
  const org = actor.organization;
  const reading = new ImportReading(source, org, locale, options);
  const errors: RowError[] = [];
  const fail = (row: ValidRow, field: Field, n: Notice) =>
    errors.push(rowIssue(locale, row.line, columnOf(reading.columns, field), n));
  let toInvite = 0;
  let alreadyInvited = 0;
  let alreadyMembers = 0;
  const adds: { row: ValidRow; freesSeat: boolean }[] = [];

  // The same order of checks as writeInvitations (invitations) and insertMember (direct adds).
  for await (const chunk of reading.chunks(options.chunkRows)) {
    const facts = await lookUpRows(db, org.id, chunk);
    for (const row of chunk) {
      const isMember = facts.memberEmails.has(row.email);
      const open = facts.openInvitations.get(row.email);
      const usernameTaken = row.username !== null && facts.takenUsernames.has(row.username);
      if (row.password !== null || row.enterpriseId !== null) {
        if (isMember) alreadyMembers++;
        else if (usernameTaken) fail(row, 'username', notice('username.taken', { username: row.username ?? '' }));
        else adds.push({ row, freesSeat: open === 'PENDING' });
      } else if (isMember) fail(row, 'email', notice('email.active_member', { email: row.email }));
      else if (open) alreadyInvited++;
      else if (usernameTaken) fail(row, 'username', notice('username.taken', { username: row.username ?? '' }));
      else toInvite++;
    }
  }

  // Seats: direct adds come first and need a free seat each (a member cannot wait for approval);
  // the invitations that do not fit in what remains would be held.
  const [orgRow, usage] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: org.id }, select: { seatLimit: true } }),
    seatUsage(db, org.id),
  ]);
  let used = usage.used;
  let toAdd = 0;
  for (const { row, freesSeat } of adds) {
    const after = used - (freesSeat ? 1 : 0);
    if (after >= orgRow.seatLimit) fail(row, 'email', notice('seats.full', { limit: orgRow.seatLimit }));
    else {
      used = after + 1;
      toAdd++;
    }
  }
  const wouldHold = Math.max(0, toInvite - Math.max(0, orgRow.seatLimit - used));

  const allErrors = [...reading.errors, ...errors].sort(byLine);
  return {
    rows: reading.rows,
    valid: reading.rows - allErrors.length,
    toInvite,
    toAdd,
    alreadyInvited,
    alreadyMembers,
    wouldHold,
    errors: allErrors,
    warnings: reading.warnings,
  };
}
