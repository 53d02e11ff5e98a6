// What of the organization's brand an e-mail shows: its name, its colour on the buttons and links,
// its logo in the header, and the "Sent with Sesame" line. Most mail clients (Gmail, Outlook)
// do not display SVG images: an SVG logo stays on the pages, and the e-mail shows the name.
import { logoPath } from '../../brand/brand-urls.js';
import type { Locale } from '../../i18n/locale.js';
import type { Brand } from '../../organizations/brand.js';

/** Sesame's own blue, the colour of an organization that chose none. */
export const DEFAULT_COLOR = '#1a56db';

export interface EmailBrand {
  /** The name invitees see: the display name, else the organization's. */
  name: string;
  color: string;
  /** Absolute URL of a PNG or JPEG logo under PUBLIC_URL. */
  logoUrl?: string;
  sesameFooter: boolean;
}

export const UNBRANDED = (name: string): EmailBrand => ({ name, color: DEFAULT_COLOR, sesameFooter: true });

export function emailBrandOf(organization: { id: string; name: string }, brand: Brand, publicUrl: string): EmailBrand {
  const logo = brand.logo && brand.logo.type !== 'image/svg+xml' ? brand.logo : null;
  return {
    name: brand.displayName ?? organization.name,
    color: brand.color ?? DEFAULT_COLOR,
    ...(logo ? { logoUrl: publicUrl + logoPath(organization.id, logo.hash) } : {}),
    sesameFooter: brand.sesameFooter,
  };
}

export const sentWithSesame: Record<Locale, string> = { en: 'Sent with Sesame', fr: 'Envoyé avec Sesame' };

/** The end of a plain-text part: the signature separator, the footer, and the "Sent with" line. */
export const textFooter = (footer: string, brand: EmailBrand | undefined, locale: Locale): string[] => [
  '-- ',
  footer,
  ...(brand?.sesameFooter ? ['', sentWithSesame[locale]] : []),
  '',
];
