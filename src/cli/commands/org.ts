// sesame org create | show | set | brand | preview
import { createRequire } from 'node:module';
import { Argument, type Command, Option } from 'commander';
import type { Locale } from '../../i18n/locale.js';
import type { SettingKey } from '../../organizations/update-setting.js';
import { boolean, choicesOnUse, lang, nonEmpty, seats } from '../values.js';

const work = () => import('../actions/org.js');
const require = createRequire(import.meta.url);
/** The settings `org set` changes, as the domain names them. */
const settingKeys = (): readonly SettingKey[] =>
  (require('../../organizations/update-setting.js') as typeof import('../../organizations/update-setting.js'))
    .settingKeys;

const ORG_JSON = `
JSON output (--json): the organization
  { "id", "name", "locale", "seatLimit", "externalSeatLimit", "invitationLifetimeDays", "reminderDays": [n],
    "resendCooldownHours", "allowedDomains": [d], "usesUsernames", "emailFromName", "emailReplyTo",
    "signInUrl", "gettingStartedUrl", "timezone",
    "digest": { "frequency", "time", "weekday", "always", "nextAt" }, "createdAt",
    "catalogue": { "roles": [...], "defaultRole", "userTypes": [...] } }`;

export function registerOrg(program: Command): void {
  const org = program.command('org').description('create, show and configure the organization');

  org
    .command('create')
    .description('create an organization and its owner (the first member, owner and manager)')
    .requiredOption('--name <name>', "the organization's name (unique)", nonEmpty)
    .requiredOption('--seats <n>', 'seats in the plan', seats)
    .requiredOption('--owner <e-mail>', "the owner's e-mail address", nonEmpty)
    .addOption(new Option('--locale <fr|en>', 'language of messages and e-mails (default: en)').argParser(lang))
    .addHelpText('after', ORG_JSON)
    .action(async (options: { name: string; seats: number; owner: string; locale?: Locale }, command: Command) =>
      (await work()).createOrg(options, command),
    );

  org
    .command('show')
    .description("show the organization's settings and its catalogue of user types and roles")
    .addHelpText('after', ORG_JSON)
    .action(async (_options: unknown, command: Command) => (await work()).showOrg(command));

  const set = org.command('set').description('change a setting (owners only)');
  set
    .addArgument(choicesOnUse(set, new Argument('<key>', 'the setting'), settingKeys))
    .argument('<value>', 'its new value')
    .addHelpText(
      'after',
      `
Settings and their values:
  name                      1 to 100 characters
  locale                    fr or en
  seats                     the plan's seat limit (a whole number, at least 1)
  external-seats            seats for external members, apart from the plan's (0 or more; 0: none)
  invitation-lifetime-days  days before an invitation expires (1-365)
  reminder-days             days after sending when reminders go out, e.g. "3,10", or "none"
  resend-cooldown-hours     hours before an invitation may be resent (0-720)
  allowed-domains           e-mail domains that may be invited, e.g. "example.com,example.fr", or "none" (any)
  uses-usernames            true or false
  invite-requests           on or off: members who may not invite may ask the administrators (default on)
  from-name                 the e-mails' sender name, or "none" ("<inviter's name> via <organization>")
  reply-to                  where invitees' replies go, or "none" (the inviter's address)
  sign-in-url               where members sign in after enrolling (https://), or "none"
  getting-started-url       a getting-started page shown beside it (https://), or "none"
  timezone                  the organization's IANA time zone, e.g. Europe/Paris (default: UTC)
  digest                    the managers' channel digest: daily, weekly or off (default: off)
  digest-time               when it is posted, HH:MM in the organization's time zone (default: 08:00)
  digest-day                the day of a weekly digest, monday to sunday (default: monday)
  digest-when               changes (only when there is something to say) or always
${ORG_JSON}`,
    )
    .action(async (key: SettingKey, value: string, _options: unknown, command: Command) =>
      (await work()).setOrgSetting(key, value, command),
    );

  org
    .command('brand')
    .description("show or change what invitees see: the organization's logo, colour and name (owners only)")
    .option('--logo <file>', 'a PNG, JPEG or SVG file of 256 KB at most')
    .option('--no-logo', 'remove the logo')
    .option('--color <#hex>', "the buttons' and links' colour, e.g. #1a56db (white text must be readable on it)")
    .option('--display-name <text>', "the name invitees see instead of the organization's", nonEmpty)
    .option('--sesame-footer <on|off>', 'show or hide the small "Sent with Sesame" line', boolean)
    .option('--reset', 'forget the whole brand: logo, colour, display name, footer')
    .addHelpText('after', BRAND_HELP)
    .action(async (options: BrandOptions, command: Command) => (await work()).brandOrg(options, command));

  const preview = org
    .command('preview')
    .description(
      "see it before inviting anyone: write an e-mail (.eml and .html) or the enrollment pages (HTML) in the organization's brand",
    );
  preview
    .addArgument(new Argument('<what>', 'invitation, reminder, added (account created) or page').choices(PREVIEW_KINDS))
    .option('--out <dir>', 'the folder to write them to (default: ./sesame-preview)', nonEmpty)
    .addHelpText(
      'after',
      `
The sample invitee is Alex Martin (alex.martin@example.com), invited by you; the link opens
nothing. The language is the organization's, or --lang.

JSON output (--json): { "files": [path] }`,
    )
    .action(async (what: PreviewKind, options: { out?: string }, command: Command) =>
      (await work()).previewOrg(what, options, command),
    );
}

/** Kept here (not imported from src/brand/previews.ts): `sesame --help` loads no domain module. */
const PREVIEW_KINDS = ['invitation', 'reminder', 'added', 'page'] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

export interface BrandOptions {
  /** A path, or false with --no-logo (undefined when neither is given: --logo is defined first). */
  logo?: string | boolean;
  color?: string;
  displayName?: string;
  sesameFooter?: boolean;
  reset?: boolean;
}

const BRAND_HELP = `
Without options, shows the brand. The colour must reach a contrast of 4.5:1 (WCAG AA) with white:
a lighter one is refused with its ratio and a darker shade to use. An SVG logo must be a plain
drawing (no script, event handler, embedded document or external reference); most mail clients
do not show SVG, so the e-mails show the name instead: prefer a PNG. See the result before
inviting anyone with \`sesame org preview\`. The sender and the next step are settings:
\`sesame org set from-name|reply-to|sign-in-url|getting-started-url <value>\`.

JSON output (--json): the brand
  { "displayName", "color", "logo": { "type", "hash", "url" } | null, "sesameFooter" }`;
