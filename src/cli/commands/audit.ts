// sesame audit
import type { Command } from 'commander';
import { limit, nonEmpty } from '../values.js';

const work = () => import('../actions/audit.js');

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('the audit trail, newest first: who did what, when, from which channel (owners and administrators)')
    .option(
      '--action <prefix>',
      'only actions starting with this, e.g. "invitation." or "seat_request.approved"',
      nonEmpty,
    )
    .option('--limit <n>', 'at most this many events (default 100)', limit)
    .addHelpText(
      'after',
      `
JSON output (--json):
  { "events": [ { "id": string, "createdAt", "action", "actorEmail", "channel": "cli" | "slack" | "teams" |
                  "web" | "system", "subjectType", "subjectId", "data": { ... } } ] }`,
    )
    .action(async (options: { action?: string; limit?: number }, command: Command) =>
      (await work()).listEvents(options, command),
    );
}
