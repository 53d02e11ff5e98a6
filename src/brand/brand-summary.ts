// What an organization's invitees will see, as label/value lines in English or French: the CLI
// prints them (org brand), the chat's settings show them (src/chat/rendering/brand-texts.ts).
import type { Locale } from '../i18n/locale.js';
import type { Brand } from '../organizations/brand.js';

export interface BrandSettings {
  organizationName: string;
  brand: Brand;
  emailFromName: string | null;
  emailReplyTo: string | null;
  signInUrl: string | null;
  gettingStartedUrl: string | null;
  /** The logo's absolute URL, when there is one. */
  logoUrl?: string;
}

const words = {
  en: {
    changed: 'The brand is changed. What invitees will see:',
    current: 'What invitees see:',
    displayName: 'Display name',
    logo: 'Logo',
    color: 'Colour',
    footer: '"Sent with Sesame"',
    fromName: 'Sender name',
    replyTo: 'Replies go to',
    signIn: 'Sign-in link',
    gettingStarted: 'Getting started',
    none: 'none',
    defaultColor: 'Sesame blue (default)',
    shown: 'shown',
    hidden: 'hidden',
    sameAsName: (org: string) => `${org} (the organization's name)`,
    fromDefault: (org: string) => `"<inviter's name> via ${org}" (default)`,
    replyToDefault: "the inviter's address (default)",
    noSignIn: 'none: new members are told the organization will say where to sign in',
    svgInEmails: 'SVG: shown on the pages; e-mails show the name instead, as most mail clients block SVG',
  },
  fr: {
    changed: "L'identité visuelle est modifiée. Ce que verront les invités :",
    current: 'Ce que voient les invités :',
    displayName: 'Nom affiché',
    logo: 'Logo',
    color: 'Couleur',
    footer: '« Envoyé avec Sesame »',
    fromName: "Nom de l'expéditeur",
    replyTo: 'Les réponses vont à',
    signIn: 'Lien de connexion',
    gettingStarted: 'Premiers pas',
    none: 'aucun',
    defaultColor: 'bleu Sesame (par défaut)',
    shown: 'affiché',
    hidden: 'masqué',
    sameAsName: (org: string) => `${org} (le nom de l'organisation)`,
    fromDefault: (org: string) => `« <nom de la personne qui invite> via ${org} » (par défaut)`,
    replyToDefault: "l'adresse de la personne qui invite (par défaut)",
    noSignIn: "aucun : les nouveaux membres lisent que l'organisation leur dira où se connecter",
    svgInEmails:
      'SVG : affiché sur les pages ; les e-mails affichent le nom à la place, car la plupart des messageries bloquent le SVG',
  },
} as const;

/** The brand as [label, value] lines, in the given language. */
export function brandLines(locale: Locale, s: BrandSettings): [string, string][] {
  const w = words[locale];
  const { brand } = s;
  const shownName = brand.displayName ?? s.organizationName;
  const logo = brand.logo
    ? [s.logoUrl ?? brand.logo.type, ...(brand.logo.type === 'image/svg+xml' ? [`(${w.svgInEmails})`] : [])].join(' ')
    : w.none;
  return [
    [w.displayName, brand.displayName ?? w.sameAsName(s.organizationName)],
    [w.logo, logo],
    [w.color, brand.color ?? w.defaultColor],
    [w.footer, brand.sesameFooter ? w.shown : w.hidden],
    [w.fromName, s.emailFromName ?? w.fromDefault(shownName)],
    [w.replyTo, s.emailReplyTo ?? w.replyToDefault],
    [w.signIn, s.signInUrl ?? w.noSignIn],
    [w.gettingStarted, s.gettingStartedUrl ?? w.none],
  ];
}

/** The line above the brand's lines. */
export const brandHeading = (locale: Locale, changed: boolean): string =>
  changed ? words[locale].changed : words[locale].current;
