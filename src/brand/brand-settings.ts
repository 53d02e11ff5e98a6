// An organization's brand as its owners review it (the CLI's `org brand`, the chats' settings):
// the brand row with the sender and next-step settings kept on the organization.
import type { Db } from '../db/database.js';
import { type Brand, readBrand } from '../organizations/brand.js';
import type { Organization } from '../organizations/organization.js';
import type { BrandSettings } from './brand-summary.js';
import { logoPath } from './brand-urls.js';

export async function readBrandSettings(
  db: Db,
  organization: Organization,
  publicUrl?: string,
): Promise<BrandSettings> {
  return brandSettingsOf(organization, await readBrand(db, organization.id), publicUrl);
}

/** The same, from a brand already at hand (just changed, say). */
export function brandSettingsOf(organization: Organization, brand: Brand, publicUrl?: string): BrandSettings {
  return {
    organizationName: organization.name,
    brand,
    emailFromName: organization.emailFromName,
    emailReplyTo: organization.emailReplyTo,
    signInUrl: organization.signInUrl,
    gettingStartedUrl: organization.gettingStartedUrl,
    ...(brand.logo && publicUrl ? { logoUrl: publicUrl + logoPath(organization.id, brand.logo.hash) } : {}),
  };
}
