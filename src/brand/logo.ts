// The logo an owner uploads: its type read from its bytes (never from the file's name), its size
// bounded, an SVG checked for anything but a drawing (svg-check.ts).
import { createHash } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import { findSvgFlaw } from './svg-check.js';

/** 256 KB: a logo is shown at most 200 pixels wide; this leaves room for a sharp PNG. */
export const LOGO_MAX_BYTES = 256 * 1024;

export type LogoType = 'image/png' | 'image/jpeg' | 'image/svg+xml';

export interface CheckedLogo {
  type: LogoType;
  bytes: Uint8Array;
  /** The content's hash: the logo's URL carries it, so a new logo is a new URL (cached for a year). */
  hash: string;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** PNG and JPEG by their magic numbers; SVG by its text (an <svg> root, in UTF-8). */
export function sniffLogoType(bytes: Uint8Array): LogoType | undefined {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  const text = svgText(bytes);
  return text !== undefined && /<svg[\s>]/i.test(text) ? 'image/svg+xml' : undefined;
}

function svgText(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function checkLogo(bytes: Uint8Array): CheckedLogo {
  if (bytes.length === 0) throw new AppError('brand.logo_empty', {}, 'invalid');
  if (bytes.length > LOGO_MAX_BYTES) {
    throw new AppError(
      'brand.logo_too_large',
      { size: Math.ceil(bytes.length / 1024), max: LOGO_MAX_BYTES / 1024 },
      'invalid',
    );
  }
  const type = sniffLogoType(bytes);
  if (!type) throw new AppError('brand.logo_type', {}, 'invalid');
  if (type === 'image/svg+xml') {
    const flaw = findSvgFlaw(svgText(bytes) as string);
    if (flaw) throw new AppError('brand.svg_unsafe', { flaw }, 'invalid');
  }
  return { type, bytes, hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16) };
}
