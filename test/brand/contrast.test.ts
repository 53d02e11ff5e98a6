import { describe, expect, it } from 'vitest';
import {
  checkBrandColor,
  contrastRatio,
  darkerShade,
  MIN_CONTRAST,
  parseHexColor,
  relativeLuminance,
} from '../../src/brand/contrast.js';
import { isAppError } from '../../src/errors/app-error.js';
import { translate } from '../../src/i18n/messages.js';

const refusal = (color: string) => {
  try {
    checkBrandColor(color);
  } catch (error) {
    if (isAppError(error)) return error;
  }
  throw new Error(`${color} was not refused`);
};

describe('the brand colour', () => {
  it('reads #rgb and #rrggbb, lower-cased, and nothing else', () => {
    expect(parseHexColor('#1A56DB')).toBe('#1a56db');
    expect(parseHexColor(' #0a3 ')).toBe('#00aa33');
    for (const bad of ['1a56db', '#1a56d', '#12345g', 'blue', 'rgb(0,0,0)', '#1a56db00', '']) {
      expect(parseHexColor(bad)).toBeUndefined();
    }
  });

  it('measures luminance and contrast as WCAG 2.x defines them', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // Known values (WebAIM's contrast checker): #767676 on white is 4.54:1, #777777 is 4.47:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#1a56db', '#ffffff')).toBeCloseTo(6.18, 2);
  });

  it('keeps a colour that white text can be read on (AA, 4.5:1), and refuses a lighter one with the ratio', () => {
    expect(checkBrandColor('#1A56DB')).toBe('#1a56db');
    expect(checkBrandColor('#767676')).toBe('#767676');
    const light = refusal('#777777');
    expect(light.code).toBe('brand.color_contrast');
    // Rounded down: 4.47 is never shown as 4.5, which would read as passing.
    expect(light.params).toMatchObject({ color: '#777777', ratio: '4.47', needed: MIN_CONTRAST });
    const yellow = refusal('#fc0');
    expect(translate('en', yellow.code, yellow.params as never)).toMatch(
      /^#ffcc00 is too light for the white text of the buttons: its contrast is 1\.\d\d:1, and WCAG AA asks at least 4\.5:1\. Choose a darker shade, e\.g\. #[0-9a-f]{6}\.$/,
    );
    expect(translate('fr', yellow.code, yellow.params as never)).toMatch(
      /^#ffcc00 est trop clair pour le texte blanc des boutons : son contraste est de 1,\d\d:1, et le niveau AA des WCAG demande au moins 4,5:1\./,
    );
    expect(refusal('blue').code).toBe('brand.color_invalid');
    expect(translate('fr', 'brand.color_invalid', { color: 'blue' })).toContain('#rrvvbb');
  });

  it('suggests a darker shade of the same hue that passes', () => {
    for (const color of ['#ffcc00', '#00ff00', '#ffffff', '#777777']) {
      const shade = darkerShade(color);
      expect(contrastRatio(shade, '#ffffff')).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(checkBrandColor(shade)).toBe(shade);
    }
  });
});
