import { describe, expect, it } from 'vitest';
import { checkLogo, LOGO_MAX_BYTES, sniffLogoType } from '../../src/brand/logo.js';
import { findSvgFlaw } from '../../src/brand/svg-check.js';
import { isAppError } from '../../src/errors/app-error.js';
import { translate } from '../../src/i18n/messages.js';
import { SAMPLE_PNG, SAMPLE_SVG } from './samples.js';

const refusal = (bytes: Uint8Array) => {
  try {
    checkLogo(bytes);
  } catch (error) {
    if (isAppError(error)) return error;
  }
  throw new Error('the logo was not refused');
};
const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${body}</svg>`;

describe('the logo', () => {
  it('is typed by its bytes, never by a name', () => {
    expect(sniffLogoType(SAMPLE_PNG)).toBe('image/png');
    expect(sniffLogoType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffLogoType(Buffer.from(SAMPLE_SVG))).toBe('image/svg+xml');
    expect(sniffLogoType(Buffer.from('GIF89a....'))).toBeUndefined();
    expect(sniffLogoType(Buffer.from('%PDF-1.7'))).toBeUndefined();
    expect(sniffLogoType(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
  });

  it('keeps a PNG, a JPEG and a plain SVG, with a hash of the content', () => {
    const png = checkLogo(SAMPLE_PNG);
    expect(png.type).toBe('image/png');
    expect(png.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(checkLogo(Buffer.from(SAMPLE_SVG)).type).toBe('image/svg+xml');
    expect(checkLogo(Buffer.from(SAMPLE_SVG)).hash).not.toBe(png.hash);
  });

  it('refuses an empty file, a file over the limit, and a file of another type', () => {
    expect(refusal(new Uint8Array()).code).toBe('brand.logo_empty');
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(SAMPLE_PNG);
    const tooLarge = refusal(big);
    expect(tooLarge.code).toBe('brand.logo_too_large');
    expect(translate('en', tooLarge.code, tooLarge.params as never)).toContain('the limit is 256 KB');
    expect(translate('fr', tooLarge.code, tooLarge.params as never)).toContain('la limite est de 256 Ko');
    expect(checkLogo(new Uint8Array([...SAMPLE_PNG, ...new Uint8Array(LOGO_MAX_BYTES - SAMPLE_PNG.length)])).type).toBe(
      'image/png',
    );
    const gif = refusal(Buffer.from('GIF89a\x01\x00\x01\x00'));
    expect(gif.code).toBe('brand.logo_type');
    expect(translate('fr', gif.code, {} as never)).toBe(
      "Le logo doit être une image PNG, JPEG ou SVG (d'après son contenu, pas son nom).",
    );
    // Not UTF-8, so not an SVG.
    expect(refusal(new Uint8Array([0x3c, 0x73, 0x76, 0x67, 0x20, 0xff, 0xfe])).code).toBe('brand.logo_type');
  });

  it('refuses an SVG with a script, and says why in both languages', () => {
    const refused = refusal(Buffer.from(svg('<script>alert(1)</script><rect width="10" height="10"/>')));
    expect(refused.code).toBe('brand.svg_unsafe');
    expect(refused.params).toEqual({ flaw: 'script' });
    expect(translate('en', refused.code, refused.params as never)).toBe(
      'This SVG logo was refused: it contains a script. A logo must be a plain drawing: remove it, or export the logo as PNG.',
    );
    expect(translate('fr', refused.code, refused.params as never)).toContain(
      'Ce logo SVG est refusé : il contient un script.',
    );
  });

  it.each([
    ['script', svg('<script href="https://evil.example/x.js"/>')],
    ['script', svg('<svg:script>alert(1)</svg:script>')],
    ['script', svg('<a href="javascript:alert(1)"><rect/></a>')],
    ['script', svg('<a href="&#106;avascript:alert(1)"><rect/></a>')],
    ['script', svg('<a href="jav&#x61;script:alert(1)"><rect/></a>')],
    ['event_handler', svg('<rect width="10" height="10" onclick="alert(1)"/>')],
    ['event_handler', `<svg onload="alert(1)" xmlns="http://www.w3.org/2000/svg"/>`],
    ['event_handler', svg('<rect ONMOUSEOVER = "x"/>')],
    ['embedded_document', svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>')],
    ['embedded_document', svg('<iframe src="#x"/>')],
    ['external_reference', svg('<image href="https://tracker.example/pixel.png"/>')],
    ['external_reference', svg('<use xlink:href="http://evil.example/sprite.svg#a"/>')],
    ['external_reference', svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>')],
    ['external_reference', svg('<style>rect { fill: url(https://evil.example/x) }</style>')],
    ['stylesheet', svg('<style>@import "https://evil.example/x.css";</style>')],
    ['stylesheet', `<?xml version="1.0"?><?xml-stylesheet href="x.css"?>${svg('')}`],
    ['doctype', `<!DOCTYPE svg [<!ENTITY a "b">]>${svg('&a;')}`],
    ['link_animation', svg('<a href="#x"><set attributeName="href" to="#y"/></a>')],
    ['not_svg', '<html><svg></svg></html>'],
  ])('refuses an SVG that %s', (flaw, text) => {
    expect(findSvgFlaw(text)).toBe(flaw);
  });

  it('keeps drawings: shapes, gradients, local references, embedded pictures, an XML declaration and comments', () => {
    expect(findSvgFlaw(SAMPLE_SVG)).toBeUndefined();
    expect(
      findSvgFlaw(
        `<?xml version="1.0" encoding="UTF-8"?>\n<!-- Acme -->\n${svg(
          '<defs><linearGradient id="g"><stop offset="0" stop-color="#1a56db"/></linearGradient></defs>' +
            '<rect fill="url(#g)" width="10" height="10"/><use href="#g"/>' +
            '<image href="data:image/png;base64,iVBORw0KGgo="/><text font-family="Montserrat, sans-serif">Acme &amp; Co</text>',
        )}`,
      ),
    ).toBeUndefined();
  });
});
