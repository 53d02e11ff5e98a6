// The work of `sesame org create`, `org show` and `org set`.
import type { Command } from 'commander';
import type { Locale } from '../../i18n/locale.js';
import { createOrganization } from '../../organizations/create-organization.js';
import { findOrganization, type Organization } from '../../organizations/organization.js';
import { type SettingKey, settingKeys, updateOrganizationSetting } from '../../organizations/update-setting.js';
import { fields, formatDate, type Output } from '../output.js';
import { runAsMember, runCommand } from '../session.js';
import { cliTexts } from '../texts.js';

export function createOrg(
  options: { name: string; seats: number; owner: string; locale?: Locale },
  command: Command,
): Promise<void> {
  return runCommand(command, async ({ db, out, ...session }) => {
    const organization = await createOrganization(db, {
      name: options.name,
      seats: options.seats,
      ownerEmail: options.owner,
      locale: options.locale,
      channel: 'cli',
    });
    if (out.json) return out.result(orgJson(organization));
    const texts = cliTexts(session.options.lang ?? organization.locale);
    out.line(
      texts.orgCreated(organization.name, organization.id, options.owner.trim().toLowerCase(), organization.seatLimit),
    );
  });
}

export function showOrg(command: Command): Promise<void> {
  return runCommand(command, async ({ db, out, options }) => {
    const organization = await findOrganization(db, options.org);
    if (out.json) return out.result(orgJson(organization));
    printOrganization(out, organization, options.lang ?? organization.locale);
  });
}

export function setOrgSetting(key: SettingKey, value: string, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, out, actor, options }) => {
    const organization = await updateOrganizationSetting(db, actor, key, value);
    if (out.json) return out.result(orgJson(organization));
    const texts = cliTexts(options.lang ?? organization.locale);
    out.line(texts.settingChanged(key, settingValues(organization, texts)[key]));
  });
}

export function orgJson(organization: Organization) {
  return {
    id: organization.id,
    name: organization.name,
    locale: organization.locale,
    seatLimit: organization.seatLimit,
    externalSeatLimit: organization.externalSeatLimit,
    invitationLifetimeDays: organization.invitationLifetimeDays,
    reminderDays: organization.reminderDays,
    resendCooldownHours: organization.resendCooldownHours,
    allowedDomains: organization.allowedDomains,
    usesUsernames: organization.usesUsernames,
    createdAt: organization.createdAt,
    catalogue: organization.catalogue,
  };
}

/** Each setting as `org set` names it, with its current value as text. */
function settingValues(organization: Organization, texts: ReturnType<typeof cliTexts>): Record<SettingKey, string> {
  return {
    name: organization.name,
    locale: organization.locale,
    seats: String(organization.seatLimit),
    'external-seats': String(organization.externalSeatLimit),
    'invitation-lifetime-days': String(organization.invitationLifetimeDays),
    'reminder-days': organization.reminderDays.length ? organization.reminderDays.join(', ') : texts.none,
    'resend-cooldown-hours': String(organization.resendCooldownHours),
    'allowed-domains': organization.allowedDomains.length ? organization.allowedDomains.join(', ') : texts.anyDomain,
    'uses-usernames': String(organization.usesUsernames),
  };
}

function printOrganization(out: Output, organization: Organization, locale: Locale): void {
  const texts = cliTexts(locale);
  const values = settingValues(organization, texts);
  out.line(`${organization.name}  (${organization.id}, ${texts.createdOn(formatDate(organization.createdAt))})`);
  out.line();
  out.line(texts.settingsHeading);
  out.line(
    fields(
      settingKeys.map((key) => [key, values[key]]),
      '  ',
    ),
  );
  out.line();
  out.line(texts.catalogueHeading);
  const roleNames = (keys: string[]) =>
    keys
      .map((key) => {
        const role = organization.catalogue.roles.find((r) => r.key === key);
        const name = role?.names[locale] ?? key;
        return role?.admin ? `${name} (${texts.adminRole})` : name;
      })
      .join(', ');
  out.line(
    fields(
      organization.catalogue.userTypes.map((type) => [type.names[locale], roleNames(type.allowedRoles)]),
      '  ',
    ),
  );
  const defaultRole = organization.catalogue.roles.find((r) => r.key === organization.catalogue.defaultRole);
  out.line(texts.defaultRole(defaultRole?.names[locale] ?? organization.catalogue.defaultRole));
}
