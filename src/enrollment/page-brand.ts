// What of the organization's brand a page shows (its name, logo, colour, the "Sent with Sesame"
// line) and where a new member goes next (its sign-in URL). The accept page reads it, with the
// inviter's address, in one more prepared query by invitation id through the pages' pool; the
// first-login and sign-in pages, which are rarer, through Prisma by organization.
import { logoPath } from '../brand/brand-urls.js';
import type { LogoType } from '../brand/logo.js';
import type { Db } from '../db/database.js';
import type { PagesDatabase } from '../db/pages-database.js';
import { type Brand, readBrand, toBrand } from '../organizations/brand.js';

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

interface ExtrasRow {
  org_id: string;
  org_name: string;
  inviter_email: string;
  sign_in_url: string | null;
  getting_started_url: string | null;
  display_name: string | null;
  color: string | null;
  logo_type: LogoType | null;
  logo_hash: string | null;
  sesame_footer: boolean | null;
}

const EXTRAS = {
  name: 'sesame_invitation_page_brand',
  text: `
    SELECT o.id AS org_id, o.name AS org_name, m.email AS inviter_email, o.sign_in_url, o.getting_started_url,
           b.display_name, b.color, b.logo_type, b.logo_hash, b.sesame_footer
      FROM invitation i
      JOIN organization o ON o.id = i.organization_id
      JOIN member m ON m.id = i.inviter_id
      LEFT JOIN organization_brand b ON b.organization_id = o.id
     WHERE i.id = $1::uuid`,
};

/** The brand, next step and inviter's address of an open invitation (read after its page's own query). */
export async function loadInvitationPageExtras(
  pages: PagesDatabase,
  invitationId: string,
): Promise<InvitationPageExtras | undefined> {
  const [row] = await pages.read<ExtrasRow>(EXTRAS, [invitationId]);
  if (!row) return undefined;
  const brand = toBrand(
    row.sesame_footer === null
      ? null
      : {
          displayName: row.display_name,
          color: row.color,
          logoType: row.logo_type,
          logoHash: row.logo_hash,
          sesameFooter: row.sesame_footer,
        },
  );
  return {
    brand: pageBrandOf({ id: row.org_id, name: row.org_name }, brand),
    nextStep: { signInUrl: row.sign_in_url, gettingStartedUrl: row.getting_started_url },
    inviterEmail: row.inviter_email,
  };
}

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
