// Bolt's logger interface over Sesame's: its lines come out as Sesame's (JSON, redacted), and
// what Slack's client logs about its requests' contents never does.
import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { boltLogger } from '../../src/slack/bolt-logger.js';

function captured() {
  const lines: string[] = [];
  return {
    bolt: boltLogger(createLogger('debug', (line) => lines.push(line))),
    entries: () => lines.map((line) => JSON.parse(line)),
  };
}

describe("Bolt's logger", () => {
  it("writes Bolt's lines at their level through Sesame's logger", () => {
    const { bolt, entries } = captured();
    bolt.info('Now connected to Slack');
    bolt.warn('http request failed', new Error('socket hang up'));
    bolt.error('An unhandled error occurred');
    expect(entries()).toMatchObject([
      { level: 'info', msg: 'slack: Now connected to Slack' },
      { level: 'warn', msg: 'slack: http request failed socket hang up' },
      { level: 'error', msg: 'slack: An unhandled error occurred' },
    ]);
  });

  it("keeps the Web API client's request bodies, headers and results out, and objects Bolt passes", () => {
    const { bolt, entries } = captured();
    bolt.debug('http request url: https://slack.com/api/views.update');
    bolt.debug('http request body: {"view":"temporary password hunter2"}');
    bolt.debug('http request headers: {"Authorization":"[[REDACTED]]"}');
    bolt.debug('http request result: {"ok":true,"user":{"profile":{"email":"kim@example.org"}}}');
    bolt.debug('event', { text: 'a message', user: { email: 'kim@example.org' } });
    const all = JSON.stringify(entries());
    expect(entries().map((entry) => entry.msg)).toEqual([
      'slack: http request url: https://slack.com/api/views.update',
      'slack: event',
    ]);
    expect(all).not.toContain('hunter2');
    expect(all).not.toContain('kim@example.org');
  });

  it("follows LOG_LEVEL, whatever level Bolt sets (Bolt's default would hide debug lines)", () => {
    const { bolt, entries } = captured();
    bolt.setLevel(LogLevel.INFO);
    bolt.debug('http request url: https://slack.com/api/chat.postMessage');
    expect(entries()).toHaveLength(1);
    expect(bolt.getLevel()).toBe(LogLevel.INFO);
  });
});
