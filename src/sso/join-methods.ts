// How an invitation is accepted: one rule for the accept page (what it offers) and the domain
// (what it takes). An enterprise invitation is accepted through the provider; its password form
// is offered too only when the organization lets members join either way. Without an enabled
// provider the password form stays, so an invitation never becomes impossible to accept.
import type { JoinMode } from '../generated/prisma/client.js';

export interface JoinMethods {
  /** "Continue with <label>". */
  enterprise: boolean;
  password: boolean;
}

export function joinMethods(
  invitation: { enterprise: boolean },
  provider: { joinMode: JoinMode } | undefined,
): JoinMethods {
  const enterprise = Boolean(provider) && invitation.enterprise;
  return { enterprise, password: !enterprise || provider?.joinMode === 'EITHER' };
}
