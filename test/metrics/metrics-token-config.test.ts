// METRICS_TOKEN: optional (no metrics endpoint without it), long when set, never printed.
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';

describe('METRICS_TOKEN', () => {
  it('is off when unset or empty', () => {
    expect(parseEnv({}).METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ METRICS_TOKEN: '' }).METRICS_TOKEN).toBeUndefined();
  });

  it('takes a long token', () => {
    expect(parseEnv({ METRICS_TOKEN: 'a'.repeat(64) }).METRICS_TOKEN).toBe('a'.repeat(64));
  });

  it('refuses a short one without printing it', () => {
    expect(() => parseEnv({ METRICS_TOKEN: 'guessable' })).toThrow(
      'Invalid configuration: METRICS_TOKEN=(set): expected at least 16 characters',
    );
    expect(() => parseEnv({ METRICS_TOKEN: 'guessable' })).not.toThrow(/guessable/);
  });
});
