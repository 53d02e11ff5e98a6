// sesame sso configure | show | test | disable | set-id
import { type Command, InvalidArgumentError, Option } from 'commander';
import { collect, nonEmpty } from '../values.js';

const work = () => import('../actions/sso.js');

export interface SsoConfigureOptions {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  label?: string;
  scopes?: string;
  join?: 'password' | 'enterprise' | 'either';
  autoJoin?: boolean;
  domain: string[];
}

const joinModes = ['password', 'enterprise', 'either'] as const;
const joinMode = (value: string) => {
  const mode = value.trim().toLowerCase();
  if (!(joinModes as readonly string[]).includes(mode))
    throw new InvalidArgumentError('expected password, enterprise or either');
  return mode as SsoConfigureOptions['join'];
};

/** The warning of the seed, said where the ID is typed (also in `sesame add --help`). */
export const ENTERPRISE_ID_WARNING = `The enterprise ID must match the member's existing enterprise login exactly (the "sub"
the identity provider sends for them: an object id in Entra ID, a user id in Okta, the
numeric id in Google). If it does not, the account is created but cannot be used until it
is corrected with \`sesame sso set-id <e-mail> <id>\` (possible until the first sign-in).`;

export function registerSso(program: Command): void {
  const sso = program
    .command('sso')
    .description("the organization's identity provider for enterprise logins (OpenID Connect)");

  sso
    .command('configure')
    .description('set up (or change) the identity provider (owners)')
    .requiredOption('--issuer <url>', 'the issuer URL (https://; http:// only on a loopback address)', nonEmpty)
    .requiredOption('--client-id <id>', "Sesame's client id at the provider", nonEmpty)
    .option(
      '--client-secret <secret>',
      'the client secret (kept sealed under TOKEN_ENCRYPTION_KEY); "-" reads it from standard input; optional when changing other settings',
    )
    .option('--label <text>', 'what members see: "Continue with <label>" (default: the issuer\'s host)')
    .option('--scopes <scopes>', 'the scopes asked, openid and email included (default: "openid email profile")')
    .addOption(
      new Option(
        '--join <mode>',
        'how members join: password, enterprise (only) or either (default: either)',
      ).argParser(joinMode),
    )
    .option(
      '--auto-join',
      'turn automatic join on: anyone signing in with an address of the allowed domains may join without an invitation',
    )
    .option(
      '--no-auto-join',
      'turn automatic join off: only invited people join (enterprise logins stay on); without either, it stays as it is',
    )
    .option(
      '--domain <domain>',
      "a domain for --auto-join (repeatable; default: the organization's allowed domains)",
      collect,
      [],
    )
    .addHelpText(
      'after',
      `
Register Sesame at the provider as a web application with the redirect URI
  <PUBLIC_URL>/sso/callback
and the authorization code flow. The provider is read through <issuer>/.well-known/openid-configuration.

JSON output (--json): { "provider": { "issuer", "clientId", "clientSecretSet", "label", "scopes",
  "joinMode", "autoJoin", "autoJoinDomains", "enabled", "redirectUri" } }`,
    )
    .action(async (options: SsoConfigureOptions, command: Command) => (await work()).configure(options, command));

  sso
    .command('show')
    .description('show the identity provider (never its secret)')
    .action(async (_options: unknown, command: Command) => (await work()).show(command));

  sso
    .command('test')
    .description("check that the provider's discovery document and signing keys (JWKS) are reachable (owners)")
    .action(async (_options: unknown, command: Command) => (await work()).test(command));

  sso
    .command('disable')
    .description('stop enterprise logins; the settings are kept for `sso configure` (owners)')
    .action(async (_options: unknown, command: Command) => (await work()).disable(command));

  sso
    .command('set-id')
    .description("correct a member's enterprise ID before their first sign-in (owners and administrators)")
    .argument('<e-mail>', "the member's e-mail address")
    .argument('<enterprise-id>', 'the enterprise ID (the subject the provider sends for them)')
    .addHelpText('after', `\n${ENTERPRISE_ID_WARNING}`)
    .action(async (email: string, enterpriseId: string, _options: unknown, command: Command) =>
      (await work()).setId(email, enterpriseId, command),
    );
}
