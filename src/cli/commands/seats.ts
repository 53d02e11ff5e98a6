// sesame seats | requests | requests approve <id> | requests deny <id> --reason <text>
import type { Command } from 'commander';
import type { SeatRequestStatus } from '../../generated/prisma/client.js';
import { id, nonEmpty, seatRequestStatus } from '../values.js';

const work = () => import('../actions/seats.js');

const REQUEST_JSON = `{ "id", "status": "PENDING" | "APPROVED" | "DENIED" | "WITHDRAWN", "seatsRequested",
      "limitBefore", "limitAfter", "requestedByEmail", "decidedByEmail", "decidedAt", "reason", "createdAt" }`;

export function registerSeats(program: Command): void {
  program
    .command('seats')
    .description('seats used (members + pending invitations), the limit, and what waits for approval')
    .addHelpText(
      'after',
      `
JSON output (--json):
  { "limit", "used", "remaining", "members", "pending", "awaitingApproval", "openSeatRequests",
    "byUserType": { "<user type key>": n },
    "external": { "limit", "used", "members", "pending", "awaitingApproval" } }
  (byUserType counts members and pending internal invitations; external seats are counted apart)`,
    )
    .action(async (_options: unknown, command: Command) => (await work()).showSeats(command));

  const requests = program
    .command('requests')
    .description('list seat requests (invitations held beyond the seat limit wait for a manager)')
    .option('--status <status>', 'only pending, approved or denied ones', seatRequestStatus)
    .addHelpText('after', `\nJSON output (--json):\n  { "requests": [ ${REQUEST_JSON} ] }`)
    .action(async (options: { status?: SeatRequestStatus }, command: Command) =>
      (await work()).listRequests(options, command),
    );

  const decisionHelp = `
Managers and owners only. A request is decided once: deciding it again says who decided first.

JSON output (--json):
  { "request": { "id", "status", "seatsRequested", "limitBefore", "decidedAt", "reason", ... },
    "invitations": n (released when approved, cancelled when denied), "limitAfter": n }`;

  requests
    .command('approve')
    .description('approve a seat request: the seat limit grows and the held invitations are sent')
    .argument('<id>', "the request's id (see `sesame requests`)", id)
    .addHelpText('after', decisionHelp)
    .action(async (requestId: string, _options: unknown, command: Command) =>
      (await work()).decideRequest(command, { requestId, decision: 'approve' }),
    );

  requests
    .command('deny')
    .description('deny a seat request: the held invitations are cancelled, the inviter is told why')
    .argument('<id>', "the request's id (see `sesame requests`)", id)
    .requiredOption('--reason <text>', 'why (the inviter reads it)', nonEmpty)
    .addHelpText('after', decisionHelp)
    .action(async (requestId: string, options: { reason: string }, command: Command) =>
      (await work()).decideRequest(command, { requestId, decision: 'deny', reason: options.reason }),
    );
}
