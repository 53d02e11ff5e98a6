// Where the brand's files are served (src/enrollment/brand-routes.ts). The logo's URL carries its
// content hash and the theme's its colour: a change is a new URL, so both are cached for a year.
export const LOGO_ROUTE = 'GET /brand/*';

export const logoPath = (organizationId: string, hash: string): string =>
  `/brand/${encodeURIComponent(organizationId)}/logo?v=${hash}`;

/** The stylesheet that paints the pages in the brand colour (`#rrggbb` without its #). */
export const themePath = (color: string): string => `/brand/theme/${color.replace(/^#/, '')}.css`;
