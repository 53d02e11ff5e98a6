// sesame request <e-mail> [--note] | invite-requests [--status] | invite-requests approve <id> |
// invite-requests deny <id> --reason <text>
import type { Command } from 'commander';
import type { InviteRequestStatus } from '../../generated/prisma/client.js';
import { id, nonEmpty, seatRequestStatus } from '../values.js';

const work = () => import('../actions/invite-requests.js');

const REQUEST_JSON = `{ "id", "email", "note", "status": "PENDING" | "APPROVED" | "DENIED", "requestedByEmail",
      "requesters", "decidedByEmail", "decidedAt", "reason", "invitationId", "createdAt" }`;

export function registerInviteRequests(program: Command): void {
  program
    .command('request')
    .description('ask the administrators to invite an address (for members who may not invite; use --as)')
    .argument('<e-mail>', 'the address to invite')
    .option('--note <text>', 'a few words for the administrators (500 characters at most)')
    .addHelpText(
      'after',
      `
A second request for an address already asked for joins the first: everyone who asked is told the
outcome. An address that is a member or already invited is answered at once.

JSON output (--json):
  { "outcome": "requested" | "joined" | "already_requested" | "already_member" | "already_invited",
    "email", "requestId" }`,
    )
    .action(async (email: string, options: { note?: string }, command: Command) =>
      (await work()).requestInvite(email, options, command),
    );

  const requests = program
    .command('invite-requests')
    .description("list members' invite requests (owners and administrators)")
    .option('--status <status>', 'only pending, approved or denied ones', seatRequestStatus)
    .addHelpText('after', `\nJSON output (--json):\n  { "requests": [ ${REQUEST_JSON} ] }`)
    .action(async (options: { status?: InviteRequestStatus }, command: Command) =>
      (await work()).listRequests(options, command),
    );

  const decisionHelp = `
Owners and administrators only. A request is decided once: deciding it again says who decided first.

JSON output (--json):
  { "request": ${REQUEST_JSON},
    "invitation": { "outcome": "invited" | "held" | "already_invited", "invitationId" } (approved) }`;

  requests
    .command('approve')
    .description('approve an invite request: the address is invited as if you had invited it')
    .argument('<id>', "the request's id (see `sesame invite-requests`)", id)
    .addHelpText('after', decisionHelp)
    .action(async (requestId: string, _options: unknown, command: Command) =>
      (await work()).decideRequest(command, { requestId, decision: 'approve' }),
    );

  requests
    .command('deny')
    .description('deny an invite request: the members who asked are told why')
    .argument('<id>', "the request's id (see `sesame invite-requests`)", id)
    .requiredOption('--reason <text>', 'why (the members who asked read it)', nonEmpty)
    .addHelpText('after', decisionHelp)
    .action(async (requestId: string, options: { reason: string }, command: Command) =>
      (await work()).decideRequest(command, { requestId, decision: 'deny', reason: options.reason }),
    );
}
