// The dry run: every row checked as the import would check it (file rules, then what the
// database knows, then seats), and nothing written. The admin reads this before confirming.
import type { Db } from '../db/database.js';
import { type Notice, notice } from '../i18n/messages.js';
import { openLicenceRoom, type TakeLicences } from '../licences/licence-room.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { type SeatKind, seatUsage } from '../seats/seat-usage.js';
import { importCompanies } from './import-companies.js';
import { importProperties } from './import-properties.js';
import type { ImportOptions, ImportSource, RowError, RowWarning } from './import-types.js';
import { lookUpRows } from './look-up-rows.js';
import type { Field } from './map-columns.js';
import { ImportReading } from './read-import.js';
import { askProvider, namesCompany, passGates, type RowGates } from './row-gates.js';
import { byLine, columnOf, rowIssue } from './row-issue.js';
import type { ValidRow } from './validate-row.js';

export interface DryRunResult {
  /** Data rows in the file. */
  rows: number;
  /** Rows without an error: to invite, to add, already invited or already members. */
  valid: number;
  toInvite: number;
  /** Rows with a password or an enterprise ID: members to add directly. */
  toAdd: number;
  /** Addresses with an open invitation already: left as they are (importing twice is harmless). */
  alreadyInvited: number;
  /** Rows with a password whose address is already a member: left as they are. */
  alreadyMembers: number;
  /**
   * Of `toInvite`, how many exceed the free seats and would wait for a manager's approval (internal
   * and external seats each against their own limit).
   */
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
  const properties = await importProperties(db, actor, options.licences);
  const reading = new ImportReading(source, org, locale, options, properties);
  const errors: RowError[] = [];
  const fail = (row: ValidRow, field: Field, n: Notice) =>
    errors.push(rowIssue(locale, row.line, columnOf(reading.columns, field), n));
  const gates: RowGates = {};
  const invites = { internal: 0, external: 0 };
  let alreadyInvited = 0;
  let alreadyMembers = 0;
  const adds: { row: ValidRow; freesSeat: boolean; kind: SeatKind }[] = [];
  // Licences are taken row by row in file order, as the writers take them: a row finding none
  // left is told so at its Licences column, with the count.
  let licenceRoom: TakeLicences | undefined;
  const licencesFit = (row: ValidRow) => {
    const refusal = row.licences?.length && licenceRoom ? licenceRoom(row.licences) : null;
    if (refusal) fail(row, 'licences', refusal);
    return !refusal;
  };

  // The same order of checks as the import: its gates (company, identity provider), then
  // writeInvitations (invitations) and insertMember (direct adds).
  for await (const chunk of reading.chunks(options.chunkRows)) {
    if (namesCompany(chunk)) gates.companies ??= await importCompanies(db, org.id);
    await askProvider(db, org.id, gates, chunk);
    const facts = await lookUpRows(db, org.id, chunk);
    if (!licenceRoom && chunk.some((row) => row.licences?.length)) licenceRoom = await openLicenceRoom(db, org.id);
    for (const row of chunk) {
      const gate = passGates(row, gates);
      if (!gate.ok) {
        fail(row, gate.field, gate.reason);
        continue;
      }
      const kind: SeatKind = gate.company ? 'external' : 'internal';
      const isMember = facts.memberEmails.has(row.email);
      const open = facts.openInvitations.get(row.email);
      const usernameTaken = row.username !== null && facts.takenUsernames.has(row.username);
      if (row.password !== null || row.enterpriseId !== null) {
        if (isMember) alreadyMembers++;
        else if (usernameTaken) fail(row, 'username', notice('username.taken', { username: row.username ?? '' }));
        else if (licencesFit(row)) adds.push({ row, freesSeat: open === 'PENDING', kind });
      } else if (isMember) fail(row, 'email', notice('email.active_member', { email: row.email }));
      else if (open) alreadyInvited++;
      else if (usernameTaken) fail(row, 'username', notice('username.taken', { username: row.username ?? '' }));
      else if (licencesFit(row)) invites[kind]++;
    }
  }

  // Seats, internal (the plan's) and external (their own limit) apart: direct adds come first and
  // need a free seat each (a member cannot wait for approval); the invitations that do not fit in
  // what remains would be held.
  const [orgRow, internalUsage, externalUsage] = await Promise.all([
    db.organization.findUniqueOrThrow({
      where: { id: org.id },
      select: { seatLimit: true, externalSeatLimit: true },
    }),
    seatUsage(db, org.id, 'internal'),
    invites.external > 0 || adds.some((add) => add.kind === 'external') ? seatUsage(db, org.id, 'external') : null,
  ]);
  const limit: Record<SeatKind, number> = { internal: orgRow.seatLimit, external: orgRow.externalSeatLimit };
  const used: Record<SeatKind, number> = { internal: internalUsage.used, external: externalUsage?.used ?? 0 };
  let toAdd = 0;
  for (const { row, freesSeat, kind } of adds) {
    const after = used[kind] - (freesSeat ? 1 : 0);
    if (after < limit[kind]) {
      used[kind] = after + 1;
      toAdd++;
    } else if (kind === 'external') {
      fail(row, 'email', notice('company.external_seats_full', { limit: limit.external, used: used.external }));
    } else fail(row, 'email', notice('seats.full', { limit: limit.internal }));
  }
  const held = (kind: SeatKind) => Math.max(0, invites[kind] - Math.max(0, limit[kind] - used[kind]));
  const toInvite = invites.internal + invites.external;
  const wouldHold = held('internal') + held('external');

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
