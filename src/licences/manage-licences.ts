// The organization's catalogue of add-on licences, listed with how many are used and edited by
// owners and administrators (src/permissions/policy.ts). Every write takes the organization's lock,
// as invitations do, so that lowering the number owned or removing a licence cannot race an
// invitation that takes one.
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { lockOrganization } from '../companies/company-tree.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Prisma } from '../generated/prisma/client.js';
import { findUserType } from '../organizations/catalogue.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageLicences } from '../permissions/policy.js';
import { type Licence, licenceParams, readLicences } from './licence-catalogue.js';
import { licenceUsage } from './licence-usage.js';

export interface LicenceWithUse extends Licence {
  /** Held by members plus reserved by open invitations. */
  used: number;
}

export interface LicenceChanges {
  nameEn?: string;
  nameFr?: string;
  /** User types by key or name, in either language. */
  userTypes?: string[];
  /** A whole number, as typed. */
  owned?: string;
  unlimited?: boolean;
}

const MAX_OWNED = 1_000_000;

export async function listLicences(db: Db, actor: Actor): Promise<LicenceWithUse[]> {
  assertCanManageLicences(actor);
  const [licences, usage] = await Promise.all([
    readLicences(db, actor.organization.id),
    licenceUsage(db, actor.organization.id),
  ]);
  return licences.map((licence) => ({ ...licence, used: usage.get(licence.key) ?? 0 }));
}

export async function addLicence(db: Db, actor: Actor, key: string, input: LicenceChanges): Promise<LicenceWithUse> {
  assertCanManageLicences(actor);
  const checkedKey = checkKey(key);
  const nameEn = checkName(input.nameEn, 'en');
  const nameFr = checkName(input.nameFr, 'fr');
  const userTypes = checkUserTypes(actor, input.userTypes);
  const owned = checkOwned(input) ?? null;
  return db.$transaction(async (tx) => {
    await lockOrganization(tx, actor.organization.id);
    const existing = await tx.licence.findUnique({
      where: { organizationId_key: { organizationId: actor.organization.id, key: checkedKey } },
    });
    if (existing) throw new AppError('licence.exists', { licence: checkedKey }, 'conflict');
    await tx.licence.create({
      data: { organizationId: actor.organization.id, key: checkedKey, nameEn, nameFr, userTypes, owned },
    });
    await audit(tx, actor, 'licence.added', { key: checkedKey, nameEn, nameFr, userTypes, owned });
    return { key: checkedKey, names: { en: nameEn, fr: nameFr }, userTypes, owned, used: 0 };
  });
}

export async function setLicence(db: Db, actor: Actor, key: string, input: LicenceChanges): Promise<LicenceWithUse> {
  assertCanManageLicences(actor);
  const data = {
    ...(input.nameEn !== undefined ? { nameEn: checkName(input.nameEn, 'en') } : {}),
    ...(input.nameFr !== undefined ? { nameFr: checkName(input.nameFr, 'fr') } : {}),
    ...(input.userTypes !== undefined ? { userTypes: checkUserTypes(actor, input.userTypes) } : {}),
  };
  const owned = checkOwned(input);
  return db.$transaction(async (tx) => {
    const { licence, used } = await lockedLicence(tx, actor, key);
    if (owned !== undefined && owned !== null && owned < used)
      throw new AppError('licence.owned_below_used', { ...licenceParams(licence), owned, used });
    const where = { organizationId_key: { organizationId: actor.organization.id, key: licence.key } };
    const row = await tx.licence.update({ where, data: { ...data, ...(owned !== undefined ? { owned } : {}) } });
    await audit(tx, actor, 'licence.changed', { key: licence.key, ...data, ...(owned !== undefined ? { owned } : {}) });
    return {
      key: row.key,
      names: { en: row.nameEn, fr: row.nameFr },
      userTypes: row.userTypes,
      owned: row.owned,
      used,
    };
  });
}

/** Refused while the licence is assigned (to a member or an open invitation), with the count. */
export async function removeLicence(db: Db, actor: Actor, key: string): Promise<Licence> {
  assertCanManageLicences(actor);
  return db.$transaction(async (tx) => {
    const { licence, used } = await lockedLicence(tx, actor, key);
    if (used > 0) throw new AppError('licence.in_use', { ...licenceParams(licence), count: used });
    await tx.licence.delete({
      where: { organizationId_key: { organizationId: actor.organization.id, key: licence.key } },
    });
    await audit(tx, actor, 'licence.removed', { key: licence.key });
    return licence;
  });
}

async function lockedLicence(tx: Prisma.TransactionClient, actor: Actor, key: string) {
  await lockOrganization(tx, actor.organization.id);
  const licences = await readLicences(tx, actor.organization.id);
  const licence = licences.find((l) => l.key === key.trim().toLowerCase());
  if (!licence) throw new AppError('licence.not_found', { licence: key.trim() }, 'not_found');
  const used = (await licenceUsage(tx, actor.organization.id)).get(licence.key) ?? 0;
  return { licence, used };
}

function audit(tx: Prisma.TransactionClient, actor: Actor, action: string, data: Prisma.InputJsonObject) {
  return recordAuditEvent(tx, actor, { action, subjectType: 'licence', subjectId: String(data.key), data });
}

function checkKey(key: string): string {
  const value = key.trim().toLowerCase();
  if (!/^[a-z][a-z0-9_-]{0,39}$/.test(value)) throw new AppError('licence.invalid_key', { key: key.trim() }, 'invalid');
  return value;
}

function checkName(name: string | undefined, language: 'en' | 'fr'): string {
  const value = (name ?? '').trim();
  if (!value || value.length > 100) throw new AppError('licence.invalid_name', { language }, 'invalid');
  return value;
}

function checkUserTypes(actor: Actor, asked: string[] | undefined): string[] {
  const catalogue = actor.organization.catalogue;
  const names = (asked ?? [])
    .flatMap((entry) => entry.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (names.length === 0) throw new AppError('licence.user_types_required', {}, 'invalid');
  const keys: string[] = [];
  for (const name of names) {
    const type = findUserType(catalogue, name);
    if (!type) {
      const known = catalogue.userTypes.map((u) => u.names.en).join(', ');
      throw new AppError('user_type.unknown', { userType: name, known }, 'invalid');
    }
    if (!keys.includes(type.key)) keys.push(type.key);
  }
  return keys;
}

/** undefined: not changed; null: unlimited. */
function checkOwned(input: LicenceChanges): number | null | undefined {
  if (input.unlimited) return null;
  if (input.owned === undefined) return undefined;
  const value = input.owned.trim();
  const owned = /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(owned) || owned > MAX_OWNED) throw new AppError('licence.invalid_owned', { value }, 'invalid');
  return owned;
}
