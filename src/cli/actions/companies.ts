// The work of `sesame companies` and its subcommands: one domain call each, rendered.
import type { Command } from 'commander';
import { addCompany } from '../../companies/add-company.js';
import type { CompanyChange } from '../../companies/change-company.js';
import { NO_PARENT } from '../../companies/company-name.js';
import { type CompanyNode, companyPath } from '../../companies/company-tree.js';
import { drawCompanyTree } from '../../companies/draw-company-tree.js';
import { type CompanyBranch, listCompanies } from '../../companies/list-companies.js';
import { moveCompany } from '../../companies/move-company.js';
import { removeCompany } from '../../companies/remove-company.js';
import { setCompanySecured } from '../../companies/secure-company.js';
import type { Locale } from '../../i18n/locale.js';
import type { Output } from '../output.js';
import { runAsMember } from '../session.js';

const texts = {
  en: {
    none: 'No partner company yet: add one with `sesame companies add <name>`.',
    secured: 'secured',
    covered: 'covered',
    notCovered: 'not covered',
    added: (c: CompanyNode) =>
      `Company ${companyPath(c)} added${c.covered ? ': covered.' : ': not covered yet (secure it or a parent company before inviting its people).'}`,
    unchanged: (name: string, what: string) => `${name} was already ${what}: nothing changed.`,
    done: {
      secure: (name: string) => `${name} is secured.`,
      unsecure: (name: string) => `${name} is no longer secured.`,
      move: (name: string) => `${name} moved.`,
      remove: (name: string) => `${name} removed.`,
    },
    whereItWas: { secure: 'secured', unsecure: 'not secured', move: 'there', remove: '' },
    gained: (names: string[]) => `Now covered (${names.length}): ${names.join(', ')}.`,
    lost: (names: string[]) => `No longer covered (${names.length}): ${names.join(', ')}.`,
    suspended: (invitations: number, members: number) =>
      `External invitations suspended: ${invitations} (their links cannot be used until the company is covered again). External members in a company no longer covered: ${members} (kept: decide for each).`,
    resumed: (invitations: number) => `External invitations resumed: ${invitations}.`,
    held: (invitations: number) =>
      `Of those, held for a manager’s approval (beyond the external seats): ${invitations}. See sesame requests.`,
  },
  fr: {
    none: 'Aucune société partenaire : ajoutez-en une avec `sesame companies add <nom>`.',
    secured: 'sécurisée',
    covered: 'couverte',
    notCovered: 'non couverte',
    added: (c: CompanyNode) =>
      `Société ${companyPath(c)} ajoutée${c.covered ? ' : couverte.' : ' : pas encore couverte (sécurisez-la, ou une société mère, avant d’inviter ses collaborateurs).'}`,
    unchanged: (name: string, what: string) => `${name} était déjà ${what} : rien n’a changé.`,
    done: {
      secure: (name: string) => `${name} est sécurisée.`,
      unsecure: (name: string) => `${name} n’est plus sécurisée.`,
      move: (name: string) => `${name} déplacée.`,
      remove: (name: string) => `${name} retirée.`,
    },
    whereItWas: { secure: 'sécurisée', unsecure: 'non sécurisée', move: 'à cet endroit', remove: '' },
    gained: (names: string[]) => `Désormais couvertes (${names.length}) : ${names.join(', ')}.`,
    lost: (names: string[]) => `Plus couvertes (${names.length}) : ${names.join(', ')}.`,
    suspended: (invitations: number, members: number) =>
      `Invitations externes suspendues : ${invitations} (leurs liens ne peuvent plus servir tant que la société n’est pas à nouveau couverte). Membres externes d’une société qui n’est plus couverte : ${members} (conservés : à vous de décider pour chacun).`,
    resumed: (invitations: number) => `Invitations externes reprises : ${invitations}.`,
    held: (invitations: number) =>
      `Dont retenues pour l’approbation d’un responsable (au-delà des places externes) : ${invitations}. Voir sesame requests.`,
  },
};

type Verb = keyof (typeof texts)['en']['done'];

const companyJson = (c: CompanyNode) => ({
  id: c.id,
  name: c.name,
  path: companyPath(c),
  secured: c.secured,
  covered: c.covered,
});
const branchJson = (c: CompanyBranch): unknown => ({ ...companyJson(c), subsidiaries: c.subsidiaries.map(branchJson) });

/** "Groupe JLO  [secured]", "├─ JLO PARIS  [covered]"... */
function drawTree(branches: CompanyBranch[], locale: Locale): string[] {
  const words = texts[locale];
  return drawCompanyTree(branches, (branch) => {
    const mark = branch.secured ? words.secured : branch.covered ? words.covered : words.notCovered;
    return `${branch.name}  [${mark}]`;
  });
}

export function listCompanyTree(command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const tree = await listCompanies(db, actor);
    if (out.json) return out.result({ companies: tree.map(branchJson) });
    if (tree.length === 0) return out.line(texts[locale].none);
    for (const line of drawTree(tree, locale)) out.line(line);
  });
}

export function addCompanyNamed(name: string, options: { parent?: string }, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const company = await addCompany(db, actor, { name, parent: options.parent });
    if (out.json) return out.result({ company: companyJson(company) });
    out.line(texts[locale].added(company));
  });
}

function renderChange(verb: Verb, change: CompanyChange, session: { out: Output; locale: Locale }): undefined {
  const { out, locale } = session;
  const lostCoverage = change.lostCoverage.map(companyPath);
  const gainedCoverage = change.gainedCoverage.map(companyPath);
  if (out.json) {
    const { id, name } = change.company;
    return out.result({
      company: { id, name, path: companyPath(change.company) },
      changed: change.changed,
      lostCoverage,
      gainedCoverage,
      suspendedInvitations: change.suspendedInvitations,
      resumedInvitations: change.resumedInvitations,
      heldInvitations: change.heldInvitations,
      uncoveredMembers: change.uncoveredMembers,
    });
  }
  const words = texts[locale];
  const name = companyPath(change.company);
  if (!change.changed) return out.line(words.unchanged(name, words.whereItWas[verb]));
  out.line(words.done[verb](name));
  if (gainedCoverage.length > 0) out.line(words.gained(gainedCoverage));
  if (lostCoverage.length > 0) out.line(words.lost(lostCoverage));
  if (lostCoverage.length > 0) out.line(words.suspended(change.suspendedInvitations, change.uncoveredMembers));
  if (change.resumedInvitations > 0) out.line(words.resumed(change.resumedInvitations));
  if (change.heldInvitations > 0) out.line(words.held(change.heldInvitations));
  return undefined;
}

export function setSecured(name: string, secured: boolean, command: Command): Promise<void> {
  return runAsMember(command, async (session) => {
    return renderChange(
      secured ? 'secure' : 'unsecure',
      await setCompanySecured(session.db, session.actor, name, secured),
      session,
    );
  });
}

export function moveCompanyUnder(name: string, options: { parent: string }, command: Command): Promise<void> {
  return runAsMember(command, async (session) => {
    const parent = options.parent.trim().toLowerCase() === NO_PARENT ? null : options.parent;
    return renderChange('move', await moveCompany(session.db, session.actor, name, parent), session);
  });
}

export function removeCompanyNamed(name: string, command: Command): Promise<void> {
  return runAsMember(command, async (session) => {
    return renderChange('remove', await removeCompany(session.db, session.actor, name), session);
  });
}
