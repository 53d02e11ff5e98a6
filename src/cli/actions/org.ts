// The work of `sesame org create`, `org show`, `org set` and `org brand`.
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { brandSettingsOf } from '../../brand/brand-settings.js';
import { brandHeading, brandLines } from '../../brand/brand-summary.js';
import { LOGO_MAX_BYTES } from '../../brand/logo.js';
import { renderPreview } from '../../brand/previews.js';
import { publicUrl } from '../../config/env.js';
import { weekdays } from '../../digest/digest-schedule.js';
import { AppError } from '../../errors/app-error.js';
import type { Locale } from '../../i18n/locale.js';
import { type Brand, readBrand, readLogo, resetBrand, setBrand } from '../../organizations/brand.js';
import { createOrganization } from '../../organizations/create-organization.js';
import { findOrganization, type Organization } from '../../organizations/organization.js';
import { type SettingKey, settingKeys, updateOrganizationSetting } from '../../organizations/update-setting.js';
import type { BrandOptions, PreviewKind } from '../commands/org.js';
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
    emailFromName: organization.emailFromName,
    emailReplyTo: organization.emailReplyTo,
    signInUrl: organization.signInUrl,
    gettingStartedUrl: organization.gettingStartedUrl,
    timezone: organization.timezone,
    digest: {
      frequency: organization.digestFrequency,
      time: organization.digestTime,
      weekday: weekdays[organization.digestWeekday - 1] ?? null,
      always: organization.digestAlways,
      nextAt: organization.nextDigestAt,
    },
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
    'invite-requests': organization.inviteRequestsEnabled ? 'on' : 'off',
    'from-name': organization.emailFromName ?? texts.none,
    'reply-to': organization.emailReplyTo ?? texts.none,
    'sign-in-url': organization.signInUrl ?? texts.none,
    'getting-started-url': organization.gettingStartedUrl ?? texts.none,
    timezone: organization.timezone,
    digest: organization.digestFrequency,
    'digest-time': organization.digestTime,
    'digest-day': weekdays[organization.digestWeekday - 1] ?? String(organization.digestWeekday),
    'digest-when': organization.digestAlways ? 'always' : 'changes',
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

export function brandOrg(options: BrandOptions, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, out, actor, organization, env, options: global }) => {
    const change = {
      ...(typeof options.logo === 'string' ? { logo: await readLogoFile(options.logo) } : {}),
      ...(options.logo === false ? { logo: null } : {}),
      ...(options.color !== undefined ? { color: options.color } : {}),
      ...(options.displayName !== undefined ? { displayName: options.displayName } : {}),
      ...(options.sesameFooter !== undefined ? { sesameFooter: options.sesameFooter } : {}),
    };
    const changing = options.reset || Object.keys(change).length > 0;
    const brand = options.reset
      ? await resetBrand(db, actor)
      : changing
        ? await setBrand(db, actor, change)
        : await readBrand(db, organization.id);
    const settings = brandSettingsOf(organization, brand, publicUrl(env));
    if (out.json) return out.result(brandJson(brand, settings.logoUrl));
    const locale = global.lang ?? organization.locale;
    out.line(brandHeading(locale, changing));
    out.line(fields(brandLines(locale, settings), '  '));
  });
}

const brandJson = (brand: Brand, url: string | undefined) => ({
  displayName: brand.displayName,
  color: brand.color,
  logo: brand.logo ? { ...brand.logo, url } : null,
  sesameFooter: brand.sesameFooter,
});

/** Reads at most one byte past the limit: a huge file is refused without loading it. */
async function readLogoFile(path: string): Promise<Uint8Array> {
  let file: Awaited<ReturnType<typeof open>> | undefined;
  try {
    file = await open(path, 'r');
    const buffer = Buffer.alloc(LOGO_MAX_BYTES + 1);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    const { size } = await file.stat();
    if (size > LOGO_MAX_BYTES) {
      throw new AppError(
        'brand.logo_too_large',
        { size: Math.ceil(size / 1024), max: LOGO_MAX_BYTES / 1024 },
        'invalid',
      );
    }
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('brand.logo_unreadable', { file: path }, 'invalid');
  } finally {
    await file?.close();
  }
}

export function previewOrg(what: PreviewKind, options: { out?: string }, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, out, actor, organization, env, options: global }) => {
    const [brand, logo] = await Promise.all([readBrand(db, organization.id), readLogo(db, organization.id)]);
    const files = renderPreview(what, {
      locale: global.lang ?? organization.locale,
      organization,
      brand,
      logo,
      sender: organization,
      nextStep: organization,
      inviter: actor.member,
      publicUrl: publicUrl(env),
      from: { email: env.SENDGRID_FROM_EMAIL, name: env.SENDGRID_FROM_NAME },
      now: new Date(),
    });
    const dir = resolve(options.out ?? 'sesame-preview');
    await mkdir(dir, { recursive: true });
    const paths: string[] = [];
    for (const file of files) {
      const path = join(dir, file.name);
      await writeFile(path, file.content);
      paths.push(path);
    }
    if (out.json) return out.result({ files: paths });
    for (const path of paths) out.line(path);
  });
}
