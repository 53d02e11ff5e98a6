// The words of the enterprise-login pages and buttons, in English and French (the refusals'
// sentences are domain messages: src/i18n/sso-messages.ts).
export const ssoTexts = {
  en: {
    continueWith: (label: string) => `Continue with ${label}`,
    enterpriseLead: (label: string) =>
      `Join with your enterprise login: you will sign in with ${label}, no new password.`,
    orPassword: 'Or create an account with a password:',
    emailRequired: (email: string) => `Sign in with the account of ${email}.`,
    joinedLead: (label: string) => `Your account is ready. From now on, sign in with ${label}.`,
    signedInTitle: (org: string) => `You are signed in to ${org}`,
    signedInLead: (label: string) => `Your enterprise login (${label}) works for this organization.`,
    refusedTitle: 'The sign-in did not go through',
    mismatchTitle: 'This invitation is for another address',
    unavailableTitle: 'Enterprise login is not available',
    unavailable: 'This organization has no enterprise login, or it is turned off. Ask your administrator.',
    providerDownTitle: 'The identity provider cannot be reached',
    startAgain: 'Back to the invitation',
    heldTitle: (org: string) => `Your request to join ${org} is waiting`,
    held: 'All seats are taken: a manager has been asked for more. You will receive an e-mail once it is decided.',
  },
  fr: {
    continueWith: (label: string) => `Continuer avec ${label}`,
    enterpriseLead: (label: string) =>
      `Rejoignez-nous avec votre identifiant d'entreprise : vous vous connecterez avec ${label}, sans nouveau mot de passe.`,
    orPassword: 'Ou créez un compte avec un mot de passe :',
    emailRequired: (email: string) => `Connectez-vous avec le compte de ${email}.`,
    joinedLead: (label: string) => `Votre compte est prêt. Désormais, connectez-vous avec ${label}.`,
    signedInTitle: (org: string) => `Vous êtes connecté à ${org}`,
    signedInLead: (label: string) => `Votre identifiant d'entreprise (${label}) fonctionne pour cette organisation.`,
    refusedTitle: "La connexion n'a pas abouti",
    mismatchTitle: 'Cette invitation est destinée à une autre adresse',
    unavailableTitle: "La connexion d'entreprise n'est pas disponible",
    unavailable:
      "Cette organisation n'a pas de connexion d'entreprise, ou elle est désactivée. Adressez-vous à votre administrateur.",
    providerDownTitle: "Le fournisseur d'identité est injoignable",
    startAgain: "Revenir à l'invitation",
    heldTitle: (org: string) => `Votre demande pour rejoindre ${org} est en attente`,
    held: 'Toutes les places sont prises : un responsable a été sollicité pour en ajouter. Vous recevrez un e-mail une fois la décision prise.',
  },
} as const;
