// The brand colour's one rule: buttons and links are drawn in it with white text on top (buttons)
// or on a white page (links), so it must reach WCAG 2.x AA contrast against white, 4.5:1.
// Relative luminance and contrast ratio as WCAG 2.x defines them
// (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance).
import { AppError } from '../errors/app-error.js';

/** What the colour is read against: the buttons' text, and the pages' and e-mails' background. */
export const BUTTON_TEXT_COLOR = '#ffffff';
/** WCAG 2.x AA for normal text. */
export const MIN_CONTRAST = 4.5;

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#rgb` or `#rrggbb` as lower-case `#rrggbb`; undefined for anything else. */
export function parseHexColor(text: string): string | undefined {
  const value = text.trim();
  if (!HEX.test(value)) return undefined;
  const digits = value.slice(1).toLowerCase();
  return `#${digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits}`;
}

const channels = (hex: string): [number, number, number] => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
];

/** WCAG 2.x relative luminance of a `#rrggbb` colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The same hue, darkened until white text on it passes AA: what to suggest instead. */
export function darkerShade(hex: string): string {
  const [r, g, b] = channels(hex);
  for (let factor = 1; factor > 0; factor -= 0.02) {
    const shade = `#${[r, g, b]
      .map((c) =>
        Math.round(c * factor)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
    if (contrastRatio(shade, BUTTON_TEXT_COLOR) >= MIN_CONTRAST) return shade;
  }
  return '#000000';
}

/**
 * The colour to keep (`#rrggbb`), or a refusal saying why: not a colour, or too light for white
 * text, with the measured ratio (rounded down: 4.49 is not shown as 4.5) and a darker shade that passes.
 */
export function checkBrandColor(text: string): string {
  const color = parseHexColor(text);
  if (!color) throw new AppError('brand.color_invalid', { color: text }, 'invalid');
  const ratio = contrastRatio(color, BUTTON_TEXT_COLOR);
  if (ratio < MIN_CONTRAST) {
    throw new AppError(
      'brand.color_contrast',
      {
        color,
        ratio: (Math.floor(ratio * 100) / 100).toFixed(2),
        needed: MIN_CONTRAST,
        suggestion: darkerShade(color),
      },
      'invalid',
    );
  }
  return color;
}
