// Bolt's and Slack's Web API client's log lines through Sesame's logger (@slack/logger's
// interface), so that they come out as the service's other lines: JSON or readable, redacted.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../log/logger.js';

/**
 * Only strings and errors' messages are kept: Bolt and the Web API client also pass objects
 * (events, request bodies) that carry message texts, e-mails and tokens.
 */
export function boltLogger(log: Logger): BoltLogger {
  // Kept for getLevel() only: LOG_LEVEL decides what is written. Bolt sets its own default
  // (info), which would otherwise hide the client's lines when an operator asks for debug.
  let level = LogLevel.INFO;
  const text = (parts: unknown[]) =>
    `slack: ${parts
      .map((part) => (typeof part === 'string' ? part : part instanceof Error ? part.message : ''))
      .join(' ')
      .trim()}`;
  return {
    debug: (...parts) => {
      const line = text(parts);
      // Slack's client logs each call's body, headers and result at debug level: message texts,
      // members' e-mails, a temporary password shown in a modal. None of it belongs in a log.
      if (!/^slack: http request (body|headers|result):/.test(line)) log.debug(line);
    },
    info: (...parts) => log.info(text(parts)),
    warn: (...parts) => log.warn(text(parts)),
    error: (...parts) => log.error(text(parts)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    // One logger object is shared by Bolt, its receiver and every Web API client: a name set by
    // one of them would mislabel the others' lines, so the prefix stays "slack".
    setName: () => {},
  };
}
