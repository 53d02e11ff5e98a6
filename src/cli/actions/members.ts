// The work of `sesame members` and `members set`.
import type { Command } from 'commander';
import type { Member } from '../../generated/prisma/client.js';
import { listMembers, type MemberView } from '../../members/list-members.js';
import { type AccessChange, setMemberAccess } from '../../members/set-member-access.js';
import { roleName, userTypeName } from '../../organizations/catalogue.js';
import type { MemberListOptions } from '../commands/members.js';
import { formatDate, table } from '../output.js';
import { runAsMember } from '../session.js';
import { cliTexts } from '../texts.js';

export function listAllMembers(options: MemberListOptions, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const list = await listMembers(db, actor, options);
    if (out.json) {
      return out.result({
        members: list.members.map((m) => ({ ...memberJson(m), invitedByEmail: m.invitedByEmail })),
        total: list.total,
      });
    }
    const texts = cliTexts(locale);
    const catalogue = actor.organization.catalogue;
    out.line(
      table(
        texts.memberHeaders,
        list.members.map((m: MemberView) => [
          m.email,
          [m.firstName, m.lastName].filter(Boolean).join(' '),
          m.username,
          roleName(catalogue, m.role, locale),
          userTypeName(catalogue, m.userType, locale),
          [m.isOwner ? texts.owner : '', m.isManager ? texts.manager : ''].filter(Boolean).join(', '),
          m.status === 'ACTIVE' ? texts.active : texts.mustChangePassword,
          formatDate(m.createdAt),
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
    createdAt: member.createdAt,
  };
}
