// Tokens kept in the database are sealed: the key opens them for their own row only; an altered
// value, another row's value or an unknown key is refused; keys rotate.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, parseKeys } from '../../src/security/secret-box.js';

const key = () => randomBytes(32).toString('base64');

describe('secret box', () => {
  const installation = { team: { id: 'T1' }, bot: { token: 'xoxb-1-secret-token' } };

  it('seals a value that holds no readable trace of it, and opens it for the same row', () => {
    const box = createSecretBox(key());
    const sealed = box.seal(installation, 'T:T1');
    expect(JSON.stringify(sealed)).not.toContain('xoxb');
    expect(box.open(sealed, 'T:T1')).toEqual(installation);
    // A fresh IV each time: the same value never seals the same way twice.
    expect(box.seal(installation, 'T:T1').data).not.toBe(sealed.data);
  });

  it("refuses an altered value, another row's value, another key's value and what is not sealed", () => {
    const box = createSecretBox(key());
    const sealed = box.seal(installation, 'T:T1');
    const flipped = Buffer.from(sealed.data, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => box.open({ ...sealed, data: flipped.toString('base64') }, 'T:T1')).toThrow(/altered/);
    expect(() => box.open(sealed, 'T:T2')).toThrow(/another row/);
    expect(() => createSecretBox(key()).open(sealed, 'T:T1')).toThrow(/does not hold/);
    expect(() => box.open(installation, 'T:T1')).toThrow(/not a sealed value/);
  });

  it('rotates: the first key seals, the older ones still open, and say their values are stale', () => {
    const [older, newer] = [key(), key()];
    const before = createSecretBox(older).seal(installation, 'T:T1');
    const rotated = createSecretBox(`${newer}, ${older}`);
    expect(rotated.open(before, 'T:T1')).toEqual(installation);
    expect(rotated.isStale(before)).toBe(true);
    const after = rotated.seal(installation, 'T:T1');
    expect(rotated.isStale(after)).toBe(false);
    expect(createSecretBox(newer).open(after, 'T:T1')).toEqual(installation);
  });

  it('takes only 32-byte base64 keys, and never repeats them in its refusals', () => {
    expect(parseKeys(key())).toHaveProperty('keys');
    for (const bad of ['', 'secret-words', Buffer.alloc(16).toString('base64'), `${key()},!!`]) {
      const parsed = parseKeys(bad);
      expect(parsed).toHaveProperty('problem');
      if ('problem' in parsed && bad) expect(parsed.problem).not.toContain(bad);
    }
  });
});
