// Runs one command: reads the configuration, opens the database (applying pending migrations),
// resolves the organization and the acting member, calls the command's work, renders a refusal
// in the right language, closes the database and sets the exit code.
import type { Command } from 'commander';
import type { Env } from '../config/env.js';
import { loadConfig } from '../config/load.js';
import { type Database, type Db, openDatabase } from '../db/database.js';
import { isAppError } from '../errors/app-error.js';
import { userFacingDetail } from '../errors/internal-detail.js';
import { type Locale, pickLocale } from '../i18n/locale.js';
import { translate } from '../i18n/messages.js';
import { resolveActor } from '../members/resolve-actor.js';
import { findOrganization, type Organization } from '../organizations/organization.js';
import type { Actor } from '../permissions/actor.js';
import { exitCodes } from './exit.js';
import { createOutput, type Output } from './output.js';
import { cliTexts } from './texts.js';

export interface GlobalOptions {
  org?: string;
  as?: string;
  json?: boolean;
  lang?: Locale;
}

export interface Session {
  env: Env;
  database: Database;
  db: Db;
  options: GlobalOptions;
  out: Output;
  /** --lang, else the organization's language once known, else the terminal's (LANG). */
  locale: Locale;
}

export interface MemberSession extends Session {
  organization: Organization;
  actor: Actor;
}

/** What a command's work returns: its exit code (0 when nothing is returned). */
type Work<S> = (session: S) => Promise<number | undefined>;

export const globalOptions = (command: Command): GlobalOptions => command.optsWithGlobals<GlobalOptions>();

/** The terminal's language: LC_ALL, then LC_MESSAGES, then LANG (POSIX order). */
export const terminalLocale = (env: NodeJS.ProcessEnv = process.env): Locale =>
  pickLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG, 'en');

export function runCommand(
  command: Command,
  work: Work<Session>,
  options: { migrations?: 'apply' | 'skip' } = {},
): Promise<void> {
  return run(command, options.migrations ?? 'apply', work);
}

/** Runs work that acts in an organization, as --as (default: its owner). */
export function runAsMember(command: Command, work: Work<MemberSession>): Promise<void> {
  return run(command, 'apply', async (session) => {
    const organization = await findOrganization(session.db, session.options.org);
    session.locale = session.options.lang ?? organization.locale;
    const actor = await resolveActor(session.db, {
      organization,
      email: session.options.as,
      channel: 'cli',
      locale: session.locale,
    });
    return work({ ...session, organization, actor });
  });
}

async function run(command: Command, migrations: 'apply' | 'skip', work: Work<Session>): Promise<void> {
  const options = globalOptions(command);
  const out = createOutput(Boolean(options.json));
  const env = loadConfig();
  const session: Partial<Session> & { locale: Locale } = {
    env,
    options,
    out,
    locale: options.lang ?? terminalLocale(),
  };
  let database: Database | undefined;
  const interrupt = () => {
    // Ctrl-C: release the embedded database (its lock and files) before leaving.
    out.warn(cliTexts(session.locale).interrupted);
    void (database?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  try {
    database = await openDatabase({ env, role: 'cli', migrations, log: (message) => out.warn(message) });
    session.database = database;
    session.db = database.prisma;
    process.exitCode = (await work(session as Session)) ?? exitCodes.ok;
  } catch (error) {
    process.exitCode = report(error, session.locale, out, env);
  } finally {
    process.off('SIGINT', interrupt);
    await database?.close().catch((error: unknown) => out.warn(String(error)));
  }
}

/** Refusals that are the command line's fault, not a rule's: bad usage (exit 2). */
const usageErrors = new Set<string>(['org.ambiguous']);

function report(error: unknown, locale: Locale, out: Output, env: Env): number {
  const texts = cliTexts(locale);
  if (isAppError(error)) {
    const message = translate(locale, error.code, error.params as never);
    out.error(message);
    if (out.json) out.result({ error: { code: error.code, kind: error.kind, message } });
    return usageErrors.has(error.code) ? exitCodes.usage : exitCodes.refused;
  }
  const message = error instanceof Error ? error.message : String(error);
  const unreachable =
    Boolean(env.DATABASE_URL) &&
    ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET'].includes((error as NodeJS.ErrnoException)?.code ?? '');
  // Only a message meant for people is shown; the internals (stack, query, file paths) are for
  // LOG_LEVEL=debug alone.
  const shown = unreachable ? texts.databaseUnreachable(message) : (userFacingDetail(error) ?? texts.internalError);
  out.error(`${texts.errorPrefix} ${shown}`);
  if (env.LOG_LEVEL === 'debug' && error instanceof Error && error.stack) out.error(error.stack);
  else out.error(texts.debugHint);
  if (out.json) out.result({ error: { code: 'unexpected', kind: 'failed', message: shown } });
  return exitCodes.refused;
}
