// The permission rules, in one place. Reading is checked like writing: the pending list, the
// members and the audit trail hold e-mail addresses and names, so they are for those who manage
// invitations; seat requests are for those who decide them.
import { AppError } from '../errors/app-error.js';
import type { Member } from '../generated/prisma/client.js';
import { roleByKey } from '../organizations/catalogue.js';
import type { Organization } from '../organizations/organization.js';
import type { Actor } from './actor.js';

/** Owners and members with an admin role invite, import, add, resend and revoke. */
export const canManageInvitations = (member: Member, org: Organization) =>
  member.isOwner || Boolean(roleByKey(org.catalogue, member.role)?.admin);

/** Managers and owners decide seat requests. */
export const canDecideSeatRequests = (member: Member) => member.isOwner || member.isManager;

/**
 * Owners change the organization's settings, print link codes and choose where the managers'
 * seat requests are posted (a Teams channel is adopted on install only when an owner adds the bot).
 */
export const canChangeSettings = (member: Member) => member.isOwner;

/** What is done to an owner is done by an owner only: an admin can neither take over nor push out an owner. */
const ownerOnlyByOwner = (acting: Member, member: Member) => !member.isOwner || acting.isOwner;

/** An owner's temporary password is reissued by an owner only: an admin cannot take over an owner. */
export const canReissuePasswordOf = ownerOnlyByOwner;

/**
 * Nobody removes themselves, in any channel: a slip would lock them out, and what they started
 * (open invitations, seat requests) is handed to whoever removes them, who must be someone else.
 */
export const removesThemselves = (acting: Member, member: Member) => acting.id === member.id;

/** Owners and administrators remove members other than themselves; an owner by another owner only. */
export const canRemoveMember = (acting: Member, member: Member, org: Organization) =>
  canManageInvitations(acting, org) && !removesThemselves(acting, member) && ownerOnlyByOwner(acting, member);

/**
 * Owners and administrators keep the catalogue of add-on licences: ArcGIS lets administrators
 * manage licences, and assigning them is part of inviting, which they already do.
 */
export const canManageLicences = (member: Member, org: Organization) => canManageInvitations(member, org);

/**
 * Credits are allocated by administrators only (the seed: "visible only if you are an
 * administrator"); owners are above administrators. Kept apart from inviting so that a role that
 * may invite without being an administrator would not allocate credits.
 */
export const canSetCredits = (member: Member, org: Organization) =>
  member.isOwner || Boolean(roleByKey(org.catalogue, member.role)?.admin);

/** The organization always keeps an owner: its last one is never removed. `owners` counts them now. */
export const keepsAnOwner = (member: Member, owners: number) => !member.isOwner || owners > 1;

/**
 * What only owners and administrators may do, each with its own refusal (src/i18n/messages.ts
 * `permission.<task>`), so that the refusal names what was refused.
 */
export type AdminTask =
  | 'invite'
  | 'list_invitations'
  | 'list_members'
  | 'read_audit'
  | 'manage_webhooks'
  | 'manage_companies'
  | 'remove_member'
  | 'decide_invite_requests'
  | 'list_invite_requests';

export function assertCanManageInvitations(actor: Actor, task: AdminTask = 'invite'): void {
  if (!canManageInvitations(actor.member, actor.organization)) {
    throw new AppError(`permission.${task}`, { email: actor.member.email }, 'forbidden');
  }
}

/**
 * Owners and administrators add, list, secure, move and remove partner companies: securing one
 * decides who may be invited as an external member, so it is an administrator's decision.
 */
export function assertCanManageCompanies(actor: Actor): void {
  assertCanManageInvitations(actor, 'manage_companies');
}

export function assertCanManageLicences(actor: Actor): void {
  if (!canManageLicences(actor.member, actor.organization)) {
    throw new AppError('permission.manage_licences', { email: actor.member.email }, 'forbidden');
  }
}

export function assertCanSetCredits(actor: Actor): void {
  if (!canSetCredits(actor.member, actor.organization)) {
    throw new AppError('permission.set_credits', { email: actor.member.email }, 'forbidden');
  }
}

export function assertCanDecideSeatRequests(actor: Actor): void {
  if (!canDecideSeatRequests(actor.member)) {
    throw new AppError('permission.decide', { email: actor.member.email }, 'forbidden');
  }
}

/** Seat requests are listed by those who decide them: managers and owners. */
export function assertCanListSeatRequests(actor: Actor): void {
  if (!canDecideSeatRequests(actor.member)) {
    throw new AppError('permission.list_seat_requests', { email: actor.member.email }, 'forbidden');
  }
}

export function assertOwner(actor: Actor): void {
  if (!canChangeSettings(actor.member))
    throw new AppError('permission.owner_only', { email: actor.member.email }, 'forbidden');
}

/**
 * The removal rules in the order they are told: who may remove members at all, then not oneself,
 * then an owner by an owner only, then never the last owner. `owners` is the organization's owner
 * count, read under its lock by the removal itself (a preview may read it without).
 */
export function assertCanRemoveMember(actor: Actor, member: Member, owners: number): void {
  assertCanManageInvitations(actor, 'remove_member');
  const email = member.email;
  if (removesThemselves(actor.member, member)) throw new AppError('member.remove_self', { email });
  if (!canRemoveMember(actor.member, member, actor.organization)) {
    throw new AppError('member.remove_owner', { email }, 'forbidden');
  }
  if (!keepsAnOwner(member, owners)) throw new AppError('member.last_owner', { email });
}
