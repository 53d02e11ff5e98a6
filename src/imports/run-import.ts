// The import: reads and checks the whole file first (nothing is written if the file itself is
// unreadable), hashes the temporary passwords, then writes every valid row in one transaction and
// one import batch: direct adds first (a member needs a free seat), then the invitations in
// set-based chunks through writeInvitations, which holds those beyond the seat limit behind a
// single seat request for the whole import.
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { lockOrganization } from '../companies/company-tree.js';
import type { Db } from '../db/database.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Notice } from '../i18n/messages.js';
import { type SeatRequestSlots, writeInvitations } from '../invitations/write-invitations.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { type SeatKind, seatKinds } from '../seats/seat-usage.js';
import { addImportedMembers } from './add-imported-members.js';
import { hashPasswords } from './hash-passwords.js';
import { importCompanies } from './import-companies.js';
import { importProperties } from './import-properties.js';
import type { ImportOptions, ImportSource, RowError, RowWarning } from './import-types.js';
import type { Field } from './map-columns.js';
import { CHUNK_ROWS, ImportReading } from './read-import.js';
import { askProvider, namesCompany, passGates, type RowGates } from './row-gates.js';
import { byLine, columnOf, fieldOfRefusal, rowIssue } from './row-issue.js';
import { RowSpool } from './row-spool.js';
import type { ValidRow } from './validate-row.js';

export interface RunImportOptions extends ImportOptions {
  /** Recorded on the import batch (e.g. the uploaded file's name). */
  fileName?: string;
  /** Valid rows kept in memory before they go to a temporary file (tests lower it). */
  spoolMemoryRows?: number;
}

export interface RunImportResult {
  batchId: string;
  /** Data rows in the file. */
  rows: number;
  /** Rows without an error: invited + held + added + alreadyInvited + alreadyMembers. */
  valid: number;
  /** Invitations created and sent (pending). */
  invited: number;
  /** Invitations created beyond the seat limit, awaiting a manager's approval. */
  held: number;
  /** Members added directly (rows with a password). */
  added: number;
  alreadyInvited: number;
  alreadyMembers: number;
  /** The same row errors as the dry run (plus any the database revealed since). Sorted by line. */
  errors: RowError[];
  warnings: RowWarning[];
  /** The seat request holding this import's invitations beyond the limit, if any (the internal one first). */
  seatRequestId?: string;
  /** One request per kind at most: internal (the plan's seats) and external (their own limit). */
  seatRequestIds?: Partial<Record<SeatKind, string>>;
}

/** Rows per writeInvitations call once the file is too big to keep in memory (see below). */
const BIG_FILE_CHUNK_ROWS = 1000;

/** A 100,000-row import takes tens of seconds; Prisma's default 5 s would cut it off. */
const TRANSACTION_TIMEOUT_MS = 15 * 60_000;

export async function runImport(
  db: Db,
  actor: Actor,
  source: ImportSource,
  options: RunImportOptions = {},
): Promise<RunImportResult> {
  assertCanManageInvitations(actor);
  const locale = options.locale ?? actor.locale;
  const properties = await importProperties(db, actor, options.licences);
  const reading = new ImportReading(source, actor.organization, locale, options, properties);
  const spool = new RowSpool(options.spoolMemoryRows);
  try {
    const adds: ValidRow[] = [];
    let anyCompany = false;
    for await (const chunk of reading.chunks(options.chunkRows)) {
      const invites: ValidRow[] = [];
      for (const row of chunk) (row.password === null && row.enterpriseId === null ? invites : adds).push(row);
      anyCompany ||= namesCompany(chunk);
      await spool.push(invites);
    }
    // Asked before the transaction, as the passwords are hashed: nothing else may use the database
    // while the import's transaction holds it (the embedded database has one session).
    const gates: RowGates = {};
    await askProvider(db, actor.organization.id, gates, adds);
    const withPassword = adds.filter((row) => row.password !== null);
    const hashes = new Map(
      (await hashPasswords(withPassword.map((row) => row.password ?? ''))).map((hash, i) => [withPassword[i], hash]),
    );

    const errors: RowError[] = [...reading.errors];
    const refuse = (row: ValidRow, field: Field, reason: Notice) =>
      errors.push(rowIssue(locale, row.line, columnOf(reading.columns, field), reason));

    const written = await db.$transaction(
      async (tx) => {
        const batch = await tx.importBatch.create({
          data: { organizationId: actor.organization.id, actorId: actor.member.id, fileName: options.fileName ?? null },
        });
        if (anyCompany) {
          // The tree is read once for the whole file, under the organization's lock (as a single
          // external invitation's company is), so that it cannot change under the rows.
          await lockOrganization(tx, actor.organization.id);
          gates.companies = await importCompanies(tx, actor.organization.id);
        }
        const members = await addImportedMembers(
          tx,
          actor,
          adds.map((row) => ({
            row,
            credential: row.enterpriseId ? { enterpriseId: row.enterpriseId } : (hashes.get(row) as string),
          })),
          gates,
          refuse,
        );
        const invitations = await writeSpooledInvitations(tx, actor, batch.id, spool, gates, refuse, options);
        const counts = { ...members, ...invitations.counts };
        const skipped = reading.rows - counts.invited - counts.held - counts.added;
        await tx.importBatch.update({
          where: { id: batch.id },
          data: { invited: counts.invited, held: counts.held, added: counts.added, skipped },
        });
        await recordAuditEvent(tx, actor, {
          action: 'import.completed',
          subjectType: 'import_batch',
          subjectId: batch.id,
          data: {
            fileName: options.fileName ?? null,
            rows: reading.rows,
            ...counts,
            errors: errors.length,
            seatRequestId: invitations.requests.seatRequestId ?? null,
            ...invitations.requests,
          },
        });
        return { batchId: batch.id, counts, requests: invitations.requests };
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
    );

    errors.sort(byLine);
    return {
      batchId: written.batchId,
      rows: reading.rows,
      valid: reading.rows - errors.length,
      ...written.counts,
      errors,
      warnings: reading.warnings,
      ...written.requests,
    };
  } finally {
    await spool.dispose();
  }
}

async function writeSpooledInvitations(
  tx: Prisma.TransactionClient,
  actor: Actor,
  batchId: string,
  spool: RowSpool,
  gates: RowGates,
  refuse: (row: ValidRow, field: Field, reason: Notice) => void,
  options: ImportOptions,
) {
  const counts = { invited: 0, held: 0, alreadyInvited: 0 };
  // Shared by every chunk: the whole import makes at most one seat request of each kind.
  const slots: SeatRequestSlots = {};
  let done = 0;
  // Each chunk's rows, their query parameters and Prisma's copies of them become garbage that V8
  // collects late: a big file is written in smaller chunks to keep the peak memory low.
  const size = options.chunkRows ?? (spool.spilled ? BIG_FILE_CHUNK_ROWS : CHUNK_ROWS);
  for await (const chunk of spool.chunks(size)) {
    // Internal and external rows of any companies go to the writer together, each with its company.
    const rows: ValidRow[] = [];
    for (const row of chunk) {
      const gate = passGates(row, gates);
      if (!gate.ok) refuse(row, gate.field, gate.reason);
      else {
        row.company = gate.company;
        rows.push(row);
      }
    }
    const outcome = await writeInvitations(tx, { actor, batchId, seatRequests: slots, rows });
    for (const created of outcome.created) counts[created.status === 'PENDING' ? 'invited' : 'held']++;
    counts.alreadyInvited += outcome.alreadyInvited.length;
    for (const { index, error } of outcome.refused) {
      const row = rows[index] as ValidRow;
      refuse(row, fieldOfRefusal(error.code), error);
    }
    done += chunk.length;
    options.onProgress?.(done, spool.count, 'writing');
  }
  return { counts, requests: heldOn(slots) };
}

/** The requests the import's held invitations wait on: none, or the id of each kind's. */
function heldOn(slots: SeatRequestSlots): Pick<RunImportResult, 'seatRequestId' | 'seatRequestIds'> {
  const seatRequestIds: Partial<Record<SeatKind, string>> = {};
  for (const kind of seatKinds) {
    const id = slots[kind]?.id;
    if (id) seatRequestIds[kind] = id;
  }
  const seatRequestId = seatRequestIds.internal ?? seatRequestIds.external;
  return seatRequestId ? { seatRequestId, seatRequestIds } : {};
}
