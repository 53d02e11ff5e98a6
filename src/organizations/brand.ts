// The organization's brand: the name, logo and colour its invitees see on e-mails and pages, and
// whether the small "Sent with Sesame" line shows. Owners only, like every setting. The logo is
// kept in organization_brand, apart from the organization row, so that no other read loads it.
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { checkBrandColor } from '../brand/contrast.js';
import { checkLogo, type LogoType } from '../brand/logo.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../permissions/actor.js';
import { assertOwner } from '../permissions/policy.js';
import { findTextFlaw } from '../text/edge-text.js';

export interface Brand {
  /** Shown instead of the organization's name; null: its name. */
  displayName: string | null;
  /** #rrggbb; null: Sesame's blue. */
  color: string | null;
  /** The logo's type and content hash (its bytes: readLogo); null: none. */
  logo: { type: LogoType; hash: string } | null;
  sesameFooter: boolean;
}

/** An organization that set nothing. */
export const NO_BRAND: Brand = { displayName: null, color: null, logo: null, sesameFooter: true };

export interface BrandChange {
  /** The file's bytes; null removes the logo. */
  logo?: Uint8Array | null;
  /** #rgb or #rrggbb; null: back to the default. */
  color?: string | null;
  /** null: back to the organization's name. */
  displayName?: string | null;
  sesameFooter?: boolean;
}

/** The columns of a brand, its logo's bytes left out. */
export const brandColumns = {
  displayName: true,
  color: true,
  logoType: true,
  logoHash: true,
  sesameFooter: true,
} as const;

export type BrandRow = {
  displayName: string | null;
  color: string | null;
  logoType: string | null;
  logoHash: string | null;
  sesameFooter: boolean;
};

export const toBrand = (row: BrandRow | null): Brand =>
  row
    ? {
        displayName: row.displayName,
        color: row.color,
        logo: row.logoType && row.logoHash ? { type: row.logoType as LogoType, hash: row.logoHash } : null,
        sesameFooter: row.sesameFooter,
      }
    : NO_BRAND;

/** The brand without the logo's bytes. */
export async function readBrand(db: Db, organizationId: string): Promise<Brand> {
  return toBrand(await db.organizationBrand.findUnique({ where: { organizationId }, select: brandColumns }));
}

/** The logo's bytes, for GET /brand/<organization id>/logo. */
export async function readLogo(
  db: Db,
  organizationId: string,
): Promise<{ bytes: Uint8Array; type: LogoType; hash: string } | null> {
  const row = await db.organizationBrand.findUnique({
    where: { organizationId },
    select: { logo: true, logoType: true, logoHash: true },
  });
  if (!row?.logo || !row.logoType || !row.logoHash) return null;
  return { bytes: row.logo, type: row.logoType as LogoType, hash: row.logoHash };
}

function checkDisplayName(text: string): string {
  const name = text.trim();
  if (name.length < 1 || name.length > 100 || findTextFlaw(name)) {
    throw new AppError('brand.display_name_invalid', {}, 'invalid');
  }
  return name;
}

export async function setBrand(db: Db, actor: Actor, change: BrandChange): Promise<Brand> {
  assertOwner(actor);
  if (Object.values(change).every((value) => value === undefined)) {
    throw new AppError('brand.nothing_to_change', {}, 'invalid');
  }
  // Every value is checked before anything is written: one bad value changes nothing.
  const logo = change.logo ? checkLogo(change.logo) : change.logo;
  const data = {
    ...(change.displayName !== undefined
      ? { displayName: change.displayName === null ? null : checkDisplayName(change.displayName) }
      : {}),
    ...(change.color !== undefined ? { color: change.color === null ? null : checkBrandColor(change.color) } : {}),
    ...(logo !== undefined
      ? logo === null
        ? { logo: null, logoType: null, logoHash: null }
        : { logo: Buffer.from(logo.bytes), logoType: logo.type, logoHash: logo.hash }
      : {}),
    ...(change.sesameFooter !== undefined ? { sesameFooter: change.sesameFooter } : {}),
  };
  const organizationId = actor.organization.id;
  return db.$transaction(async (tx) => {
    const row = await tx.organizationBrand.upsert({
      where: { organizationId },
      create: { organizationId, ...data },
      update: data,
      select: brandColumns,
    });
    const brand = toBrand(row);
    await recordAuditEvent(tx, actor, {
      action: 'organization.brand_changed',
      subjectType: 'organization',
      subjectId: organizationId,
      data: { ...brand, logo: brand.logo ? { ...brand.logo } : null },
    });
    return brand;
  });
}

/** Back to no brand at all: the organization's name, Sesame's colours, the footer on. */
export async function resetBrand(db: Db, actor: Actor): Promise<Brand> {
  assertOwner(actor);
  const organizationId = actor.organization.id;
  await db.$transaction(async (tx) => {
    await tx.organizationBrand.deleteMany({ where: { organizationId } });
    await recordAuditEvent(tx, actor, {
      action: 'organization.brand_reset',
      subjectType: 'organization',
      subjectId: organizationId,
      data: {},
    });
  });
  return NO_BRAND;
}
