// "Resend the expiring ones", from the digest: each pending invitation expiring within 48 hours
// is resent through the single resend (resend.ts), so the cooldown, the new link and the renewed
// lifetime are its rules, not copies of them; those within the cooldown are counted apart.
import type { Db } from '../db/database.js';
import { isAppError } from '../errors/app-error.js';
import { resendInvitation } from '../invitations/resend.js';
import type { Actor } from '../permissions/actor.js';
import { assertCanManageInvitations } from '../permissions/policy.js';
import { expiringInvitationIds } from './digest-summary.js';

export interface ExpiringResent {
  resent: number;
  /** E-mailed within the resend cooldown: left alone. */
  cooldown: number;
  /** No longer pending when their turn came (accepted, revoked meanwhile). */
  failed: number;
}

export async function resendExpiring(db: Db, actor: Actor, now = new Date()): Promise<ExpiringResent> {
  assertCanManageInvitations(actor);
  const result: ExpiringResent = { resent: 0, cooldown: 0, failed: 0 };
  for (const id of await expiringInvitationIds(db, actor.organization.id, now)) {
    try {
      await resendInvitation(db, actor, id, now);
      result.resent++;
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (error.code === 'resend.cooldown') result.cooldown++;
      else result.failed++;
    }
  }
  return result;
}
