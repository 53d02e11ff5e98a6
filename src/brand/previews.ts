// `sesame org preview`: what an invitee would receive and see, rendered by the very templates
// and pages Sesame sends and serves, for a sample invitee, so that an owner can check the brand
// before inviting anyone. E-mails come as .eml (the message as it would leave, the logo at its
// public URL) and .html (the logo embedded, to open offline); pages as self-contained HTML (the
// stylesheets inlined, the logo embedded).

import type { ComposedEmail } from '../email/compose.js';
import type { Address, OutgoingEmail } from '../email/outgoing-email.js';
import { emailBrandOf } from '../email/templates/email-brand.js';
import { renderInvitationEmail } from '../email/templates/invitation.js';
import { renderMemberAddedEmail } from '../email/templates/member-added.js';
import { buildEml } from '../email/transport/eml.js';
import { acceptFormPage, joinedPage } from '../enrollment/accept-page.js';
import { themeCss } from '../enrollment/brand-routes.js';
import { type NextStep, pageBrandOf } from '../enrollment/page-brand.js';
import { stylesheetHref, stylesheetText } from '../enrollment/stylesheet.js';
import type { Locale } from '../i18n/locale.js';
import type { Brand } from '../organizations/brand.js';
import { type Catalogue, roleName } from '../organizations/catalogue.js';
import { fullName, type Person, type SenderSettings, senderOf } from '../organizations/sender.js';
import { themePath } from './brand-urls.js';
import type { LogoType } from './logo.js';

export const PREVIEW_KINDS = ['invitation', 'reminder', 'added', 'page'] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

export interface PreviewInput {
  locale: Locale;
  organization: { id: string; name: string; catalogue: Catalogue; invitationLifetimeDays: number };
  brand: Brand;
  logo: { bytes: Uint8Array; type: LogoType } | null;
  sender: SenderSettings;
  nextStep: NextStep;
  /** Who the sample invitation is from: the acting owner. */
  inviter: Person;
  publicUrl: string;
  /** The operator's sender (SENDGRID_FROM_EMAIL, SENDGRID_FROM_NAME). */
  from: Address;
  now: Date;
}

export interface PreviewFile {
  name: string;
  content: string;
}

const SAMPLE = { email: 'alex.martin@example.com', firstName: 'Alex', lastName: 'Martin', username: 'alex.martin' };
// A well-formed token that opens nothing: the link in a preview must not be a live one.
const SAMPLE_TOKEN = 'PREVIEW-not-a-real-link-00000000000000000000';

const dataUri = (logo: { bytes: Uint8Array; type: LogoType }) =>
  `data:${logo.type};base64,${Buffer.from(logo.bytes).toString('base64')}`;

export function renderPreview(kind: PreviewKind, input: PreviewInput): PreviewFile[] {
  if (kind === 'page') return renderPages(input);
  const { composed, email } = renderEmail(kind, input);
  const offline = input.logo
    ? composed.html.replaceAll(
        emailBrandOf(input.organization, input.brand, input.publicUrl).logoUrl ?? '\0',
        dataUri(input.logo),
      )
    : composed.html;
  return [
    { name: `${kind}.eml`, content: buildEml(email, input.from, input.now) },
    { name: `${kind}.html`, content: offline },
  ];
}

function renderEmail(kind: Exclude<PreviewKind, 'page'>, input: PreviewInput) {
  const { locale, organization, inviter } = input;
  const brand = emailBrandOf(organization, input.brand, input.publicUrl);
  const sender = senderOf(input.sender, brand.name, inviter);
  const role = roleName(organization.catalogue, organization.catalogue.defaultRole, locale);
  const name = fullName(inviter);
  const composed: ComposedEmail =
    kind === 'added'
      ? renderMemberAddedEmail({
          locale,
          organizationName: brand.name,
          adminName: name || inviter.email,
          adminEmail: inviter.email,
          brand,
          nextStep: input.nextStep,
          member: SAMPLE,
          roleName: role,
          firstLoginUrl: `${input.publicUrl}/first-login?org=${encodeURIComponent(organization.id)}`,
        })
      : renderInvitationEmail({
          locale,
          reason: kind === 'reminder' ? 'reminder' : 'invite',
          organizationName: brand.name,
          inviterName: name || inviter.email,
          inviterEmail: inviter.email,
          brand,
          invitee: SAMPLE,
          roleName: role,
          message: null,
          expiresAt: new Date(input.now.getTime() + organization.invitationLifetimeDays * 86_400_000),
          acceptUrl: `${input.publicUrl}/accept/${SAMPLE_TOKEN}`,
        });
  const email: OutgoingEmail = {
    key: `preview:${kind}`,
    kind: kind === 'added' ? 'member_added' : kind,
    to: { email: SAMPLE.email, name: `${SAMPLE.firstName} ${SAMPLE.lastName}` },
    fromName: sender.fromName,
    ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
    composed,
    templateData: {},
    customArgs: {},
    actionUrl: input.publicUrl,
  };
  return { composed, email };
}

function renderPages(input: PreviewInput): PreviewFile[] {
  const { locale, organization } = input;
  const pageBrand = {
    ...pageBrandOf(organization, input.brand),
    ...(input.logo ? { logoUrl: dataUri(input.logo) } : {}),
  };
  const role = organization.catalogue.roles.find((r) => r.key === organization.catalogue.defaultRole);
  const accept = acceptFormPage({
    locale,
    token: SAMPLE_TOKEN,
    csrf: 'preview',
    page: {
      invitationId: 'preview',
      organization: { id: organization.id, name: organization.name, locale, usesUsernames: false },
      inviterName: fullName(input.inviter) || input.inviter.email,
      roleNames: role?.names ?? { en: organization.catalogue.defaultRole, fr: organization.catalogue.defaultRole },
      email: SAMPLE.email,
      firstName: SAMPLE.firstName,
      lastName: SAMPLE.lastName,
      username: null,
      mustUseEmail: true,
      inviterEmail: input.inviter.email,
      brand: input.brand,
      nextStep: input.nextStep,
    },
    extras: { brand: pageBrand, nextStep: input.nextStep, inviterEmail: input.inviter.email },
  });
  const joined = joinedPage({
    locale,
    organization: organization.name,
    username: SAMPLE.username,
    brand: pageBrand,
    nextStep: input.nextStep,
  });
  return [
    { name: 'accept-page.html', content: selfContained(accept, input.brand.color) },
    { name: 'joined-page.html', content: selfContained(joined, input.brand.color) },
  ];
}

/** The page with its stylesheets inlined, to open from a file. */
function selfContained(page: string, color: string | null): string {
  let out = page.replace(
    `<link rel="stylesheet" href="${stylesheetHref}">`,
    () => `<style>\n${stylesheetText()}</style>`,
  );
  if (color)
    out = out.replace(`<link rel="stylesheet" href="${themePath(color)}">`, () => `<style>${themeCss(color)}</style>`);
  return out.replace(/<link rel="icon" href="[^"]*">\n?/, '');
}
