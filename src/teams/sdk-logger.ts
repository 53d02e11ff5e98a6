// The Teams SDK logs through its own ILogger, with whatever it has at hand: whole activities
// ("Handling activity", body), Bot Connector answers, errors carrying request configs (and so
// Authorization headers). Routed here into Sesame's Logger, only the SDK's own message (its first
// argument, when a string) and an error's class and first line are kept: never an activity, a
// message text or a token.
import type { ILogger, ILoggerOptions, LogLevel } from '@microsoft/teams.common';
import type { Logger } from '../log/logger.js';

const MAX_MESSAGE = 300;
const BEARER = /Bearer\s+[\w.~+/-]+=*/gi;
// A JWT anywhere in a line (three base64url parts, the first one a JSON header).
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;

const scrub = (text: string) =>
  text.replace(BEARER, 'Bearer [redacted]').replace(JWT, '[token]').replace(/\s+/g, ' ').slice(0, MAX_MESSAGE);

/** The fields kept from the SDK's extra arguments: an error's name, status and first line, nothing else. */
function errorFields(args: unknown[]): Record<string, unknown> | undefined {
  const error = args.find((a): a is Error => a instanceof Error);
  if (!error) return undefined;
  const status = (error as { response?: { status?: unknown }; status?: unknown }).response?.status;
  return {
    error: error.name,
    detail: scrub(error.message.split('\n')[0] ?? ''),
    ...(typeof status === 'number' ? { status } : {}),
  };
}

export function sdkLogger(log: Logger, name = 'teams'): ILogger {
  // MSAL is chatty at debug level (every token cache lookup): only its warnings and errors pass.
  const quiet = name.includes('msal');
  const write = (level: LogLevel, args: unknown[]) => {
    if (quiet && level !== 'warn' && level !== 'error') return;
    const [first] = args;
    // A message the SDK did not write as text (an object, a response body) says nothing we may keep.
    const message = typeof first === 'string' ? scrub(first) : 'Teams SDK event';
    const fields = { sdk: name, ...errorFields(args) };
    if (level === 'error') log.error(message, fields);
    else if (level === 'warn') log.warn(message, fields);
    else if (level === 'info') log.info(message, fields);
    else log.debug(message, fields);
  };
  const logger: ILogger = {
    loggerOptions: {},
    debug: (...args: unknown[]) => write('debug', args),
    info: (...args: unknown[]) => write('info', args),
    warn: (...args: unknown[]) => write('warn', args),
    error: (...args: unknown[]) => write('error', args),
    trace: (...args: unknown[]) => write('debug', args),
    log: (level: LogLevel, ...args: unknown[]) => write(level === 'trace' ? 'debug' : level, args),
    child: (child: string, _overrides?: ILoggerOptions) => sdkLogger(log, `${name}/${child}`),
  };
  return logger;
}
