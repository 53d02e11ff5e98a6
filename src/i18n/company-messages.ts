// Partner companies (src/companies), in English and French. Part of `messages`: channels render
// them through `translate()`.
import { bilingual } from './message.js';

type Named = { name: string };

const suspendedEn = (email: string) => `The invitation to ${email} is suspended, so it is not sent.`;
const suspendedFr = (email: string) => `L'invitation à ${email} est suspendue : elle n'est pas envoyée.`;

// The coverage refusal (coverage.ts): the parents to secure, or the company itself when it has none.
const notCovered = bilingual<Named & { parents: string }>(
  (p) =>
    p.parents
      ? `${p.name} is not secured: secure it or one of its parent companies (${p.parents}).`
      : `${p.name} is not secured: secure it first (sesame companies secure "${p.name}").`,
  (p) =>
    p.parents
      ? `${p.name} n'est pas sécurisée : sécurisez-la, ou l'une de ses sociétés mères (${p.parents}).`
      : `${p.name} n'est pas sécurisée : sécurisez-la d'abord (sesame companies secure « ${p.name} »).`,
);

export const companyMessages = {
  'company.name_invalid': bilingual<{ max: number }>(
    (p) => `A company name has 1 to ${p.max} characters, without "/" (it separates a parent from its subsidiary).`,
    (p) => `Le nom d'une société a de 1 à ${p.max} caractères, sans « / » (il sépare une société mère de sa filiale).`,
  ),
  'company.name_reserved': bilingual<Named>(
    (p) => `"${p.name}" cannot name a company: it means "no parent company" in sesame companies move.`,
    (p) =>
      `« ${p.name} » ne peut pas nommer une société : il signifie « aucune société mère » dans sesame companies move.`,
  ),
  'company.not_found': bilingual<{ ref: string }>(
    (p) => `No company named "${p.ref}" in this organization (see sesame companies list).`,
    (p) => `Aucune société nommée « ${p.ref} » dans cette organisation (voir sesame companies list).`,
  ),
  'company.ambiguous': bilingual<{ ref: string; paths: string }>(
    (p) => `Several companies are named "${p.ref}": name it with its parent, one of ${p.paths}.`,
    (p) => `Plusieurs sociétés s'appellent « ${p.ref} » : nommez-la avec sa société mère, parmi ${p.paths}.`,
  ),
  'company.exists': bilingual<{ name: string; parent: string }>(
    (p) => `${p.parent ? `${p.parent} already has a subsidiary` : 'There is already a company'} named ${p.name}.`,
    (p) => `${p.parent ? `${p.parent} a déjà une filiale` : 'Il existe déjà une société'} nommée ${p.name}.`,
  ),
  'company.cycle': bilingual<{ name: string; parent: string }>(
    (p) => `${p.name} cannot be placed under ${p.parent}: ${p.parent} is ${p.name} itself or one of its subsidiaries.`,
    (p) =>
      `${p.name} ne peut pas être placée sous ${p.parent} : ${p.parent} est ${p.name} elle-même ou l'une de ses filiales.`,
  ),
  'company.has_subsidiaries': bilingual<Named & { count: number }>(
    (p) =>
      `${p.name} has ${p.count} ${p.count === 1 ? 'subsidiary' : 'subsidiaries'}: move or remove ${p.count === 1 ? 'it' : 'them'} first.`,
    (p) =>
      `${p.name} a ${p.count} ${p.count === 1 ? 'filiale' : 'filiales'} : ${p.count === 1 ? 'déplacez-la ou retirez-la' : 'déplacez-les ou retirez-les'} d'abord.`,
  ),
  'company.not_covered': notCovered,
  'company.external_seats_full': bilingual<{ limit: number; used: number }>(
    (p) =>
      `No external seat left (${p.used} used of ${p.limit}): an owner raises the limit with sesame org set external-seats <n>.`,
    (p) =>
      `Plus aucun siège externe (${p.used} utilisés sur ${p.limit}) : un propriétaire augmente la limite avec sesame org set external-seats <n>.`,
  ),
  'company.external_needs_company': bilingual(
    () => 'An external member belongs to a partner company: name it (--company <name>).',
    () => 'Un membre externe appartient à une société partenaire : nommez-la (--company <nom>).',
  ),
  'accept.suspended': bilingual(
    () =>
      'The company you were invited for is not open to external members at the moment. Ask the person who invited you: the invitation can be used again once it is.',
    () =>
      "La société pour laquelle vous avez été invité n'est pas ouverte aux membres externes pour le moment. Adressez-vous à la personne qui vous a invité : l'invitation pourra de nouveau servir dès qu'elle le sera.",
  ),
  'accept.held': bilingual(
    () =>
      'This invitation is waiting for a manager’s approval: the organization has no external seat left for now. You will receive a new e-mail with a new link once it is approved.',
    () =>
      "Cette invitation attend l’approbation d’un responsable : l'organisation n'a plus de place externe pour le moment. Vous recevrez un nouvel e-mail avec un nouveau lien dès qu'elle sera approuvée.",
  ),
  // A resend or a reminder of a suspended invitation: the reason why, then the coverage refusal.
  'invitation.suspended': bilingual<Named & { email: string; parents: string }>(
    (p) => `${suspendedEn(p.email)} ${notCovered.en(p)}`,
    (p) => `${suspendedFr(p.email)} ${notCovered.fr(p)}`,
  ),
  'invitation.suspended_company_removed': bilingual<Named & { email: string }>(
    (p) =>
      `${suspendedEn(p.email)} Its company, ${p.name}, was removed: revoke the invitation, or invite the person again for a secured company.`,
    (p) =>
      `${suspendedFr(p.email)} Sa société, ${p.name}, a été retirée : révoquez l'invitation, ou invitez de nouveau la personne pour une société sécurisée.`,
  ),
  'company.not_covered_alone': bilingual<Named>(
    (p) => notCovered.en({ ...p, parents: '' }),
    (p) => notCovered.fr({ ...p, parents: '' }),
  ),
};
