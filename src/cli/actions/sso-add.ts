// The work of `sesame add <e-mail> --enterprise-id <id>`: the member is added active, without a
// password; the warning that a wrong ID makes an unusable account is printed every time.
import type { Command } from 'commander';
import { renderNotice } from '../../i18n/messages.js';
import { roleName, userTypeName } from '../../organizations/catalogue.js';
import { addMemberByEnterpriseId } from '../../sso/add-member-by-enterprise-id.js';
import type { AddOptions } from '../commands/add.js';
import { runAsMember } from '../session.js';
import { memberJson } from './members.js';

const texts = {
  en: {
    added: (email: string, id: string, role: string, type: string) =>
      `${email} added with the enterprise ID ${id}, as ${role} (${type}); they sign in with the enterprise login.`,
    warning: 'Warning:',
  },
  fr: {
    added: (email: string, id: string, role: string, type: string) =>
      `${email} ajouté avec l'ID d'entreprise ${id}, comme ${role} (${type}) ; connexion avec l'identifiant d'entreprise.`,
    warning: 'Attention :',
  },
};

export function addByEnterpriseId(email: string, options: AddOptions, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const { member, warnings } = await addMemberByEnterpriseId(db, actor, {
      email,
      firstName: options.firstName,
      lastName: options.lastName,
      enterpriseId: options.enterpriseId ?? '',
      role: options.role,
      userType: options.type,
      external: options.external,
      company: options.company,
      licences: options.licences,
      credits: options.credits,
      language: options.memberLanguage,
    });
    if (out.json) {
      return out.result({
        member: { ...memberJson(member), enterpriseId: member.enterpriseId },
        warnings: warnings.map((w) => ({ code: w.code, message: renderNotice(locale, w) })),
      });
    }
    const catalogue = actor.organization.catalogue;
    out.line(
      texts[locale].added(
        member.email,
        member.enterpriseId ?? '',
        roleName(catalogue, member.role, locale),
        userTypeName(catalogue, member.userType, locale),
      ),
    );
    for (const warning of warnings) out.warn(`${texts[locale].warning} ${renderNotice(locale, warning)}`);
  });
}
