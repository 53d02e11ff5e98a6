// What the chat invite and add forms offer beyond the catalogue, read once when a form opens:
// the sign-in method when the organization has an enabled identity provider (issue: enterprise
// logins), and the partner companies an external member may join for, covered ones first (the
// others are listed after them, marked, so that an admin sees why one cannot be chosen yet), and
// the member properties (issue 17): the add-on licences with how many are left, and whether this
// admin may set credits.
// Slack and Teams render the same choices, so they offer the same things.
import { companyPath, loadCompanyTree } from '../companies/company-tree.js';
import type { Db } from '../db/database.js';
import type { JoinMode } from '../generated/prisma/client.js';
import { type Licence, readLicences } from '../licences/licence-catalogue.js';
import { licencesLeft, licenceUsage } from '../licences/licence-usage.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations, canSetCredits } from '../permissions/policy.js';
import { findProviderRow } from '../sso/provider-settings.js';

export interface CompanyChoice {
  id: string;
  /** "Groupe JLO/JLO PARIS": what the domain's company reference accepts, unambiguous. */
  path: string;
  covered: boolean;
}

export interface EnterpriseLoginChoice {
  /** "Acme SSO": the button invitees see. */
  label: string;
  joinMode: JoinMode;
}

export interface InviteFormChoices {
  /** Set when an enabled provider exists: the forms offer the sign-in method and the Enterprise ID. */
  enterpriseLogin: EnterpriseLoginChoice | null;
  /** Covered companies first, then the uncovered ones; each group in the tree's order. */
  companies: CompanyChoice[];
  /** The catalogue's licences in key order, each with how many are left (null: unlimited). */
  licences: LicenceChoice[];
  /** Credits are set by administrators only (the seed's condition): the forms show the field to them. */
  canSetCredits: boolean;
}

export interface LicenceChoice extends Licence {
  /** How many may still be assigned; null when the organization owns an unlimited number. */
  left: number | null;
}

/** The sign-in method members join with, for the forms and the seats summary. */
export async function enterpriseLoginChoice(db: Db, organizationId: string): Promise<EnterpriseLoginChoice | null> {
  const provider = await findProviderRow(db, organizationId);
  return provider ? { label: provider.label, joinMode: provider.joinMode } : null;
}

export async function inviteFormChoices(db: Db, actor: Actor): Promise<InviteFormChoices> {
  assertCanManageInvitations(actor);
  const orgId = actor.organization.id;
  const [enterpriseLogin, tree, licences, usage] = await Promise.all([
    enterpriseLoginChoice(db, orgId),
    loadCompanyTree(db, orgId),
    readLicences(db, orgId),
    licenceUsage(db, orgId),
  ]);
  const choices = tree.map((node) => ({ id: node.id, path: companyPath(node), covered: node.covered }));
  return {
    enterpriseLogin,
    companies: [...choices.filter((c) => c.covered), ...choices.filter((c) => !c.covered)],
    licences: licences.map((licence) => ({
      ...licence,
      left: licence.owned === null ? null : licencesLeft(licence.owned, usage.get(licence.key) ?? 0),
    })),
    canSetCredits: canSetCredits(actor.member, actor.organization),
  };
}
