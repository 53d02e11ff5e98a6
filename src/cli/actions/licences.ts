// The work of `sesame licences` and its subcommands: one domain call each, rendered.
import type { Command } from 'commander';
import type { Locale } from '../../i18n/locale.js';
import {
  addLicence,
  type LicenceWithUse,
  listLicences,
  removeLicence,
  setLicence,
} from '../../licences/manage-licences.js';
import type { Catalogue } from '../../organizations/catalogue.js';
import { userTypeName } from '../../organizations/catalogue.js';
import type { LicenceOptions } from '../commands/licences.js';
import { table } from '../output.js';
import { runAsMember } from '../session.js';

const texts = {
  en: {
    none: 'No add-on licence yet: add one with `sesame licences add <key> ...`.',
    headers: ['Key', 'Name', 'User types', 'Used', 'Owned'],
    unlimited: 'unlimited',
    added: (l: LicenceWithUse) => `Licence ${l.names.en} (${l.key}) added.`,
    changed: (l: LicenceWithUse) => `Licence ${l.names.en} (${l.key}) changed.`,
    removed: (key: string) => `Licence ${key} removed.`,
  },
  fr: {
    none: 'Aucune licence additionnelle\u00a0: ajoutez-en une avec `sesame licences add <clé> ...`.',
    headers: ['Clé', 'Nom', "Types d'utilisateur", 'Utilisées', 'Détenues'],
    unlimited: 'illimité',
    added: (l: LicenceWithUse) => `Licence ${l.names.fr} (${l.key}) ajoutée.`,
    changed: (l: LicenceWithUse) => `Licence ${l.names.fr} (${l.key}) modifiée.`,
    removed: (key: string) => `Licence ${key} supprimée.`,
  },
};

const json = (l: LicenceWithUse) => ({
  key: l.key,
  names: l.names,
  userTypes: l.userTypes,
  owned: l.owned,
  used: l.used,
});

function row(l: LicenceWithUse, catalogue: Catalogue, locale: Locale) {
  const types = l.userTypes.map((type) => userTypeName(catalogue, type, locale)).join(', ');
  return [l.key, l.names[locale], types, l.used, l.owned ?? texts[locale].unlimited];
}

export function listAll(command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const licences = await listLicences(db, actor);
    if (out.json) return out.result({ licences: licences.map(json) });
    if (licences.length === 0) return out.line(texts[locale].none);
    out.line(
      table(
        texts[locale].headers,
        licences.map((l) => row(l, actor.organization.catalogue, locale)),
      ),
    );
  });
}

export function add(key: string, options: LicenceOptions, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const licence = await addLicence(db, actor, key, options);
    if (out.json) return out.result({ licence: json(licence) });
    out.line(texts[locale].added(licence));
  });
}

export function set(key: string, options: LicenceOptions, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const licence = await setLicence(db, actor, key, options);
    if (out.json) return out.result({ licence: json(licence) });
    out.line(texts[locale].changed(licence));
  });
}

export function remove(key: string, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const licence = await removeLicence(db, actor, key);
    if (out.json) return out.result({ removed: { key: licence.key } });
    out.line(texts[locale].removed(licence.key));
  });
}
