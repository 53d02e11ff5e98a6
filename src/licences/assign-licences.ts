// Which licences may be assigned to the people of one action (an invite, a direct add, an import
// row, or a whole import): each asked licence must be in the organization's catalogue and
// compatible with every user type the action covers. The seed's rule for mixed batches: when one
// action covers several user types, only the licences compatible with all of them are offered,
// and the refusal names the licence and the user type that excludes it.
import { fail, ok, type Result } from '../errors/result.js';
import { notice } from '../i18n/messages.js';
import { type Catalogue, userTypeByKey } from '../organizations/catalogue.js';
import { findLicence, type Licence, licenceParams } from './licence-catalogue.js';

/** Splits a licence list as typed: commas on the command line, | in a CSV cell (either is accepted). */
export const splitLicenceList = (text: string | undefined) =>
  (text ?? '')
    .split(/[,|]/)
    .map((part) => part.trim())
    .filter(Boolean);

export function resolveLicences(
  licences: Licence[],
  catalogue: Catalogue,
  asked: string[] | undefined,
  /** The user types (keys) of the people the licences go to: one for a person, several for a batch. */
  userTypes: string[],
  /** The licences go to a whole batch (an import's): the refusal says to remove the rows that exclude them. */
  batch = false,
): Result<string[]> {
  const keys: string[] = [];
  const types = [...new Set(userTypes)];
  for (const wanted of asked ?? []) {
    const licence = findLicence(licences, wanted);
    if (!licence)
      return fail(notice('licence.unknown', { licence: wanted, known: licences.map((l) => l.key).join(', ') }));
    const excluding = types.find((type) => !licence.userTypes.includes(type));
    if (excluding) {
      const type = userTypeByKey(catalogue, excluding);
      const params = {
        ...licenceParams(licence),
        userType: type?.names.en ?? excluding,
        userTypeFr: type?.names.fr ?? excluding,
      };
      return fail(
        notice(batch || types.length > 1 ? 'licence.not_compatible_batch' : 'licence.not_compatible', params),
      );
    }
    if (!keys.includes(licence.key)) keys.push(licence.key);
  }
  return ok(keys);
}

/** The licences every one of these user types may hold: what a form covering them offers. */
export const licencesForAll = (licences: Licence[], userTypes: string[]) =>
  licences.filter((licence) => userTypes.every((type) => licence.userTypes.includes(type)));
