// The work of `sesame add`.
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { renderNotice } from '../../i18n/messages.js';
import { addMember } from '../../members/add-member.js';
import { roleName, userTypeName } from '../../organizations/catalogue.js';
import type { AddOptions } from '../commands/add.js';
import { runAsMember } from '../session.js';
import { cliTexts } from '../texts.js';
import { memberJson } from './members.js';

export async function addOne(email: string, options: AddOptions, command: Command): Promise<void> {
  if (options.enterpriseId !== undefined)
    return (await import('./sso-add.js')).addByEnterpriseId(email, options, command);
  const password = options.password === '-' ? await readFirstLine() : (options.password ?? '');
  await runAsMember(command, async ({ db, actor, out, locale }) => {
    const { member, warnings } = await addMember(db, actor, {
      email,
      firstName: options.firstName,
      lastName: options.lastName,
      password,
      username: options.username,
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
        member: memberJson(member),
        warnings: warnings.map((w) => ({ code: w.code, message: renderNotice(locale, w) })),
      });
    }
    const texts = cliTexts(locale);
    const catalogue = actor.organization.catalogue;
    out.line(
      texts.memberAdded(
        member.email,
        member.username,
        roleName(catalogue, member.role, locale),
        userTypeName(catalogue, member.userType, locale),
      ),
    );
    for (const warning of warnings) out.warn(`${texts.warningPrefix} ${renderNotice(locale, warning)}`);
  });
}

async function readFirstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}
