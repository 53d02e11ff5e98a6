// Any test that makes console.error print fails, as in epic-stack: an error logged and swallowed
// is a bug hiding. A test that expects one calls allowConsoleError(), which also silences it.
import { format } from 'node:util';
import { afterEach, beforeEach, type MockInstance, vi } from 'vitest';

type ConsoleError = typeof console.error;

let spy: MockInstance<ConsoleError> | undefined;
let allowed = false;
let installed = false;

/**
 * Lets the current test call console.error; the calls are not printed. Returns the spy, so the
 * test can check what was logged (`expect(allowConsoleError()).toHaveBeenCalledWith(...)` after the fact,
 * or keep the returned value and inspect `.mock.calls`).
 */
export function allowConsoleError(): MockInstance<ConsoleError> {
  if (!spy) throw new Error('allowConsoleError() works inside a test (after beforeEach) only');
  allowed = true;
  spy.mockImplementation(() => {});
  return spy;
}

/** Registers the hooks; test/support/setup.ts calls it for every test file. */
export function failOnConsoleError(): void {
  if (installed) return;
  installed = true;
  beforeEach(() => {
    allowed = false;
    spy = vi.spyOn(console, 'error');
  });
  afterEach(() => {
    const calls = [...(spy?.mock.calls ?? [])];
    spy?.mockRestore();
    spy = undefined;
    if (!allowed && calls.length > 0) {
      const first = format(...(calls[0] ?? []));
      throw new Error(
        `console.error was called ${calls.length} time(s) during this test; call allowConsoleError() if that is expected. First call: ${first}`,
      );
    }
  });
}
