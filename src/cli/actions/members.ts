// The work of `sesame members`, `members set` and `members remove`.
import type { Command } from 'commander';
import { rowCompanies } from '../../companies/row-companies.js';
import type { Member } from '../../generated/prisma/client.js';
import type { Locale } from '../../i18n/locale.js';
import { memberProperties } from '../../licences/member-properties.js';
import { listMembers, type MemberView } from '../../members/list-members.js';
import { type MemberRemoval, removeMember } from '../../members/remove-member.js';
import { type AccessChange, setMemberAccess } from '../../members/set-member-access.js';
import { roleName, userTypeName } from '../../organizations/catalogue.js';
import type { MemberListOptions } from '../commands/members.js';
import { companyCells, companyHeaders, companyJson } from '../company-cells.js';
import { formatDate, table } from '../output.js';
import { runAsMember } from '../session.js';
import { cliTexts } from '../texts.js';

export function listAllMembers(options: MemberListOptions, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const list = await listMembers(db, actor, options);
    const companyOf = await rowCompanies(db, actor.organization.id, list.members);
    if (out.json) {
      return out.result({
        members: list.members.map((m) => ({
          ...memberJson(m),
          ...companyJson(companyOf(m)),
          invitedByEmail: m.invitedByEmail,
        })),
        total: list.total,
      });
    }
    const texts = cliTexts(locale);
    const catalogue = actor.organization.catalogue;
    // The company of external members, when the page has some (issue 16).
    const company = companyHeaders(list.members, locale);
    out.line(
      table(
        [...texts.memberHeaders, ...company],
        list.members.map((m: MemberView) => [
          m.email,
          [m.firstName, m.lastName].filter(Boolean).join(' '),
          m.username,
          roleName(catalogue, m.role, locale),
          userTypeName(catalogue, m.userType, locale),
          [m.isOwner ? texts.owner : '', m.isManager ? texts.manager : ''].filter(Boolean).join(', '),
          m.status === 'ACTIVE' ? texts.active : texts.mustChangePassword,
          formatDate(m.createdAt),
          ...companyCells(companyOf(m), company.length > 0, locale),
        ]),
      ),
    );
    out.line();
    out.line(texts.membersShown(list.members.length, list.total));
  });
}

export function setAccess(email: string, change: AccessChange, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const { member, changed } = await setMemberAccess(db, actor, { email, change });
    if (out.json) return out.result({ member: memberJson(member), changed });
    const texts = cliTexts(locale);
    const catalogue = actor.organization.catalogue;
    const shown =
      change.field === 'role' ? roleName(catalogue, member.role, locale) : member.isManager ? texts.yes : texts.no;
    out.line(
      changed
        ? texts.accessChanged(member.email, texts.accessField[change.field], shown)
        : texts.accessUnchanged(member.email, texts.accessField[change.field], shown),
    );
  });
}

export function remove(email: string, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const removed = await removeMember(db, actor, { email });
    if (out.json) return out.result({ removed });
    for (const line of removalLines(removed, locale)) out.line(line);
  });
}

const removalWords = {
  en: {
    removed: (email: string, seat: string, username: string) =>
      `${email} removed: their ${seat} and the username ${username} are free.`,
    internalSeat: 'internal seat',
    externalSeat: (company: string | null) => `external seat${company ? ` (${company})` : ''}`,
    invitations: (n: number) =>
      `${n} open invitation${n === 1 ? '' : 's'} they sent ${n === 1 ? 'is' : 'are'} now yours: you are told the outcomes.`,
    seatRequests: (n: number) =>
      `${n} seat request${n === 1 ? '' : 's'} they made ${n === 1 ? 'is' : 'are'} now yours.`,
  },
  fr: {
    removed: (email: string, seat: string, username: string) =>
      `${email} retiré : son ${seat} et le nom d'utilisateur ${username} sont libres.`,
    internalSeat: 'siège interne',
    externalSeat: (company: string | null) => `siège externe${company ? ` (${company})` : ''}`,
    invitations: (n: number) =>
      n === 1
        ? "1 invitation ouverte qu'il a envoyée est désormais la vôtre : vous serez informé de son issue."
        : `${n} invitations ouvertes qu'il a envoyées sont désormais les vôtres : vous serez informé de leur issue.`,
    seatRequests: (n: number) =>
      n === 1
        ? '1 demande de sièges qu’il a faite est désormais la vôtre.'
        : `${n} demandes de sièges qu’il a faites sont désormais les vôtres.`,
  },
} satisfies Record<Locale, unknown>;

function removalLines(removed: MemberRemoval, locale: Locale): string[] {
  const words = removalWords[locale];
  const seat = removed.kind === 'external' ? words.externalSeat(removed.company) : words.internalSeat;
  return [
    words.removed(removed.email, seat, removed.username),
    ...(removed.openInvitations > 0 ? [words.invitations(removed.openInvitations)] : []),
    ...(removed.pendingSeatRequests > 0 ? [words.seatRequests(removed.pendingSeatRequests)] : []),
  ];
}

export function memberJson(member: Omit<Member, 'passwordHash'>) {
  return {
    id: member.id,
    email: member.email,
    firstName: member.firstName,
    lastName: member.lastName,
    username: member.username,
    role: member.role,
    userType: member.userType,
    isOwner: member.isOwner,
    isManager: member.isManager,
    status: member.status,
    kind: member.external ? 'external' : 'internal',
    company: member.companyName,
    // Add-on licences, credits (a number, "unlimited" or null) and language (null: the organization's).
    ...memberProperties(member),
    createdAt: member.createdAt,
  };
}
