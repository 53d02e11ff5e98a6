// Refusals of a member's removal (src/members/remove-member.ts, rules in src/permissions/policy.ts),
// in English and French. Part of `messages`: channels render them through `translate()`.
import { bilingual } from './message.js';

type E = { email: string };

export const memberRemovalMessages = {
  'member.remove_self': bilingual<E>(
    (p) =>
      `You cannot remove yourself (${p.email}): ask another owner or administrator to remove you. Your open invitations then become theirs.`,
    (p) =>
      `Vous ne pouvez pas vous retirer vous-même (${p.email})\u00a0: demandez à un autre propriétaire ou administrateur de vous retirer. Vos invitations ouvertes deviendront alors les siennes.`,
  ),
  'member.remove_owner': bilingual<E>(
    (p) => `Only an owner may remove ${p.email}, who is an owner.`,
    (p) => `Seul un propriétaire peut retirer ${p.email}, qui est propriétaire.`,
  ),
  'member.last_owner': bilingual<E>(
    (p) => `${p.email} is the organization's last owner and stays: an organization always keeps an owner.`,
    (p) =>
      `${p.email} est le dernier propriétaire de l'organisation et reste\u00a0: une organisation garde toujours un propriétaire.`,
  ),
};
