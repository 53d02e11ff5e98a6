// sesame org create | show | set
import { Argument, type Command, Option } from 'commander';
import type { Locale } from '../../i18n/locale.js';
import { createOrganization } from '../../organizations/create-organization.js';
import { findOrganization, type Organization } from '../../organizations/organization.js';
import { type SettingKey, settingKeys, updateOrganizationSetting } from '../../organizations/update-setting.js';
import { fields, formatDate, type Output } from '../output.js';
import { runAsMember, runCommand } from '../session.js';
import { say } from '../texts.js';
import { arg, langSchema, nonEmptySchema, seatsSchema } from '../values.js';

const ORG_JSON = `
JSON output (--json): the organization
  { "id", "name", "locale", "seatLimit", "invitationLifetimeDays", "reminderDays": [n],
    "resendCooldownHours", "allowedDomains": [d], "usesUsernames", "createdAt",
    "catalogue": { "roles": [...], "defaultRole", "userTypes": [...] } }`;

export function registerOrg(program: Command): void {
  const org = program.command('org').description('create, show and configure the organization');

  org
    .command('create')
    .description('create an organization and its owner (the first member, owner and manager)')
    .requiredOption('--name <name>', "the organization's name (unique)", arg(nonEmptySchema))
    .requiredOption('--seats <n>', 'seats in the plan', arg(seatsSchema))
    .requiredOption('--owner <e-mail>', "the owner's e-mail address", arg(nonEmptySchema))
    .addOption(
      new Option('--locale <fr|en>', 'language of messages and e-mails (default: en)').argParser(arg(langSchema)),
    )
    .addHelpText('after', ORG_JSON)
    .action((options: { name: string; seats: number; owner: string; locale?: Locale }, command: Command) =>
      runCommand(command, async ({ db, out, ...session }) => {
        const organization = await createOrganization(db, {
          name: options.name,
          seats: options.seats,
          ownerEmail: options.owner,
          locale: options.locale,
          channel: 'cli',
        });
        if (out.json) return out.result(orgJson(organization));
        const s = say(session.options.lang ?? organization.locale);
        out.line(
          s.orgCreated(organization.name, organization.id, options.owner.trim().toLowerCase(), organization.seatLimit),
        );
      }),
    );

  org
    .command('show')
    .description("show the organization's settings and its catalogue of user types and roles")
    .addHelpText('after', ORG_JSON)
    .action((_options: unknown, command: Command) =>
      runCommand(command, async ({ db, out, options }) => {
        const organization = await findOrganization(db, options.org);
        if (out.json) return out.result(orgJson(organization));
        printOrganization(out, organization, options.lang ?? organization.locale);
      }),
    );

  org
    .command('set')
    .description('change a setting (owners only)')
    .addArgument(new Argument('<key>', 'the setting').choices(settingKeys))
    .argument('<value>', 'its new value')
    .addHelpText(
      'after',
      `
Settings and their values:
  name                      1 to 100 characters
  locale                    fr or en
  seats                     the plan's seat limit (a whole number, at least 1)
  invitation-lifetime-days  days before an invitation expires (1-365)
  reminder-days             days after sending when reminders go out, e.g. "3,10", or "none"
  resend-cooldown-hours     hours before an invitation may be resent (0-720)
  allowed-domains           e-mail domains that may be invited, e.g. "example.com,example.fr", or "none" (any)
  uses-usernames            true or false
${ORG_JSON}`,
    )
    .action((key: SettingKey, value: string, _options: unknown, command: Command) =>
      runAsMember(command, async ({ db, out, actor, options }) => {
        const organization = await updateOrganizationSetting(db, actor, key, value);
        if (out.json) return out.result(orgJson(organization));
        const s = say(options.lang ?? organization.locale);
        out.line(s.settingChanged(key, settingValues(organization, s)[key]));
      }),
    );
}

export function orgJson(o: Organization) {
  return {
    id: o.id,
    name: o.name,
    locale: o.locale,
    seatLimit: o.seatLimit,
    invitationLifetimeDays: o.invitationLifetimeDays,
    reminderDays: o.reminderDays,
    resendCooldownHours: o.resendCooldownHours,
    allowedDomains: o.allowedDomains,
    usesUsernames: o.usesUsernames,
    createdAt: o.createdAt,
    catalogue: o.catalogue,
  };
}

/** Each setting as `org set` names it, with its current value as text. */
function settingValues(o: Organization, s: ReturnType<typeof say>): Record<SettingKey, string> {
  return {
    name: o.name,
    locale: o.locale,
    seats: String(o.seatLimit),
    'invitation-lifetime-days': String(o.invitationLifetimeDays),
    'reminder-days': o.reminderDays.length ? o.reminderDays.join(', ') : s.none,
    'resend-cooldown-hours': String(o.resendCooldownHours),
    'allowed-domains': o.allowedDomains.length ? o.allowedDomains.join(', ') : s.anyDomain,
    'uses-usernames': String(o.usesUsernames),
  };
}

function printOrganization(out: Output, o: Organization, locale: Locale): void {
  const s = say(locale);
  const values = settingValues(o, s);
  out.line(`${o.name}  (${o.id}, ${s.createdOn(formatDate(o.createdAt))})`);
  out.line();
  out.line(s.settingsHeading);
  out.line(
    fields(
      settingKeys.map((key) => [key, values[key]]),
      '  ',
    ),
  );
  out.line();
  out.line(s.catalogueHeading);
  const roleNames = (keys: string[]) =>
    keys
      .map((key) => {
        const role = o.catalogue.roles.find((r) => r.key === key);
        const name = role?.names[locale] ?? key;
        return role?.admin ? `${name} (${s.adminRole})` : name;
      })
      .join(', ');
  out.line(
    fields(
      o.catalogue.userTypes.map((type) => [type.names[locale], roleNames(type.allowedRoles)]),
      '  ',
    ),
  );
  const defaultRole = o.catalogue.roles.find((r) => r.key === o.catalogue.defaultRole);
  out.line(s.defaultRole(defaultRole?.names[locale] ?? o.catalogue.defaultRole));
}
