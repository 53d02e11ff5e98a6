// Refusals about seats and seat requests (src/seats), in English and French. Part of `messages`:
// channels render them through `translate()`.
import { bilingual } from './message.js';

export const seatMessages = {
  'seats.full': bilingual<{ limit: number }>(
    (p) =>
      `All ${p.limit} seats are taken: invite instead (a manager can approve extra seats), or ask a manager to raise the limit.`,
    (p) =>
      `Les ${p.limit} places sont toutes prises : invitez plutôt (un responsable pourra approuver des places en plus), ou demandez à un responsable d'augmenter la limite.`,
  ),
  'seat_request.not_found': bilingual<{ id: string }>(
    (p) => `No seat request matches ${p.id}.`,
    (p) => `Aucune demande de places ne correspond à ${p.id}.`,
  ),
  'seat_request.already_decided': bilingual<{ decision: 'APPROVED' | 'DENIED'; by: string }>(
    (p) => `This request was already ${p.decision === 'APPROVED' ? 'approved' : 'denied'} by ${p.by}.`,
    (p) => `Cette demande a déjà été ${p.decision === 'APPROVED' ? 'approuvée' : 'refusée'} par ${p.by}.`,
  ),
  'seat_request.withdrawn': bilingual(
    () =>
      'This request was withdrawn: every invitation it held was revoked, so there is nothing left to approve or deny.',
    () =>
      "Cette demande a été retirée : toutes les invitations qu'elle retenait ont été révoquées, il n'y a plus rien à approuver ni à refuser.",
  ),
  'seat_request.withdrawn_card': bilingual(
    () => 'Withdrawn: every invitation it held was revoked. Nothing to decide.',
    () => 'Retirée : toutes les invitations retenues ont été révoquées. Plus rien à décider.',
  ),
  'seat_request.figures_changed': bilingual<{ before: number; after: number }>(
    (p) => `The figures changed since this request was posted (it said ${p.before} → ${p.after}).`,
    (p) => `Les chiffres ont changé depuis la publication de cette demande (elle indiquait ${p.before} → ${p.after}).`,
  ),
  'seat_request.reason_required': bilingual(
    () => 'Say why the request is denied: the inviter will read it.',
    () => "Indiquez pourquoi la demande est refusée : l'auteur de l'invitation le lira.",
  ),
};
