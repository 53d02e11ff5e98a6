// What of the organization's brand a page shows (its name, logo, colour, the "Sent with Sesame"
// line) and where a new member goes next (its sign-in URL). The accept page has it, with the
// inviter's address, from its invitation's one query (src/invitations/invitation-page.ts); the
// first-login and sign-in pages, which are rarer, read it through Prisma by organization.
import { logoPath } from '../brand/brand-urls.js';
import type { Db } from '../db/database.js';
import type { InvitationPageData } from '../invitations/invitation-page.js';
import { type Brand, readBrand } from '../organizations/brand.js';

export interface PageBrand {
  /** The display name, else the organization's name. */
  name: string;
  /** #rrggbb, painted by /brand/theme/<hex>.css; none: Sesame's blue. */
  color?: string;
  /** The logo's path on this service (an SVG too: pages show it through <img>, where no script runs). */
  logoUrl?: string;
  sesameFooter: boolean;
}

export interface NextStep {
  signInUrl: string | null;
  gettingStartedUrl: string | null;
}

export const pageBrandOf = (organization: { id: string; name: string }, brand: Brand): PageBrand => ({
  name: brand.displayName ?? organization.name,
  ...(brand.color ? { color: brand.color } : {}),
  ...(brand.logo ? { logoUrl: logoPath(organization.id, brand.logo.hash) } : {}),
  sesameFooter: brand.sesameFooter,
});

export interface InvitationPageExtras {
  brand: PageBrand;
  nextStep: NextStep;
  inviterEmail: string;
}

/** The brand, next step and inviter's address of an open invitation, from its page's one query. */
export const invitationPageExtras = (page: InvitationPageData): InvitationPageExtras => ({
  brand: pageBrandOf(page.organization, page.brand),
  nextStep: page.nextStep,
  inviterEmail: page.inviterEmail,
});

/** The brand and next step of an organization the page already has. */
export async function loadOrganizationPageBrand(
  db: Db,
  organization: { id: string; name: string } & NextStep,
): Promise<{ brand: PageBrand; nextStep: NextStep }> {
  return {
    brand: pageBrandOf(organization, await readBrand(db, organization.id)),
    nextStep: { signInUrl: organization.signInUrl, gettingStartedUrl: organization.gettingStartedUrl },
  };
}
