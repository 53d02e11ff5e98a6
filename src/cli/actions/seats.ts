// The work of `sesame seats`, `requests`, `requests approve` and `requests deny`.
import type { Command } from 'commander';
import type { SeatRequest, SeatRequestStatus } from '../../generated/prisma/client.js';
import { userTypeName } from '../../organizations/catalogue.js';
import { decideSeatRequest, type SeatDecision, type SeatDecisionResult } from '../../seats/decide-seat-request.js';
import { listSeatRequests, type SeatRequestView } from '../../seats/list-seat-requests.js';
import { type SeatSummary, seatSummary } from '../../seats/seat-summary.js';
import { fields, formatDate, table } from '../output.js';
import { runAsMember } from '../session.js';
import { cliTexts } from '../texts.js';

/** External seats (partner companies' people) apart from the plan's, on one line. */
const externalSeatTexts = {
  en: {
    label: 'External seats',
    value: (e: SeatSummary['external']) =>
      `${e.used} of ${e.limit} (members ${e.members}, pending ${e.pending}, awaiting approval ${e.awaitingApproval})`,
  },
  fr: {
    label: 'Sièges externes',
    value: (e: SeatSummary['external']) =>
      `${e.used} sur ${e.limit} (membres ${e.members}, en attente ${e.pending}, en attente d’approbation ${e.awaitingApproval})`,
  },
};

export function showSeats(command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const summary = await seatSummary(db, actor);
    if (out.json) return out.result(summary);
    const texts = cliTexts(locale);
    const catalogue = actor.organization.catalogue;
    const byType = Object.entries(summary.byUserType)
      .map(([key, n]) => `${userTypeName(catalogue, key, locale)} ${n}`)
      .join(', ');
    out.line(
      fields([
        [texts.seatsUsed, texts.usedOf(summary.used, summary.limit)],
        [texts.seatsRemaining, summary.remaining],
        [texts.seatsMembers, summary.members],
        [texts.seatsPending, summary.pending],
        [texts.seatsAwaiting, summary.awaitingApproval],
        [texts.seatsOpenRequests, summary.openSeatRequests],
        [texts.seatsByType, byType || '-'],
        [externalSeatTexts[locale].label, externalSeatTexts[locale].value(summary.external)],
      ]),
    );
  });
}

export function listRequests(options: { status?: SeatRequestStatus }, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const list = await listSeatRequests(db, actor, { status: options.status });
    if (out.json) return out.result({ requests: list.map(requestJson) });
    const texts = cliTexts(locale);
    if (list.length === 0) return out.line(texts.noSeatRequests);
    out.line(
      table(
        texts.requestHeaders,
        list.map((r) => [
          r.id,
          texts.requestStatus[r.status],
          r.seatsRequested,
          texts.requestKind[r.kind],
          `${r.limitBefore} -> ${r.limitAfter}`,
          r.requestedByEmail,
          formatDate(r.createdAt),
          r.decidedByEmail,
          r.reason,
        ]),
      ),
    );
  });
}

export function decideRequest(command: Command, decision: SeatDecision): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const result = await decideSeatRequest(db, actor, decision);
    if (out.json) return out.result(decisionJson(result));
    const texts = cliTexts(locale);
    out.line(
      decision.decision === 'approve'
        ? texts.approved(result.limitAfter, result.invitations, result.request.kind)
        : texts.denied(result.invitations),
    );
  });
}

function requestJson(request: SeatRequestView) {
  return {
    id: request.id,
    status: request.status,
    kind: request.kind,
    seatsRequested: request.seatsRequested,
    limitBefore: request.limitBefore,
    limitAfter: request.limitAfter,
    requestedByEmail: request.requestedByEmail,
    decidedByEmail: request.decidedByEmail,
    decidedAt: request.decidedAt,
    reason: request.reason,
    createdAt: request.createdAt,
  };
}

function decisionJson(result: SeatDecisionResult) {
  const request: SeatRequest = result.request;
  return {
    request: {
      id: request.id,
      status: request.status,
      kind: request.kind,
      seatsRequested: request.seatsRequested,
      limitBefore: request.limitBefore,
      requestedById: request.requestedById,
      decidedById: request.decidedById,
      decidedAt: request.decidedAt,
      reason: request.reason,
      createdAt: request.createdAt,
    },
    invitations: result.invitations,
    limitAfter: result.limitAfter,
  };
}
