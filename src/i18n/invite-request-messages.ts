// Refusals and answers about invite requests (src/invite-requests), in English and French. Part
// of `messages`: channels render them through `translate()`.
import { bilingual } from './message.js';

type E = { email: string };

export const inviteRequestMessages = {
  'invite_request.off': bilingual(
    () => 'Invite requests are turned off in this organization: ask an administrator to invite the person.',
    () =>
      "Les demandes d'invitation sont désactivées dans cette organisation\u00a0: demandez à un administrateur d'inviter la personne.",
  ),
  'invite_request.invite_instead': bilingual<E>(
    (p) => `You may invite ${p.email} yourself: no request is needed (\`invite ${p.email}\`).`,
    (p) => `Vous pouvez inviter ${p.email} vous-même\u00a0: aucune demande n'est nécessaire (\`invite ${p.email}\`).`,
  ),
  'invite_request.note_too_long': bilingual<{ max: number }>(
    (p) => `The note must have at most ${p.max} characters: shorten it.`,
    (p) => `La note doit comporter au plus ${p.max} caractères\u00a0: raccourcissez-la.`,
  ),
  'invite_request.not_found': bilingual<{ id: string }>(
    (p) => `No invite request matches ${p.id}.`,
    (p) => `Aucune demande d'invitation ne correspond à ${p.id}.`,
  ),
  'invite_request.already_decided': bilingual<{ decision: 'APPROVED' | 'DENIED'; by: string }>(
    (p) => `This invite request was already ${p.decision === 'APPROVED' ? 'approved' : 'denied'} by ${p.by}.`,
    (p) => `Cette demande d'invitation a déjà été ${p.decision === 'APPROVED' ? 'approuvée' : 'refusée'} par ${p.by}.`,
  ),
  'invite_request.reason_required': bilingual(
    () => 'Say why the request is denied: the member who asked will read it.',
    () => "Indiquez pourquoi la demande est refusée\u00a0: le membre qui l'a faite le lira.",
  ),
  'invite_request.reason_too_long': bilingual<{ max: number }>(
    (p) => `The reason must have at most ${p.max} characters: shorten it.`,
    (p) => `Le motif doit comporter au plus ${p.max} caractères\u00a0: raccourcissez-le.`,
  ),
  'permission.decide_invite_requests': bilingual<E>(
    (p) => `${p.email} may not approve or deny invite requests: only owners and administrators may.`,
    (p) =>
      `${p.email} ne peut pas approuver ni refuser les demandes d'invitation\u00a0: seuls les propriétaires et administrateurs le peuvent.`,
  ),
  'permission.list_invite_requests': bilingual<E>(
    (p) => `${p.email} may not list invite requests: only owners and administrators may.`,
    (p) =>
      `${p.email} ne peut pas consulter les demandes d'invitation\u00a0: seuls les propriétaires et administrateurs le peuvent.`,
  ),
};
