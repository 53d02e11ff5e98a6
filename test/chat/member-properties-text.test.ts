import { describe, expect, it } from 'vitest';
import { memberPropertiesText } from '../../src/chat/rendering/member-properties-text.js';

const none = { licences: [], credits: null, creditsUnlimited: false, language: null };

describe('the member properties line of the chat pending lists', () => {
  it('is absent when nothing is set', () => {
    expect(memberPropertiesText(none, 'en')).toBeNull();
    expect(memberPropertiesText({ ...none, licences: null }, 'fr')).toBeNull();
  });

  it('names what is set, in English and French', () => {
    const row = { licences: ['insights', 'workforce'], credits: 500, creditsUnlimited: false, language: 'fr' as const };
    expect(memberPropertiesText(row, 'en')).toBe('Licences: insights, workforce · Credits: 500 · Language: French');
    expect(memberPropertiesText(row, 'fr')).toBe('Licences : insights, workforce · Crédits : 500 · Langue : français');
    expect(memberPropertiesText({ ...none, credits: null, creditsUnlimited: true }, 'fr')).toBe('Crédits : illimité');
  });
});
