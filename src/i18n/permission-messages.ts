// Refusals of the permission rules (src/permissions/policy.ts), each naming what was refused, in
// English and French. Part of `messages`: channels render them through `translate()`.
import { bilingual } from './message.js';

/** A refusal for what only owners and administrators may do, naming what was refused. */
const onlyAdmins = (en: string, fr: string) =>
  bilingual<{ email: string }>(
    (p) => `${p.email} may not ${en}: only owners and administrators may.`,
    (p) => `${p.email} ne peut pas ${fr}\u00a0: seuls les propriétaires et administrateurs le peuvent.`,
  );

export const permissionMessages = {
  'permission.invite': bilingual<{ email: string }>(
    (p) => `${p.email} may not invite, import, resend or revoke: only owners and administrators may.`,
    (p) =>
      `${p.email} ne peut pas inviter, importer, relancer ni révoquer : seuls les propriétaires et administrateurs le peuvent.`,
  ),
  'permission.list_invitations': onlyAdmins('list invitations', 'consulter les invitations'),
  'permission.list_members': onlyAdmins('list members', 'consulter les membres'),
  'permission.read_audit': onlyAdmins('read the audit trail', "consulter le journal d'audit"),
  'permission.manage_webhooks': onlyAdmins('manage webhooks', 'gérer les webhooks'),
  'permission.manage_companies': onlyAdmins('manage partner companies', 'gérer les sociétés partenaires'),
  'permission.remove_member': onlyAdmins('remove members', 'retirer des membres'),
  'permission.list_seat_requests': bilingual<{ email: string }>(
    (p) => `${p.email} may not list seat requests: only managers and owners may.`,
    (p) =>
      `${p.email} ne peut pas consulter les demandes de places\u00a0: seuls les responsables et propriétaires le peuvent.`,
  ),
  'permission.decide': bilingual<{ email: string }>(
    (p) => `${p.email} may not decide seat requests: only managers and owners may.`,
    (p) =>
      `${p.email} ne peut pas décider des demandes de places : seuls les responsables et propriétaires le peuvent.`,
  ),
  'permission.owner_only': bilingual<{ email: string }>(
    (p) => `${p.email} may not change this: only owners may.`,
    (p) => `${p.email} ne peut pas modifier ceci : seuls les propriétaires le peuvent.`,
  ),
};
