// The names of the fields that text rules talk about, in English and French. A CSV column is
// named as its header is written instead.
export const textFieldNames = {
  'First name': 'Prénom',
  'Last name': 'Nom',
  'E-mail address': 'Adresse électronique',
  Username: "Nom d'utilisateur",
  Password: 'Mot de passe',
  Message: 'Message',
  Group: 'Groupe',
  'Organization name': "Nom de l'organisation",
  Search: 'Recherche',
  Role: 'Rôle',
  'User type': "Type d'utilisateur",
  Inviter: 'Invité par',
  Login: 'Identifiant',
} as const;

export type TextField = keyof typeof textFieldNames;

export const frenchFieldName = (field: string): string => (textFieldNames as Record<string, string>)[field] ?? field;
