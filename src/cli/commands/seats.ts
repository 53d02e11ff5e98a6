// sesame seats | requests | requests approve <id> | requests deny <id> --reason <text>
import type { Command } from 'commander';
import type { SeatRequest, SeatRequestStatus } from '../../generated/prisma/client.js';
import { userTypeName } from '../../organizations/catalogue.js';
import { decideSeatRequest, type SeatDecisionResult } from '../../seats/decide-seat-request.js';
import { listSeatRequests, type SeatRequestView } from '../../seats/list-seat-requests.js';
import { seatSummary } from '../../seats/seat-summary.js';
import { fields, formatDate, table } from '../output.js';
import { runAsMember } from '../session.js';
import { say } from '../texts.js';
import { arg, idSchema, nonEmptySchema, seatRequestStatusSchema } from '../values.js';

const REQUEST_JSON = `{ "id", "status": "PENDING" | "APPROVED" | "DENIED", "seatsRequested", "limitBefore",
      "limitAfter", "requestedByEmail", "decidedByEmail", "decidedAt", "reason", "createdAt" }`;

export function registerSeats(program: Command): void {
  program
    .command('seats')
    .description('seats used (members + pending invitations), the limit, and what waits for approval')
    .addHelpText(
      'after',
      `
JSON output (--json):
  { "limit", "used", "remaining", "members", "pending", "awaitingApproval", "openSeatRequests",
    "byUserType": { "<user type key>": n } }   (byUserType counts members and pending invitations)`,
    )
    .action((_options: unknown, command: Command) =>
      runAsMember(command, async ({ db, actor, out, locale }) => {
        const summary = await seatSummary(db, actor);
        if (out.json) return out.result(summary);
        const s = say(locale);
        const catalogue = actor.organization.catalogue;
        const byType = Object.entries(summary.byUserType)
          .map(([key, n]) => `${userTypeName(catalogue, key, locale)} ${n}`)
          .join(', ');
        out.line(
          fields([
            [s.seatsUsed, s.usedOf(summary.used, summary.limit)],
            [s.seatsRemaining, summary.remaining],
            [s.seatsMembers, summary.members],
            [s.seatsPending, summary.pending],
            [s.seatsAwaiting, summary.awaitingApproval],
            [s.seatsOpenRequests, summary.openSeatRequests],
            [s.seatsByType, byType || '-'],
          ]),
        );
      }),
    );

  const requests = program
    .command('requests')
    .description('list seat requests (invitations held beyond the seat limit wait for a manager)')
    .option('--status <status>', 'only pending, approved or denied ones', arg(seatRequestStatusSchema))
    .addHelpText('after', `\nJSON output (--json):\n  { "requests": [ ${REQUEST_JSON} ] }`)
    .action((options: { status?: SeatRequestStatus }, command: Command) =>
      runAsMember(command, async ({ db, actor, out, locale }) => {
        const list = await listSeatRequests(db, actor, { status: options.status });
        if (out.json) return out.result({ requests: list.map(requestJson) });
        const s = say(locale);
        if (list.length === 0) return out.line(s.noSeatRequests);
        out.line(
          table(
            s.requestHeaders,
            list.map((r) => [
              r.id,
              s.requestStatus[r.status],
              r.seatsRequested,
              `${r.limitBefore} -> ${r.limitAfter}`,
              r.requestedByEmail,
              formatDate(r.createdAt),
              r.decidedByEmail,
              r.reason,
            ]),
          ),
        );
      }),
    );

  const decisionHelp = `
Managers and owners only. A request is decided once: deciding it again says who decided first.

JSON output (--json):
  { "request": { "id", "status", "seatsRequested", "limitBefore", "decidedAt", "reason", ... },
    "invitations": n (released when approved, cancelled when denied), "limitAfter": n }`;

  requests
    .command('approve')
    .description('approve a seat request: the seat limit grows and the held invitations are sent')
    .argument('<id>', "the request's id (see `sesame requests`)", arg(idSchema))
    .addHelpText('after', decisionHelp)
    .action((id: string, _options: unknown, command: Command) =>
      runAsMember(command, async ({ db, actor, out, locale }) => {
        const result = await decideSeatRequest(db, actor, { requestId: id, decision: 'approve' });
        if (out.json) return out.result(decisionJson(result));
        out.line(say(locale).approved(result.limitAfter, result.invitations));
      }),
    );

  requests
    .command('deny')
    .description('deny a seat request: the held invitations are cancelled, the inviter is told why')
    .argument('<id>', "the request's id (see `sesame requests`)", arg(idSchema))
    .requiredOption('--reason <text>', 'why (the inviter reads it)', arg(nonEmptySchema))
    .addHelpText('after', decisionHelp)
    .action((id: string, options: { reason: string }, command: Command) =>
      runAsMember(command, async ({ db, actor, out, locale }) => {
        const result = await decideSeatRequest(db, actor, { requestId: id, decision: 'deny', reason: options.reason });
        if (out.json) return out.result(decisionJson(result));
        out.line(say(locale).denied(result.invitations));
      }),
    );
}

function requestJson(r: SeatRequestView) {
  return {
    id: r.id,
    status: r.status,
    seatsRequested: r.seatsRequested,
    limitBefore: r.limitBefore,
    limitAfter: r.limitAfter,
    requestedByEmail: r.requestedByEmail,
    decidedByEmail: r.decidedByEmail,
    decidedAt: r.decidedAt,
    reason: r.reason,
    createdAt: r.createdAt,
  };
}

function decisionJson(result: SeatDecisionResult) {
  const r: SeatRequest = result.request;
  return {
    request: {
      id: r.id,
      status: r.status,
      seatsRequested: r.seatsRequested,
      limitBefore: r.limitBefore,
      requestedById: r.requestedById,
      decidedById: r.decidedById,
      decidedAt: r.decidedAt,
      reason: r.reason,
      createdAt: r.createdAt,
    },
    invitations: result.invitations,
    limitAfter: result.limitAfter,
  };
}
