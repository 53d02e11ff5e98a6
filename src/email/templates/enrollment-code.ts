// The code that proves an invitee owns the address they chose at enrollment (instead of the one
// they were invited at): the account is created only once it is typed back on the page. It
// carries the organization's brand, as the invitation it answers does.
import type { Locale } from '../../i18n/locale.js';
import { type ComposedEmail, compose } from '../compose.js';
import { escapeHtml } from '../escape.js';
import { DEFAULT_COLOR, type EmailBrand, textFooter } from './email-brand.js';
import { frame, paragraph } from './frame.js';

export interface EnrollmentCodeEmailData {
  locale: Locale;
  /** The name invitees see (the brand's display name, else the organization's). */
  organizationName: string;
  /** The organization's logo, colour (on the code) and footer. */
  brand?: EmailBrand;
  /** Six digits. */
  code: string;
  /** The address it is sent to (the one being verified). */
  email: string;
  validMinutes: number;
}

const words = {
  en: {
    subject: (org: string) => `Your code to join ${org}`,
    heading: (org: string) => `Confirm your address for ${org}`,
    intro: (org: string) =>
      `You asked to join ${org} with this e-mail address. To confirm that it is yours, type this code on the enrollment page:`,
    validity: (minutes: number) => `The code is valid for ${minutes} minutes.`,
    notYou: 'If you did not ask for it, ignore this e-mail: no account is created without the code.',
    footer: (email: string, org: string) => `This e-mail was sent to ${email} for ${org}.`,
  },
  fr: {
    subject: (org: string) => `Votre code pour rejoindre ${org}`,
    heading: (org: string) => `Confirmez votre adresse pour ${org}`,
    intro: (org: string) =>
      `Vous avez demandé à rejoindre ${org} avec cette adresse électronique. Pour confirmer qu'elle est bien la vôtre, saisissez ce code sur la page d'inscription :`,
    validity: (minutes: number) => `Le code est valable ${minutes} minutes.`,
    notYou:
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun compte n'est créé sans le code.",
    footer: (email: string, org: string) => `Ce message a été envoyé à ${email} pour ${org}.`,
  },
} as const;

export function renderEnrollmentCodeEmail(d: EnrollmentCodeEmailData): ComposedEmail {
  const w = words[d.locale];
  const org = d.organizationName;
  const color = d.brand?.color ?? DEFAULT_COLOR;
  return compose({
    name: `enrollment_code.${d.locale}`,
    subject: w.subject(org),
    personal: { code: d.code, email: d.email },
    text: (slot) =>
      [
        w.intro(org),
        '',
        `    ${slot('code')}`,
        '',
        w.validity(d.validMinutes),
        w.notYou,
        '',
        ...textFooter(w.footer(slot('email'), org), d.brand, d.locale),
      ].join('\n'),
    html: (slot) => {
      const orgHtml = escapeHtml(org);
      return frame({
        lang: d.locale,
        brand: d.brand,
        titleHtml: escapeHtml(w.subject(org)),
        preheaderHtml: escapeHtml(w.validity(d.validMinutes)),
        headerHtml: w.heading(orgHtml),
        rows: [
          paragraph(w.intro(`<strong>${orgHtml}</strong>`)),
          paragraph(`<strong style="font-size:28px;letter-spacing:6px;color:${color}">${slot('code')}</strong>`),
          paragraph(`${escapeHtml(w.validity(d.validMinutes))}<br>\n${escapeHtml(w.notYou)}`),
        ],
        footerHtml: w.footer(slot('email'), orgHtml),
      });
    },
  });
}
