// The rules one row must pass before the database is asked anything: the same rules as a single
// invite or direct add (e-mail, role and user type, username, names, password), plus duplicates
// inside the file. The first problem of a row is reported; every row is checked.
import type { Result } from '../errors/result.js';
import { checkEmailAddress } from '../forms/email-address.js';
import { checkName } from '../forms/field-checks.js';
import { checkPassword } from '../forms/password-policy.js';
import { checkUsername, usernameFromEmail } from '../forms/username.js';
import type { Locale } from '../i18n/locale.js';
import { type Notice, notice } from '../i18n/messages.js';
import type { NewInvitation } from '../invitations/write-invitations.js';
import { resolveLicences, splitLicenceList } from '../licences/assign-licences.js';
import { parseCredits, parseLanguage } from '../licences/member-settings.js';
import { type Assignment, resolveAssignment } from '../organizations/catalogue.js';
import type { Organization } from '../organizations/organization.js';
import { checkEnterpriseId } from '../sso/enterprise-id.js';
import { findTextFlaw, textFlawNotice } from '../text/edge-text.js';
import { noRowProperties, type RowProperties } from './import-properties.js';
import type { RowError, RowIssue, RowWarning } from './import-types.js';
import type { Columns, Field } from './map-columns.js';
import type { CsvRecord } from './read-csv-records.js';
import { columnOf, rowIssue } from './row-issue.js';
import { type RawRow, rawRowReader } from './row-schema.js';

/**
 * A row that passed every rule that needs no database. It is also the invitation to write as is
 * (an import has no groups nor message): 100,000 rows are not copied once more on their way out.
 */
export interface ValidRow extends NewInvitation {
  line: number;
  /** Present: the row adds a member directly with this temporary password; absent: it invites. */
  password: string | null;
  /** Present: the row adds a member directly who signs in with this enterprise ID (no password). */
  enterpriseId: string | null;
  /**
   * Present: the person is external, of the partner company named so in the file (a name or a
   * path). It is checked against the company tree when the database is asked (import-companies.ts).
   */
  companyRef: string | null;
}

/** Shared by every row: writeInvitations only reads it. */
const noGroups: string[] = [];
const noLicences: string[] = [];
const noWarnings: RowWarning[] = [];

// Spelled out rather than spread: V8 copies a spread of 8 properties ~10x slower, which was
// most of the validation time of a 100,000-row file.
export const importedRow = (
  f: Pick<
    ValidRow,
    | 'line'
    | 'email'
    | 'firstName'
    | 'lastName'
    | 'username'
    | 'role'
    | 'userType'
    | 'password'
    | 'enterpriseId'
    | 'companyRef'
    | 'licences'
    | 'credits'
    | 'language'
  >,
): ValidRow => ({
  line: f.line,
  email: f.email,
  firstName: f.firstName,
  lastName: f.lastName,
  username: f.username,
  role: f.role,
  userType: f.userType,
  password: f.password,
  enterpriseId: f.enterpriseId,
  companyRef: f.companyRef,
  licences: f.licences,
  credits: f.credits,
  language: f.language,
  groups: noGroups,
  message: null,
  mustUseEmail: true,
});

export type RowOutcome = { ok: true; row: ValidRow; warnings: RowWarning[] } | { ok: false; error: RowError };

export type RowValidator = (record: CsvRecord) => RowOutcome;

class RowProblem {
  constructor(
    readonly notice: Notice,
    readonly field: Field,
  ) {}
}

export function createRowValidator(
  org: Organization,
  columns: Columns,
  locale: Locale,
  properties: RowProperties = noRowProperties,
): RowValidator {
  const readRaw = rawRowReader(columns);
  const mapped = Object.keys(columns.index) as Field[];
  const firstLineOfEmail = new Map<string, number>();
  const firstLineOfUsername = new Map<string, number>();
  // Files repeat the same few role/type pairs: resolve each pair once.
  const assignments = new Map<string, Result<Assignment>>();
  // ... and the same licences for the same user type (the batch's licences by user type alone).
  const licenceChoices = new Map<string, Result<string[]>>();
  const licencesFor = (cell: string, userType: string): string[] => {
    const batchKey = `\u0001${userType}`;
    let batch = licenceChoices.get(batchKey);
    if (!batch) {
      const asked = properties.batchLicences;
      batch = resolveLicences(properties.licences, org.catalogue, asked, [userType], true);
      licenceChoices.set(batchKey, batch);
    }
    // A licence given to the whole file that this row's user type cannot hold: remove the row.
    const forAll = take(batch, 'userType');
    if (!cell) return forAll.length === 0 ? noLicences : forAll;
    const key = `${cell}\u0000${userType}`;
    let own = licenceChoices.get(key);
    if (!own) {
      own = resolveLicences(properties.licences, org.catalogue, splitLicenceList(cell), [userType]);
      licenceChoices.set(key, own);
    }
    const mine = take(own, 'licences');
    return forAll.length === 0 ? mine : [...new Set([...forAll, ...mine])];
  };
  const issue = (line: number, field: Field, n: Notice): RowIssue =>
    rowIssue(locale, line, columnOf(columns, field), n);
  const headerOf = (field: Field) => columnOf(columns, field) ?? field;
  const take = <T>(result: Result<T>, field: Field): T => {
    if (!result.ok) throw new RowProblem(result.error, fieldOf(result.error, field, columns));
    return result.value;
  };

  function check(line: number, raw: RawRow): { row: ValidRow; warnings: Notice[] } {
    // Every cell passes the edge rule on text before any other: a NUL, refused by PostgreSQL,
    // must stop the row in the dry run rather than abort the real import.
    for (const field of mapped) {
      const flaw = findTextFlaw(raw[field].trim());
      if (flaw === 'not_utf8') throw new RowProblem(notice('import.row_not_utf8', {}), field);
      if (flaw) throw new RowProblem(textFlawNotice(headerOf(field), raw[field]) as Notice, field);
    }
    if (!raw.email) throw new RowProblem(notice('import.row_empty_email', {}), 'email');
    const email = take(checkEmailAddress(raw.email, org.allowedDomains), 'email');
    const seenOn = firstLineOfEmail.get(email);
    if (seenOn !== undefined) throw new RowProblem(notice('email.duplicate_in_file', { email, line: seenOn }), 'email');
    firstLineOfEmail.set(email, line);

    const key = `${raw.role}\u0000${raw.userType}`;
    let assignment = assignments.get(key);
    if (!assignment) {
      assignment = resolveAssignment(org.catalogue, { role: raw.role, userType: raw.userType });
      assignments.set(key, assignment);
    }
    const { role, userType } = take(assignment, 'role');

    let username: string | null = null;
    if (raw.username) {
      username = take(checkUsername(raw.username), 'username');
      const usernameSeenOn = firstLineOfUsername.get(username);
      if (usernameSeenOn !== undefined) {
        throw new RowProblem(notice('username.duplicate_in_file', { username, line: usernameSeenOn }), 'username');
      }
      firstLineOfUsername.set(username, line);
    }
    const firstName = take(checkName('First name', raw.firstName), 'firstName');
    const lastName = take(checkName('Last name', raw.lastName), 'lastName');
    // As for a direct add: the password may not be the username, given or generated.
    const password = raw.password
      ? take(checkPassword(raw.password, username ?? usernameFromEmail(email)), 'password')
      : null;
    const enterpriseId = raw.enterpriseId ? take(checkEnterpriseId(raw.enterpriseId), 'enterpriseId') : null;
    if (enterpriseId && password) throw new RowProblem(notice('import.password_and_enterprise_id', {}), 'enterpriseId');
    // A blank cell is no company: the row is internal.
    const companyRef = raw.company.trim() || null;
    const licences = licencesFor(raw.licences.trim(), userType);
    const credits = take(parseCredits(raw.credits), 'credits');
    if (credits !== null && properties.creditsRefusal) throw new RowProblem(properties.creditsRefusal, 'credits');
    const language = take(parseLanguage(raw.language), 'language');
    return {
      row: importedRow({
        line,
        email,
        firstName,
        lastName,
        username,
        role,
        userType,
        password,
        enterpriseId,
        companyRef,
        licences,
        credits,
        language,
      }),
      warnings: assignment.ok ? assignment.warnings : [],
    };
  }

  return (record) => {
    try {
      const { row, warnings } = check(record.line, readRaw(record.fields));
      const rowWarnings =
        warnings.length === 0 ? noWarnings : warnings.map((w) => issue(record.line, fieldOf(w, 'role', columns), w));
      return { ok: true, row, warnings: rowWarnings };
    } catch (problem) {
      if (!(problem instanceof RowProblem)) throw problem;
      return { ok: false, error: issue(record.line, problem.field, problem.notice) };
    }
  };
}

/** The column a role or user type problem belongs to depends on which columns the file has. */
function fieldOf(n: Notice, fallback: Field, columns: Columns): Field {
  if (n.code === 'user_type.unknown') return 'userType';
  if (n.code.startsWith('role.')) return columns.header.role !== undefined ? 'role' : 'userType';
  if (n.code === 'name.too_long')
    return (n.params as { field: string }).field === 'First name' ? 'firstName' : 'lastName';
  return fallback;
}
