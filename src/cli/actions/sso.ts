// The work of `sesame sso ...`: thin adapters over src/sso. The client secret is never printed.
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { publicUrl } from '../../config/env.js';
import { renderNotice } from '../../i18n/messages.js';
import { createSecretBox } from '../../security/secret-box.js';
import { configureProvider } from '../../sso/configure-provider.js';
import { disableProvider } from '../../sso/disable-provider.js';
import { setEnterpriseId } from '../../sso/set-enterprise-id.js';
import { type ProviderView, showProvider } from '../../sso/show-provider.js';
import { testProvider } from '../../sso/test-provider.js';
import type { SsoConfigureOptions } from '../commands/sso.js';
import { fields, formatDate } from '../output.js';
import { runAsMember } from '../session.js';

const texts = {
  en: {
    configured: (label: string) => `Identity provider "${label}" configured. Check it with \`sesame sso test\`.`,
    redirect: (uri: string) => `Redirect URI to register at the provider: ${uri}`,
    autoJoinOn: (domains: string) => `Automatic join is on for ${domains}.`,
    autoJoinOff: 'Automatic join is off: only invited people join.',
    none: 'No identity provider: set one up with `sesame sso configure`.',
    labels: {
      issuer: 'issuer',
      clientId: 'client id',
      secret: 'client secret',
      label: 'label',
      scopes: 'scopes',
      join: 'members join with',
      autoJoin: 'automatic join',
      enabled: 'enabled',
      redirect: 'redirect URI',
      updated: 'updated',
    },
    secretSet: 'set (sealed, never shown)',
    joinModes: { PASSWORD: 'a password', ENTERPRISE: 'the enterprise login only', EITHER: 'either' },
    yes: 'yes',
    no: 'no',
    tested: (keys: number) => `The provider answers: discovery document read, ${keys} signing key(s) in its JWKS.`,
    disabled: 'Enterprise logins are off. `sesame sso configure` turns them on again (the settings are kept).',
    idSet: (email: string, id: string) => `Enterprise ID of ${email} set to ${id}.`,
    warning: 'Warning:',
  },
  fr: {
    configured: (label: string) =>
      `Fournisseur d'identité « ${label} » configuré. Vérifiez-le avec \`sesame sso test\`.`,
    redirect: (uri: string) => `URI de redirection à déclarer chez le fournisseur : ${uri}`,
    autoJoinOn: (domains: string) => `L'adhésion automatique est activée pour ${domains}.`,
    autoJoinOff: "L'adhésion automatique est désactivée : seules les personnes invitées rejoignent l'organisation.",
    none: "Aucun fournisseur d'identité : configurez-en un avec `sesame sso configure`.",
    labels: {
      issuer: 'émetteur',
      clientId: 'identifiant client',
      secret: 'secret client',
      label: 'libellé',
      scopes: 'portées',
      join: 'adhésion des membres',
      autoJoin: 'adhésion automatique',
      enabled: 'activé',
      redirect: 'URI de redirection',
      updated: 'modifié le',
    },
    secretSet: 'défini (chiffré, jamais affiché)',
    joinModes: {
      PASSWORD: 'par mot de passe',
      ENTERPRISE: "par l'identifiant d'entreprise seulement",
      EITHER: "l'un ou l'autre",
    },
    yes: 'oui',
    no: 'non',
    tested: (keys: number) =>
      `Le fournisseur répond : document de découverte lu, ${keys} clé(s) de signature dans son JWKS.`,
    disabled:
      "Les connexions d'entreprise sont désactivées. `sesame sso configure` les réactive (les réglages sont conservés).",
    idSet: (email: string, id: string) => `ID d'entreprise de ${email} : ${id}.`,
    warning: 'Attention :',
  },
};

const joinModes = { password: 'PASSWORD', enterprise: 'ENTERPRISE', either: 'EITHER' } as const;

const providerJson = (view: ProviderView, redirectUri: string) => ({ ...view, redirectUri });

export function configure(options: SsoConfigureOptions, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale, env }) => {
    const clientSecret = options.clientSecret === '-' ? await readFirstLine() : options.clientSecret;
    await configureProvider(
      db,
      actor,
      {
        issuer: options.issuer,
        clientId: options.clientId,
        clientSecret,
        label: options.label,
        scopes: options.scopes,
        joinMode: options.join ? joinModes[options.join] : undefined,
        autoJoin: options.autoJoin,
        autoJoinDomains: options.domain,
      },
      { secretBox: env.TOKEN_ENCRYPTION_KEY ? createSecretBox(env.TOKEN_ENCRYPTION_KEY) : undefined },
    );
    const view = await showProvider(db, actor);
    const redirectUri = `${publicUrl(env)}/sso/callback`;
    if (out.json) return out.result({ provider: view ? providerJson(view, redirectUri) : null });
    const words = texts[locale];
    out.line(words.configured(view?.label ?? ''));
    out.line(view?.autoJoin ? words.autoJoinOn(view.autoJoinDomains.join(', ')) : words.autoJoinOff);
    out.line(words.redirect(redirectUri));
  });
}

export function show(command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale, env }) => {
    const view = await showProvider(db, actor);
    const redirectUri = `${publicUrl(env)}/sso/callback`;
    if (out.json) return out.result({ provider: view ? providerJson(view, redirectUri) : null });
    const words = texts[locale];
    if (!view) return out.line(words.none);
    const label = words.labels;
    out.line(
      fields([
        [label.label, view.label],
        [label.issuer, view.issuer],
        [label.clientId, view.clientId],
        [label.secret, words.secretSet],
        [label.scopes, view.scopes.join(' ')],
        [label.join, words.joinModes[view.joinMode]],
        [label.autoJoin, view.autoJoin ? `${words.yes} (${view.autoJoinDomains.join(', ')})` : words.no],
        [label.enabled, view.enabled ? words.yes : words.no],
        [label.redirect, redirectUri],
        [label.updated, formatDate(view.updatedAt)],
      ]),
    );
  });
}

export function test(command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale, env }) => {
    const check = await testProvider(db, actor, {
      secretBox: env.TOKEN_ENCRYPTION_KEY ? createSecretBox(env.TOKEN_ENCRYPTION_KEY) : undefined,
    });
    if (out.json) return out.result({ ok: true, ...check });
    out.line(texts[locale].tested(check.signingKeys));
  });
}

export function disable(command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    await disableProvider(db, actor);
    if (out.json) return out.result({ enabled: false });
    out.line(texts[locale].disabled);
  });
}

export function setId(email: string, enterpriseId: string, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const member = await setEnterpriseId(db, actor, { email, enterpriseId });
    if (out.json)
      return out.result({ member: { id: member.id, email: member.email, enterpriseId: member.enterpriseId } });
    out.line(texts[locale].idSet(member.email, member.enterpriseId ?? ''));
    out.warn(`${texts[locale].warning} ${renderNotice(locale, { code: 'sso.enterprise_id_warning', params: {} })}`);
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
