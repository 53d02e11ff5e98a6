import { describe, expect, it } from 'vitest';
import { allowConsoleError } from './console-error.js';

describe('the console.error guard', () => {
  it('lets a test that expects console.error opt out, and records the calls', () => {
    const consoleError = allowConsoleError();
    console.error('expected failure', 42);
    expect(consoleError).toHaveBeenCalledWith('expected failure', 42);
  });

  it('checks each test afresh', () => {
    expect(() => allowConsoleError()).not.toThrow();
  });
});
