// The words of the e-mails, in English and French. Arguments are inserted as given: the HTML
// template passes escaped values (or markup it built from escaped values), the text one raw values.
import type { Locale } from '../../i18n/locale.js';

type Text<P> = (p: P) => string;

export interface InvitationWords {
  subject: Text<{ inviter: string; org: string }>;
  reminderSubject: Text<{ inviter: string; org: string }>;
  heading: Text<{ org: string }>;
  greeting: Text<{ name: string }>;
  intro: Text<{ inviter: string; org: string; role: string }>;
  resendLead: string;
  reminderIntro: Text<{ inviter: string; org: string; role: string }>;
  subscription: Text<{ org: string }>;
  /** The username the admin chose and reserved for the invitee: it cannot be changed. */
  reservedUsername: Text<{ username: string }>;
  /** An external invitation: the partner company the person joins for (instead of `subscription`). */
  externalFor: Text<{ org: string; company: string }>;
  messageCaption: Text<{ inviter: string }>;
  accept: string;
  /** An enterprise invitation's button: joined through the identity provider. */
  continueWith: Text<{ label: string }>;
  linkIntro: string;
  expires: Text<{ date: string }>;
  footer: Text<{ inviter: string; email: string; org: string }>;
}

export interface MemberAddedWords {
  subject: Text<{ org: string }>;
  heading: Text<{ org: string }>;
  greeting: Text<{ name: string }>;
  intro: Text<{ admin: string; org: string; role: string }>;
  usernameLabel: string;
  password: Text<{ admin: string }>;
  mustChange: string;
  signIn: string;
  /** Added by enterprise ID: no password, the enterprise login instead. */
  enterprise: Text<{ label: string }>;
  signInEnterprise: Text<{ label: string }>;
  linkIntro: string;
  footer: Text<{ email: string; org: string }>;
  /** Who added the member when the admin's account no longer exists. */
  unknownAdmin: string;
  /** The next step: where the member signs in to the product (the organization's sign-in URL). */
  signInNext: Text<{ org: string }>;
  signInButton: Text<{ org: string }>;
  gettingStarted: string;
  /** No sign-in URL set: said plainly. */
  noSignIn: Text<{ org: string }>;
}

export const invitationWords: Record<Locale, InvitationWords> = {
  en: {
    subject: (p) => `${p.inviter} invited you to join ${p.org}`,
    reminderSubject: (p) => `Reminder: ${p.inviter} invited you to join ${p.org}`,
    heading: (p) => `Join ${p.org}`,
    greeting: (p) => (p.name ? `Hello ${p.name},` : 'Hello,'),
    intro: (p) => `${p.inviter} invited you to join ${p.org} with the ${p.role} role.`,
    resendLead: 'Here is your invitation again, with a new link.',
    reminderIntro: (p) =>
      `A reminder: ${p.inviter} invited you to join ${p.org} with the ${p.role} role, and the invitation is still waiting for you.`,
    subscription: (p) =>
      `Joining ${p.org}'s subscription gives you access to its content and tools, and uses one of its seats.`,
    reservedUsername: (p) =>
      `Your username is reserved: ${p.username}. Your administrator chose it, and it cannot be changed.`,
    externalFor: (p) =>
      `You are invited as an external member for ${p.company}. You will reach what ${p.org} shares with its partner companies, on one of its external seats.`,
    messageCaption: (p) => `${p.inviter} wrote:`,
    accept: 'Accept the invitation',
    continueWith: (p) => `Continue with ${p.label}`,
    linkIntro: 'If the button does not work, copy this link into your browser:',
    expires: (p) => `This invitation expires on ${p.date}.`,
    footer: (p) =>
      `You received this e-mail because ${p.inviter} invited ${p.email} to join ${p.org}. If you were not expecting it, you can ignore it: nothing happens unless you accept.`,
  },
  fr: {
    subject: (p) => `${p.inviter} vous invite à rejoindre ${p.org}`,
    reminderSubject: (p) => `Rappel : ${p.inviter} vous invite à rejoindre ${p.org}`,
    heading: (p) => `Rejoindre ${p.org}`,
    greeting: (p) => (p.name ? `Bonjour ${p.name},` : 'Bonjour,'),
    intro: (p) => `${p.inviter} vous invite à rejoindre ${p.org} avec le rôle ${p.role}.`,
    resendLead: 'Voici de nouveau votre invitation, avec un nouveau lien.',
    reminderIntro: (p) =>
      `Pour rappel, ${p.inviter} vous invite à rejoindre ${p.org} avec le rôle ${p.role} ; l'invitation vous attend toujours.`,
    subscription: (p) =>
      `Rejoindre l'abonnement de ${p.org} vous donne accès à ses contenus et à ses outils, et occupe l'une de ses places.`,
    reservedUsername: (p) =>
      `Votre nom d'utilisateur est réservé : ${p.username}. Votre administrateur l'a choisi ; il ne peut pas être modifié.`,
    externalFor: (p) =>
      `Vous êtes invité comme membre externe pour ${p.company}. Vous accéderez à ce que ${p.org} partage avec ses sociétés partenaires, sur l'une de ses places externes.`,
    messageCaption: (p) => `Message de ${p.inviter} :`,
    accept: "Accepter l'invitation",
    continueWith: (p) => `Continuer avec ${p.label}`,
    linkIntro: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :',
    expires: (p) => `Cette invitation expire le ${p.date}.`,
    footer: (p) =>
      `Vous recevez ce message car ${p.inviter} a invité ${p.email} à rejoindre ${p.org}. Si vous ne l'attendiez pas, ignorez-le : rien ne se passe tant que vous n'acceptez pas.`,
  },
};

export const memberAddedWords: Record<Locale, MemberAddedWords> = {
  en: {
    subject: (p) => `Your ${p.org} account is ready`,
    heading: (p) => `Welcome to ${p.org}`,
    greeting: (p) => (p.name ? `Hello ${p.name},` : 'Hello,'),
    intro: (p) => `${p.admin} created your account in ${p.org} with the ${p.role} role.`,
    usernameLabel: 'Your username:',
    password: (p) =>
      `Your administrator gave you a temporary password; for your security it is not in this e-mail. If you do not have it, ask ${p.admin}.`,
    mustChange: 'You must choose a new password the first time you sign in.',
    signIn: 'Sign in and choose my password',
    enterprise: (p) => `You sign in with your enterprise login (${p.label}): there is no password to choose.`,
    signInEnterprise: (p) => `Sign in with ${p.label}`,
    linkIntro: 'If the button does not work, copy this link into your browser:',
    footer: (p) => `You received this e-mail because an account was created for ${p.email} in ${p.org}.`,
    unknownAdmin: 'your administrator',
    signInNext: (p) => `After that, you sign in to ${p.org} here:`,
    signInButton: (p) => `Go to ${p.org}`,
    gettingStarted: 'New here? Start with the getting started guide:',
    noSignIn: (p) => `${p.org} will tell you where to sign in.`,
  },
  fr: {
    subject: (p) => `Votre compte ${p.org} est prêt`,
    heading: (p) => `Bienvenue dans ${p.org}`,
    greeting: (p) => (p.name ? `Bonjour ${p.name},` : 'Bonjour,'),
    intro: (p) => `${p.admin} a créé votre compte dans ${p.org} avec le rôle ${p.role}.`,
    usernameLabel: "Votre nom d'utilisateur :",
    password: (p) =>
      `Votre administrateur vous a communiqué un mot de passe temporaire ; pour votre sécurité, il ne figure pas dans ce message. Si vous ne l'avez pas, demandez-le à ${p.admin}.`,
    mustChange: 'Vous devrez choisir un nouveau mot de passe lors de votre première connexion.',
    signIn: 'Me connecter et choisir mon mot de passe',
    enterprise: (p) =>
      `Vous vous connectez avec votre identifiant d'entreprise (${p.label}) : vous n'avez pas de mot de passe à choisir.`,
    signInEnterprise: (p) => `Me connecter avec ${p.label}`,
    linkIntro: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :',
    footer: (p) => `Vous recevez ce message car un compte a été créé pour ${p.email} dans ${p.org}.`,
    unknownAdmin: 'votre administrateur',
    signInNext: (p) => `Ensuite, vous vous connectez à ${p.org} ici :`,
    signInButton: (p) => `Accéder à ${p.org}`,
    gettingStarted: 'Première fois ? Commencez par le guide de prise en main :',
    noSignIn: (p) => `${p.org} vous indiquera où vous connecter.`,
  },
};
