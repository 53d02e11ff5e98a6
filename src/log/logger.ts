// Sesame's logger: pino underneath, behind a four-method interface so that callers pass a message
// and a few fields. JSON lines when the output is collected (not a terminal), readable lines on a
// terminal. Never log payloads, e-mail bodies or tokens: pass ids and counts (redaction.ts is the
// net under that rule: the fields it knows, and tokens in the message and in top-level texts).
import { createRequire } from 'node:module';
import { type DestinationStream, pino } from 'pino';
import { REDACTED, redactedPaths, scrubFields, scrubText } from './redaction.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export type LogFormat = 'json' | 'pretty';

/** Where log lines go: process.stderr by default, or anything with write() (tests). */
export interface LogDestination {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface LoggerOptions {
  destination?: LogDestination;
  /** Default: 'pretty' when the destination is a terminal, 'json' otherwise. */
  format?: LogFormat;
}

/**
 * `createLogger(level)` writes to stderr (stdout stays the CLI's output). Tests pass a function
 * that receives each line as JSON, without its newline: `createLogger('debug', (line) => lines.push(line))`.
 */
export function createLogger(level: LogLevel, output?: ((line: string) => void) | LoggerOptions): Logger {
  const options: LoggerOptions = typeof output === 'function' ? { destination: eachLine(output) } : (output ?? {});
  const destination = options.destination ?? process.stderr;
  const format = options.format ?? (destination.isTTY ? 'pretty' : 'json');
  const logger = pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"warn" rather than 40: readable by people and by every log collector.
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactedPaths, censor: REDACTED },
    },
    format === 'pretty' ? prettyLines(destination) : { write: (text: string) => destination.write(text) },
  );
  const at =
    (lvl: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (!logger.isLevelEnabled(lvl)) return;
      if (fields) logger[lvl](scrubFields(fields), scrubText(message));
      else logger[lvl](scrubText(message));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function eachLine(write: (line: string) => void): LogDestination {
  return { write: (text) => write(text.replace(/\n$/, '')) };
}

/**
 * pino-pretty is loaded here, only by a process that logs to a terminal; its formatter is used
 * synchronously (not as pino's transport thread), so the last lines before an exit are not lost.
 */
function prettyLines(destination: LogDestination): DestinationStream {
  const require = createRequire(import.meta.url);
  const { prettyFactory } = require('pino-pretty') as typeof import('pino-pretty');
  const prettify = prettyFactory({
    colorize: Boolean(destination.isTTY),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    singleLine: true,
  });
  return { write: (text: string) => destination.write(prettify(text)) };
}
