// Issue 12, item 21: weak French passwords were accepted. A French common-password list (a common
// word with digits after it included) and keyboard runs on AZERTY as well as QWERTY refuse them,
// and a password refused for being repeated, sequential or a keyboard run is told so.
import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../src/forms/password-policy.js';
import { translate } from '../../src/i18n/messages.js';

const codeOf = (password: string) => {
  const result = checkPassword(password);
  return result.ok ? 'accepted' : result.error.code;
};

describe('the password policy against French habits', () => {
  it('refuses the passwords of the report', () => {
    expect(codeOf('azertyuiop1')).toBe('password.keyboard_run');
    expect(codeOf('doudou123')).toBe('password.common');
    expect(codeOf('loulou123')).toBe('password.common');
    expect(codeOf('soleil123')).toBe('password.common');
    expect(codeOf('soleil2024')).toBe('password.common');
  });

  it('refuses French common words with a number, and keyboard runs on AZERTY, QWERTY and QWERTZ', () => {
    for (const weak of ['Chouchou2023', 'motdepasse1!', 'jetaime13', 'Marseille13', 'nounours1', 'bisous2024!']) {
      expect(codeOf(weak), weak).toBe('password.common');
    }
    for (const run of ['qsdfghjklm1', 'wxcvbn123', 'azer1234', 'qwertz123', 'poiuytreza9', 'asdfghjk1']) {
      expect(codeOf(run), run).toBe('password.keyboard_run');
    }
  });

  it('says "repeated or sequential" when that is the reason, even for a password also on a list', () => {
    expect(codeOf('aaaaaaaa1')).toBe('password.repeated_or_sequential');
    expect(codeOf('12345678a')).toBe('password.repeated_or_sequential');
    expect(translate('fr', 'password.keyboard_run', {})).toContain('azerty');
    expect(translate('en', 'password.keyboard_run', {})).toContain('qwerty');
  });

  it('still accepts strong passwords, French words among others included', () => {
    for (const strong of ['Kite7river!moss', 'jc40.l2eh', 'soleil-vert-7-marmotte', 'Lune9Phare*Brise', 'azr8Tql2mX']) {
      expect(codeOf(strong), strong).toBe('accepted');
    }
  });
});
