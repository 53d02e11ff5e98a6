// The organization's catalogue of user types and roles, and which roles each user type allows.
// The default follows ArcGIS Online's: an admin role exists but is never granted by invitation.
import { z } from 'zod';
import { fail, ok, type Result } from '../errors/result.js';
import type { Locale } from '../i18n/locale.js';
import { notice } from '../i18n/messages.js';

const namedEntry = {
  key: z.string().min(1),
  /** Display names; every name (and the key) is accepted as input, case-insensitively. */
  names: z.object({ en: z.string().min(1), fr: z.string().min(1) }),
};

export const catalogueSchema = z.object({
  roles: z.array(z.object({ ...namedEntry, admin: z.boolean().default(false) })).min(1),
  defaultRole: z.string().min(1),
  userTypes: z.array(z.object({ ...namedEntry, allowedRoles: z.array(z.string().min(1)) })).min(1),
});

export type Catalogue = z.infer<typeof catalogueSchema>;
export type Role = Catalogue['roles'][number];
export type UserType = Catalogue['userTypes'][number];

export const defaultCatalogue: Catalogue = {
  roles: [
    { key: 'viewer', names: { en: 'Viewer', fr: 'Consultation' }, admin: false },
    { key: 'data_editor', names: { en: 'Data Editor', fr: 'Mise à jour' }, admin: false },
    { key: 'user', names: { en: 'User', fr: 'Utilisation' }, admin: false },
    { key: 'publisher', names: { en: 'Publisher', fr: 'Publication' }, admin: false },
    { key: 'administrator', names: { en: 'Administrator', fr: 'Administrateur' }, admin: true },
  ],
  defaultRole: 'viewer',
  userTypes: [
    { key: 'viewer', names: { en: 'Viewer', fr: 'Viewer' }, allowedRoles: ['viewer'] },
    { key: 'editor', names: { en: 'Editor', fr: 'Editor' }, allowedRoles: ['viewer', 'data_editor'] },
    {
      key: 'creator',
      names: { en: 'Creator', fr: 'Creator' },
      allowedRoles: ['viewer', 'data_editor', 'user', 'publisher', 'administrator'],
    },
  ],
};

export const parseCatalogue = (json: unknown): Catalogue => catalogueSchema.parse(json);

const fold = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
const matches = (entry: { key: string; names: { en: string; fr: string } }, input: string) => {
  const wanted = fold(input);
  return [entry.key, entry.names.en, entry.names.fr].some((name) => fold(name) === wanted);
};

export const findRole = (c: Catalogue, input: string) => c.roles.find((r) => matches(r, input));
export const findUserType = (c: Catalogue, input: string) => c.userTypes.find((u) => matches(u, input));
export const roleByKey = (c: Catalogue, key: string) => c.roles.find((r) => r.key === key);
export const userTypeByKey = (c: Catalogue, key: string) => c.userTypes.find((u) => u.key === key);
export const roleName = (c: Catalogue, key: string, locale: Locale = 'en') => roleByKey(c, key)?.names[locale] ?? key;
export const userTypeName = (c: Catalogue, key: string, locale: Locale = 'en') =>
  userTypeByKey(c, key)?.names[locale] ?? key;

/** Roles an invitation or import may grant for a user type: the allowed ones minus admin roles. */
export function grantableRoles(c: Catalogue, userTypeKey: string): Role[] {
  const type = userTypeByKey(c, userTypeKey);
  return c.roles.filter((r) => !r.admin && type?.allowedRoles.includes(r.key));
}

export interface Assignment {
  role: string;
  userType: string;
}

/**
 * Resolves the role and user type asked for an invitation or a direct add.
 * - An unknown role falls back to the default role, with a warning (ArcGIS does the same).
 * - An unknown user type is an error; a missing one becomes the first type that allows the role.
 * - An admin role, or a role the user type does not allow, is refused.
 */
export function resolveAssignment(c: Catalogue, input: { role?: string; userType?: string }): Result<Assignment> {
  const warnings = [];
  let role = input.role?.trim() ? findRole(c, input.role) : undefined;
  if (input.role?.trim() && !role) {
    role = roleByKey(c, c.defaultRole);
    warnings.push(
      notice('role.unknown_fallback', { role: input.role.trim(), fallback: role?.names.en ?? c.defaultRole }),
    );
  }
  role ??= roleByKey(c, c.defaultRole);
  if (!role) throw new Error(`catalogue default role ${c.defaultRole} is missing`);
  if (role.admin) return fail(notice('role.admin_not_grantable', { role: role.names.en }));

  let userType: UserType | undefined;
  if (input.userType?.trim()) {
    userType = findUserType(c, input.userType);
    if (!userType) {
      const known = c.userTypes.map((u) => u.names.en).join(', ');
      return fail(notice('user_type.unknown', { userType: input.userType.trim(), known }));
    }
  } else {
    userType = c.userTypes.find((u) => u.allowedRoles.includes(role.key));
  }
  if (!userType?.allowedRoles.includes(role.key)) {
    const typeForMessage = userType ?? c.userTypes[0];
    const allowed = typeForMessage
      ? grantableRoles(c, typeForMessage.key)
          .map((r) => r.names.en)
          .join(', ')
      : '';
    return fail(
      notice('role.not_allowed_for_type', {
        role: role.names.en,
        userType: typeForMessage?.names.en ?? '?',
        allowed,
      }),
    );
  }
  return ok({ role: role.key, userType: userType.key }, warnings);
}
