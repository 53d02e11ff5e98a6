// The work of `sesame request`, `invite-requests`, `invite-requests approve` and `... deny`.
import type { Command } from 'commander';
import { inviteRequestAnswerText, inviteRequestTexts } from '../../chat/rendering/invite-request-texts.js';
import type { InviteRequestStatus } from '../../generated/prisma/client.js';
import { decideInviteRequest, type InviteRequestDecision } from '../../invite-requests/decide-invite-request.js';
import { type InviteRequestView, listInviteRequests } from '../../invite-requests/list-invite-requests.js';
import { requestInvitation } from '../../invite-requests/request-invitation.js';
import { formatDate, table } from '../output.js';
import { runAsMember } from '../session.js';

const words = {
  en: {
    none: 'No invite requests.',
    headers: ['Id', 'E-mail', 'Status', 'Asked by', 'Asked', 'Decided by', 'Note / reason'],
    status: { PENDING: 'pending', APPROVED: 'approved', DENIED: 'denied' },
  },
  fr: {
    none: "Aucune demande d'invitation.",
    headers: ['Id', 'Adresse', 'Statut', 'Demandée par', 'Demandée le', 'Décidée par', 'Note / motif'],
    status: { PENDING: 'en attente', APPROVED: 'approuvée', DENIED: 'refusée' },
  },
};

export function requestInvite(email: string, options: { note?: string }, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const answer = await requestInvitation(db, actor, { email, note: options.note });
    if (out.json) {
      return out.result({
        outcome: answer.outcome,
        email: 'request' in answer ? answer.request.email : answer.email,
        requestId: 'request' in answer ? answer.request.id : null,
      });
    }
    out.line(inviteRequestAnswerText(locale, answer));
  });
}

export function listRequests(options: { status?: InviteRequestStatus }, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const list = await listInviteRequests(db, actor, { status: options.status });
    if (out.json) return out.result({ requests: list.map(requestJson) });
    const w = words[locale];
    if (list.length === 0) return out.line(w.none);
    out.line(
      table(
        w.headers,
        list.map((r) => [
          r.id,
          r.email,
          w.status[r.status],
          [r.requestedByEmail ?? '?', ...(r.requesters > 1 ? [`+${r.requesters - 1}`] : [])].join(' '),
          formatDate(r.createdAt),
          r.decidedByEmail,
          r.reason ?? r.note,
        ]),
      ),
    );
  });
}

export function decideRequest(command: Command, decision: InviteRequestDecision): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const result = await decideInviteRequest(db, actor, decision);
    if (out.json) {
      const [view] = (await listInviteRequests(db, actor)).filter((r) => r.id === result.request.id);
      return out.result({
        request: view ? requestJson(view) : { id: result.request.id },
        invitation: result.invitation,
      });
    }
    const texts = inviteRequestTexts(locale);
    const email = result.request.email;
    const outcome = result.invitation?.outcome;
    out.line(
      decision.decision === 'approve'
        ? texts.youApproved(email, outcome === 'held', outcome === 'already_invited')
        : texts.youDenied(email),
    );
  });
}

function requestJson(r: InviteRequestView) {
  return {
    id: r.id,
    email: r.email,
    note: r.note,
    status: r.status,
    requestedByEmail: r.requestedByEmail,
    requesters: r.requesters,
    decidedByEmail: r.decidedByEmail,
    decidedAt: r.decidedAt,
    reason: r.reason,
    invitationId: r.invitationId,
    createdAt: r.createdAt,
  };
}
