// Why a suspended external invitation (its company no longer covered, follow-coverage.ts) is not
// e-mailed again: its link would only show the "cannot be used right now" page. The refusal names
// the company to secure, read from the tree as it is now, or says that the company was removed.
import type { Db } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { Invitation, Prisma } from '../generated/prisma/client.js';
import { loadCompanyTree } from './company-tree.js';
import { parentsToSecure } from './coverage.js';

type Suspended = Pick<Invitation, 'organizationId' | 'email' | 'companyId' | 'companyName'>;

export async function suspendedInvitationRefusal(
  reader: Prisma.TransactionClient | Db,
  invitation: Suspended,
): Promise<AppError> {
  const { email, companyId } = invitation;
  const tree = companyId ? await loadCompanyTree(reader, invitation.organizationId) : [];
  const company = tree.find((node) => node.id === companyId);
  if (!company) {
    const name = invitation.companyName ?? '?';
    return new AppError('invitation.suspended_company_removed', { email, name }, 'refused');
  }
  return new AppError(
    'invitation.suspended',
    { email, name: company.name, parents: parentsToSecure(company) },
    'refused',
  );
}
