// The French words of `sesame --help`, keyed by where they stand: `<command path>`,
// `<command path> --option`, `<command path> <argument>` (descriptions), the prose lines shown after
// a command's help (afterLines), and Commander's own words (titles). Only data: the mechanism that
// puts them in place is help-in-french.ts; test/cli/help-in-french.test.ts fails when an English
// description or prose line has no French here.
export const descriptions: Record<string, string> = {
  '': 'Sesame en ligne de commande : inviter des membres dans une organisation, dans la limite de ses sièges.',
  ' --version': 'afficher le numéro de version',
  ' --org': "l'organisation où agir (nécessaire quand il y en a plusieurs)",
  ' --as': 'agir en tant que ce membre (par défaut : le propriétaire)',
  ' --json': "une sortie lisible par une machine sur stdout (formats dans l'aide de chaque commande)",
  ' --lang': "langue de la sortie (par défaut : celle de l'organisation, sinon LANG)",
  org: "créer, afficher et configurer l'organisation",
  'org create': 'créer une organisation et son propriétaire (le premier membre, propriétaire et gestionnaire)',
  'org create --name': "le nom de l'organisation (unique)",
  'org create --seats': "les sièges de l'abonnement",
  'org create --owner': "l'adresse électronique du propriétaire",
  'org create --locale': 'langue des messages et des e-mails (par défaut : en)',
  'org show': "afficher les réglages de l'organisation et son catalogue de types d'utilisateurs et de rôles",
  'org set': 'modifier un réglage (propriétaires seulement)',
  'org set <key>': 'le réglage',
  'org set <value>': 'sa nouvelle valeur',
  'org brand':
    "afficher ou modifier ce que voient les invités : le logo, la couleur et le nom de l'organisation (propriétaires seulement)",
  'org brand --logo': 'un fichier PNG, JPEG ou SVG de 256 Ko au plus',
  'org brand --no-logo': 'retirer le logo',
  'org brand --color':
    'la couleur des boutons et des liens, par exemple #1a56db (le texte blanc doit y rester lisible)',
  'org brand --display-name': "le nom que voient les invités à la place de celui de l'organisation",
  'org brand --sesame-footer': 'afficher ou masquer la petite ligne « Envoyé avec Sesame »',
  'org brand --reset': "oublier toute l'identité visuelle : logo, couleur, nom affiché, pied de page",
  'org preview':
    "voir avant d'inviter : écrire un e-mail (.eml et .html) ou les pages d'inscription (HTML) aux couleurs de l'organisation",
  'org preview <what>': 'invitation, reminder (rappel), added (compte créé) ou page',
  'org preview --out': 'le dossier où les écrire (par défaut : ./sesame-preview)',
  invite: 'inviter une ou plusieurs personnes par e-mail (propriétaires et administrateurs)',
  'invite <e-mail>': 'les adresses ; un argument peut aussi en contenir plusieurs, séparées par , ; ou des espaces',
  'invite --role': "rôle, en français ou en anglais (par défaut : le rôle par défaut de l'organisation)",
  'invite --type': "type d'utilisateur (par défaut : le premier qui permet le rôle)",
  'invite --first-name': "le prénom de l'invité",
  'invite --last-name': "le nom de l'invité",
  'invite --username': "le nom d'utilisateur à réserver (une seule adresse)",
  'invite --message': "un message personnel ajouté à l'e-mail",
  'invite --group': "un groupe que l'invité rejoint (à répéter pour plusieurs)",
  'invite --any-email': "laisser l'invité s'inscrire avec une autre adresse électronique que celle-ci",
  'invite --enterprise': "l'invité rejoint l'organisation avec son identifiant d'entreprise (voir `sesame sso`)",
  'invite --external': "inviter des collaborateurs d'une société partenaire, sur les sièges externes (avec --company)",
  'invite --company':
    'la société partenaire pour laquelle ils rejoignent : elle, ou une société mère, doit être sécurisée',
  'invite --licences': 'les licences additionnelles à attribuer, séparées par des virgules (voir `sesame licences`)',
  'invite --credits': 'les crédits alloués : un nombre entier ou unlimited (administrateurs seulement)',
  'invite --member-language':
    "la langue du membre (e-mails, page d'inscription) ; par défaut : celle de l'organisation",
  add: 'ajouter un membre directement, sans invitation, avec un mot de passe temporaire (propriétaires et administrateurs)',
  'add <e-mail>': 'l’adresse électronique du membre',
  'add --first-name': 'prénom',
  'add --last-name': 'nom',
  'add --password':
    'le mot de passe temporaire, changé à la première connexion ; « - » le lit sur la première ligne de l’entrée standard',
  'add --username': "nom d'utilisateur (par défaut : tiré de l'adresse électronique)",
  'add --role': "rôle (par défaut : le rôle par défaut de l'organisation)",
  'add --type': "type d'utilisateur (par défaut : le premier qui permet le rôle)",
  'add --external': "une personne d'une société partenaire, sur les sièges externes (avec --company)",
  'add --company': 'la société partenaire à laquelle elle appartient : elle, ou une société mère, doit être sécurisée',
  'add --licences': 'les licences additionnelles à attribuer, séparées par des virgules (voir `sesame licences`)',
  'add --credits': 'les crédits alloués : un nombre entier ou unlimited (administrateurs seulement)',
  'add --member-language': "la langue du membre (e-mails, page d'inscription) ; par défaut : celle de l'organisation",
  'add --enterprise-id':
    "au lieu d'un mot de passe : l'ID d'entreprise avec lequel le membre se connecte (un fournisseur d'identité doit être configuré)",
  import:
    'inviter (ou ajouter, avec une colonne Mot de passe) toutes les personnes d’un fichier CSV ou texte (propriétaires et administrateurs)',
  'import <file>': 'le fichier ; « - » lit l’entrée standard',
  'import --dry-run': 'vérifier chaque ligne et signaler les erreurs, sans rien écrire',
  'import --licences':
    "des licences additionnelles pour chaque ligne, séparées par des virgules : chacune doit convenir au type d'utilisateur de chaque ligne",
  licences:
    "les licences additionnelles de l'organisation, avec combien sont utilisées (propriétaires et administrateurs)",
  'licences list': "les licences, leurs types d'utilisateurs compatibles, et utilisées sur détenues",
  'licences add': 'ajouter une licence au catalogue (--name-en, --name-fr, --user-types et --owned ou --unlimited)',
  'licences add <key>': 'sa clé : lettres minuscules, chiffres, - ou _',
  'licences add --name-en': 'son nom anglais',
  'licences add --name-fr': 'son nom français',
  'licences add --user-types': "les types d'utilisateurs auxquels elle convient, séparés par des virgules",
  'licences add --owned': "combien l'organisation en détient",
  'licences add --unlimited': "l'organisation en détient autant qu'il lui faut",
  'licences set': "modifier ce qui est indiqué d'une licence (le nombre détenu jamais sous le nombre utilisé)",
  'licences set <key>': 'la licence',
  'licences set --name-en': 'son nom anglais',
  'licences set --name-fr': 'son nom français',
  'licences set --user-types': "les types d'utilisateurs auxquels elle convient, séparés par des virgules",
  'licences set --owned': "combien l'organisation en détient",
  'licences set --unlimited': "l'organisation en détient autant qu'il lui faut",
  'licences remove': "supprimer une licence que personne ne détient et qu'aucune invitation ouverte ne porte",
  'licences remove <key>': 'la licence',
  pending: 'lister les invitations : par défaut les ouvertes (en attente et en attente d’approbation)',
  'pending --status':
    'seulement ces statuts (pending, awaiting-approval, held, accepted, revoked, expired, cancelled, all) ; à répéter ou séparés par des virgules',
  'pending --role': 'seulement ce rôle',
  'pending --external': "seulement les invitations externes (collaborateurs d'une société partenaire)",
  'pending --company': "seulement celles de cette société partenaire ou de l'une de ses filiales",
  'members --external': "seulement les membres externes (collaborateurs d'une société partenaire)",
  'members --company': "seulement les membres de cette société partenaire ou de l'une de ses filiales",
  'members --uncovered':
    "seulement les membres externes dont la société n'est plus sécurisée (désécurisée, déplacée ou supprimée) : conservés pour que vous décidiez",
  'pending --uncovered': "seulement les invitations externes dont la société n'est plus sécurisée (liens suspendus)",
  'pending --type': "seulement ce type d'utilisateur",
  'pending --inviter': 'seulement celles envoyées par ce membre',
  'pending --expiring': "seulement celles qui expirent d'ici ce nombre de jours",
  'pending --search': 'seulement celles dont l’adresse ou le nom contient ce texte',
  'pending --page': 'numéro de page (par défaut 1)',
  'pending --page-size': 'invitations par page, de 1 à 500 (par défaut 20)',
  'pending resend-expired':
    'renvoyer, avec un nouveau lien et une nouvelle durée de validité, toutes les invitations expirées au cours des N derniers jours (demande d’abord)',
  'pending resend-expired --days': 'sur combien de jours regarder en arrière : de 1 à 365',
  'pending resend-expired --yes': 'le faire sans demander (pour les scripts)',
  'pending revoke-older':
    'révoquer toutes les invitations ouvertes (en attente ou en attente d’approbation) créées il y a plus de N jours (demande d’abord)',
  'pending revoke-older --days': 'les invitations créées il y a plus de ce nombre de jours : de 1 à 365',
  'pending revoke-older --yes': 'le faire sans demander (pour les scripts)',
  revoke:
    'révoquer une invitation ouverte : son lien cesse de fonctionner, son siège et son nom d’utilisateur sont libérés',
  'revoke <id|e-mail>': "l'identifiant de l'invitation, ou l'adresse électronique de l'invité",
  resend: 'renvoyer une invitation en attente, avec un nouveau lien et une durée de vie renouvelée',
  'resend <id|e-mail>': "l'identifiant de l'invitation, ou l'adresse électronique de l'invité",
  status:
    "l'histoire d'une invitation, étape par étape : créée, retenue et approuvée, envoyée, remise ou rejetée, relancée, renvoyée, acceptée, expirée ou révoquée, ses webhooks (propriétaires et administrateurs)",
  'status <id|e-mail>': "l'identifiant de l'invitation, ou l'adresse électronique de l'invité (sa dernière invitation)",
  digest:
    'afficher maintenant le récapitulatif du canal des responsables : invitations en attente et celles qui expirent dans les 48 heures, acceptées et en échec depuis le dernier récapitulatif, retenues et demandes de places, places (propriétaires, administrateurs et responsables)',
  'status --all':
    'toutes les invitations de cette adresse, de la plus ancienne à la plus récente, pas seulement la dernière',
  seats: 'les sièges utilisés (membres + invitations en attente), la limite, et ce qui attend une approbation',
  requests: 'lister les demandes de sièges (les invitations retenues au-delà de la limite attendent un gestionnaire)',
  'requests --status': 'seulement celles en attente (pending), approuvées (approved) ou refusées (denied)',
  'requests approve': 'approuver une demande de sièges : la limite augmente et les invitations retenues partent',
  'requests approve <id>': "l'identifiant de la demande (voir `sesame requests`)",
  'requests deny':
    "refuser une demande de sièges : les invitations retenues sont annulées, l'invitant apprend pourquoi",
  'requests deny <id>': "l'identifiant de la demande (voir `sesame requests`)",
  'requests deny --reason': "pourquoi (l'invitant le lit)",
  request:
    "demander aux administrateurs d'inviter une adresse (pour les membres qui ne peuvent pas inviter ; avec --as)",
  'request <e-mail>': "l'adresse à inviter",
  'request --note': 'quelques mots pour les administrateurs (500 caractères au plus)',
  'invite-requests': "lister les demandes d'invitation des membres (propriétaires et administrateurs)",
  'invite-requests --status': 'seulement celles en attente (pending), approuvées (approved) ou refusées (denied)',
  'invite-requests approve': "approuver une demande d'invitation : l'adresse est invitée comme si vous l'aviez invitée",
  'invite-requests approve <id>': "l'identifiant de la demande (voir `sesame invite-requests`)",
  'invite-requests deny': "refuser une demande d'invitation : les membres qui l'ont faite apprennent pourquoi",
  'invite-requests deny <id>': "l'identifiant de la demande (voir `sesame invite-requests`)",
  'invite-requests deny --reason': 'pourquoi (les membres qui ont fait la demande le lisent)',
  members: "lister les membres de l'organisation",
  'members --search': "seulement les membres dont l'adresse, le nom ou le nom d'utilisateur contient ce texte",
  'members --limit': 'au plus ce nombre (par défaut 1000)',
  'members set':
    "changer le rôle d'un membre (Administrateur compris) ou son statut de gestionnaire (propriétaires seulement)",
  'members set <e-mail>': "l'adresse électronique du membre",
  'members set <what>': 'ce qui change',
  'members set <value>': 'un nom de rôle (français ou anglais), ou true/false pour manager',
  'members remove':
    "retirer un membre : son siège, son nom d'utilisateur et son adresse sont libres aussitôt (propriétaires et administrateurs)",
  'members remove <e-mail>': "l'adresse électronique du membre",
  audit:
    "le journal d'audit, du plus récent au plus ancien : qui a fait quoi, quand, depuis quel canal (propriétaires et administrateurs)",
  'audit --action':
    'seulement les actions qui commencent ainsi, par exemple « invitation. » ou « seat_request.approved »',
  'audit --limit': "au plus ce nombre d'événements (par défaut 100)",
  webhooks: "les points de terminaison webhook sortants de l'organisation (propriétaires et administrateurs)",
  'webhooks add': 'ajouter un point de terminaison qui reçoit des événements signés (tous, sauf avec --event)',
  'webhooks add <url>': 'l’URL https:// du produit qui les reçoit (http:// seulement pour localhost)',
  'webhooks add --event': 'un événement à envoyer (à répéter)',
  'webhooks remove': "ne plus envoyer d'événements à un point de terminaison",
  'webhooks remove <id>': "l'identifiant du point de terminaison (voir `sesame webhooks`)",
  companies:
    'les sociétés partenaires dont les collaborateurs peuvent être invités comme membres externes une fois sécurisées (propriétaires et administrateurs)',
  'companies list': 'les sociétés en arbre, avec leurs marques sécurisée et couverte',
  'companies add': 'ajouter une société, au premier niveau ou sous une société mère',
  'companies add <name>': 'le nom de la société (unique sous sa société mère)',
  'companies add --parent': 'la société mère',
  'companies secure': 'sécuriser une société : elle et toutes ses filiales deviennent couvertes',
  'companies secure <name>': 'la société',
  'companies unsecure':
    'ne plus sécuriser une société : elle et ses filiales ne restent couvertes que par une société mère sécurisée',
  'companies unsecure <name>': 'la société',
  'companies move': 'déplacer une société, avec ses filiales, sous une autre société mère (jamais sous elle-même)',
  'companies move <name>': 'la société',
  'companies move --parent': 'la nouvelle société mère, ou none pour le premier niveau',
  'companies remove': "retirer une société qui n'a pas de filiale",
  'companies remove <name>': 'la société',
  slack: "relier des espaces de travail Slack à l'organisation (propriétaires)",
  'slack link':
    'afficher un code à usage unique qui relie un espace de travail Slack à cette organisation (valable 24 h)',
  'slack workspaces': 'les espaces de travail Slack reliés à cette organisation',
  'slack channel':
    "choisir le canal des gestionnaires où les demandes de sièges sont publiées (l'identifiant du canal, par exemple C0123ABCD)",
  'slack channel --workspace': "l'identifiant d'équipe Slack, quand plusieurs espaces de travail sont reliés",
  teams: "relier des locataires Microsoft Teams à l'organisation (propriétaires)",
  'teams link': 'afficher un code à usage unique qui relie un locataire Teams à cette organisation (valable 24 h)',
  'teams workspaces': 'les locataires Teams reliés à cette organisation',
  jobs: 'les tâches planifiées (lancées d’elles-mêmes par `npm start`)',
  'jobs run': 'lancer une tâche planifiée maintenant, pour toutes les organisations',
  'jobs run <name>': 'la tâche',
  remind: "envoyer maintenant un rappel à une invitation en attente (même délai qu'un renvoi)",
  'remind <id|e-mail>': "l'identifiant de l'invitation, ou l'adresse électronique de l'invité",
  migrate: 'appliquer les migrations de base de données en attente (prisma/migrations) et lister ce qui a été appliqué',
  backup: 'copier la base intégrée (DATA_DIR) dans un fichier, à travers le service en marche s’il y en a un',
  'backup <file>': "où écrire l'archive tar compressée (lisible par vous seul)",
  sso: "le fournisseur d'identité de l'organisation pour les connexions d'entreprise (OpenID Connect)",
  'sso configure': "configurer (ou modifier) le fournisseur d'identité (propriétaires)",
  'sso configure --issuer': "l'URL de l'émetteur (https:// ; http:// seulement sur une adresse locale)",
  'sso configure --client-id': "l'identifiant client de Sesame chez le fournisseur",
  'sso configure --client-secret':
    'le secret client (conservé chiffré sous TOKEN_ENCRYPTION_KEY) ; « - » le lit sur l’entrée standard ; facultatif pour modifier d’autres réglages',
  'sso configure --label':
    "ce que voient les membres : « Continuer avec <libellé> » (par défaut : l'hôte de l'émetteur)",
  'sso configure --scopes': 'les portées demandées, openid et email compris (par défaut : « openid email profile »)',
  'sso configure --join':
    "comment les membres rejoignent l'organisation : password (mot de passe), enterprise (identifiant d'entreprise seulement) ou either (l'un ou l'autre ; par défaut)",
  'sso configure --auto-join':
    "activer l'adhésion automatique : toute personne qui se connecte avec une adresse des domaines autorisés peut rejoindre l'organisation sans invitation",
  'sso configure --no-auto-join':
    "désactiver l'adhésion automatique : seules les personnes invitées rejoignent l'organisation (les connexions d'entreprise restent actives) ; sans l'une ni l'autre, elle reste telle quelle",
  'sso configure --domain':
    "un domaine pour --auto-join (à répéter ; par défaut : les domaines autorisés de l'organisation)",
  'sso show': "afficher le fournisseur d'identité (jamais son secret)",
  'sso test':
    'vérifier que le document de découverte du fournisseur et ses clés de signature (JWKS) sont joignables (propriétaires)',
  'sso disable': "arrêter les connexions d'entreprise ; les réglages sont gardés pour `sso configure` (propriétaires)",
  'sso set-id': "corriger l'ID d'entreprise d'un membre avant sa première connexion (propriétaires et administrateurs)",
  'sso set-id <e-mail>': "l'adresse électronique du membre",
  'sso set-id <enterprise-id>': "l'ID d'entreprise (le « subject » que le fournisseur envoie pour ce membre)",
};

/** Prose lines of the texts after a command's help; the lines of JSON shapes and examples are not here. */
export const afterLines: Record<string, string> = {
  'A licence is used by the members who hold it and reserved by the open invitations that carry it.':
    'Une licence est utilisée par les membres qui la détiennent et réservée par les invitations ouvertes qui la portent.',
  "It is assigned with `sesame invite|add ... --licences <key,key>` or an import's Licences column.":
    "Elle s'attribue avec `sesame invite|add ... --licences <clé,clé>` ou la colonne Licences d'un import.",
  'Optional member properties: Licences (keys or names separated by |), Credits (Crédits: a whole':
    'Propriétés facultatives du membre : Licences (clés ou noms séparés par |), Crédits (Credits : un nombre',
  'number or unlimited, administrators only), Language (Langue: fr or en).':
    'entier ou unlimited, administrateurs seulement), Langue (Language : fr ou en).',
  "Exit codes: 0 success; 1 refused (the reason is on stderr, in the organization's language) or failed;":
    "Codes de sortie : 0 réussite ; 1 refus (la raison est sur stderr, dans la langue de l'organisation) ou échec ;",
  '2 bad usage (unknown command or option, invalid value, invalid configuration).':
    '2 mauvais usage (commande ou option inconnue, valeur non valide, configuration non valide).',
  'With --json, a refusal also prints { "error": { "code", "kind", "message" } } on stdout.':
    'Avec --json, un refus écrit aussi { "error": { "code", "kind", "message" } } sur stdout.',
  'The database: the embedded one in DATA_DIR (default ./data), or PostgreSQL when DATABASE_URL is set':
    'La base de données : la base intégrée dans DATA_DIR (par défaut ./data), ou PostgreSQL quand DATABASE_URL est défini',
  '(.env is read). When `npm start` runs on the same DATA_DIR, the CLI connects to it. Pending':
    '(.env est lu). Quand `npm start` tourne sur le même DATA_DIR, la CLI s’y connecte. Les migrations',
  'migrations are applied before each command.': 'en attente sont appliquées avant chaque commande.',
  'Examples:': 'Exemples :',
  'An owner is removed by another owner only. Nobody removes themselves, and the last owner stays.':
    'Un propriétaire n’est retiré que par un autre propriétaire. Personne ne se retire soi-même, et le dernier propriétaire reste.',
  "The seat freed is internal or external, as the member's. Their open invitations and seat requests":
    'Le siège libéré est interne ou externe, comme celui du membre. Ses invitations ouvertes et demandes de sièges',
  'are kept and become yours: you are told their outcomes.':
    'sont gardées et deviennent les vôtres : vous êtes informé de leur issue.',
  'To send a member added directly an invitation instead (a "resend"): remove them, then invite them.':
    'Pour envoyer plutôt une invitation à un membre ajouté directement (un « renvoi ») : retirez-le, puis invitez-le.',
  'A company is covered when it, or one of its parent companies at any depth, is secured.':
    "Une société est couverte quand elle, ou l'une de ses sociétés mères à n'importe quel niveau, est sécurisée.",
  'A company is named by its name, or by its path when several share a name ("Groupe JLO/JLO PARIS").':
    'Une société se désigne par son nom, ou par son chemin quand plusieurs portent le même nom (« Groupe JLO/JLO PARIS »).',
  'JSON output (--json): the organization': "Sortie JSON (--json) : l'organisation",
  'JSON output (--json):': 'Sortie JSON (--json) :',
  'Left expired, counted apart: addresses that are members now or were invited again, usernames':
    'Restent expirées, comptées à part : les adresses devenues membres ou invitées de nouveau, les noms d’utilisateur',
  'taken since, external invitations whose company is not secured, and those e-mailed within the':
    'pris depuis, les invitations externes dont la société n’est pas sécurisée, et celles envoyées dans le délai',
  "resend cooldown. Those beyond the seats are held for a manager's approval.":
    'avant renvoi. Celles qui dépassent les sièges attendent l’approbation d’un gestionnaire.',
  'Their links stop working at once and their seats are freed; the seat requests of those awaiting':
    'Leurs liens cessent aussitôt de fonctionner et leurs sièges sont libérés ; les demandes de sièges de celles en attente',
  'approval shrink, or are withdrawn.': 'd’approbation diminuent, ou sont retirées.',
  'JSON output (--json): the invitation': "Sortie JSON (--json) : l'invitation",
  'JSON output (--json), dry run:': 'Sortie JSON (--json), essai à blanc :',
  'import:': 'import :',
  'Settings and their values:': 'Les réglages et leurs valeurs :',
  '  name                      1 to 100 characters': '  name                      de 1 à 100 caractères',
  '  locale                    fr or en': '  locale                    fr ou en',
  "  seats                     the plan's seat limit (a whole number, at least 1)":
    "  seats                     la limite de sièges de l'abonnement (un nombre entier, au moins 1)",
  "  external-seats            seats for external members, apart from the plan's (0 or more; 0: none)":
    '  external-seats            les sièges des membres externes, à part de ceux de l’abonnement (0 ou plus ; 0 : aucun)',
  '  invitation-lifetime-days  days before an invitation expires (1-365)':
    "  invitation-lifetime-days  jours avant qu'une invitation expire (1-365)",
  '  reminder-days             days after sending when reminders go out, e.g. "3,10", or "none"':
    '  reminder-days             jours après l’envoi où partent les rappels, par exemple « 3,10 », ou « none »',
  '  resend-cooldown-hours     hours before an invitation may be resent (0-720)':
    "  resend-cooldown-hours     heures avant qu'une invitation puisse être renvoyée (0-720)",
  '  allowed-domains           e-mail domains that may be invited, e.g. "example.com,example.fr", or "none" (any)':
    '  allowed-domains           domaines de messagerie qui peuvent être invités, par exemple « example.com,example.fr », ou « none » (tous)',
  '  uses-usernames            true or false': '  uses-usernames            true ou false',
  '  invite-requests           on or off: members who may not invite may ask the administrators (default on)':
    '  invite-requests           on ou off : les membres qui ne peuvent pas inviter peuvent le demander aux administrateurs (par défaut on)',
  'A second request for an address already asked for joins the first: everyone who asked is told the':
    'Une seconde demande pour une adresse déjà demandée rejoint la première : tous ceux qui ont demandé apprennent la',
  'outcome. An address that is a member or already invited is answered at once.':
    'décision. Une adresse déjà membre ou déjà invitée reçoit une réponse immédiate.',
  'Owners and administrators only. A request is decided once: deciding it again says who decided first.':
    'Propriétaires et administrateurs seulement. Une demande est décidée une fois : la décider à nouveau dit qui a décidé le premier.',
  '  from-name                 the e-mails\' sender name, or "none" ("<inviter\'s name> via <organization>")':
    '  from-name                 le nom d’expéditeur des e-mails, ou « none » (« <nom de la personne qui invite> via <organisation> »)',
  '  reply-to                  where invitees\' replies go, or "none" (the inviter\'s address)':
    '  reply-to                  où vont les réponses des invités, ou « none » (l’adresse de la personne qui invite)',
  '  sign-in-url               where members sign in after enrolling (https://), or "none"':
    '  sign-in-url               où les membres se connectent après leur inscription (https://), ou « none »',
  '  getting-started-url       a getting-started page shown beside it (https://), or "none"':
    '  getting-started-url       une page de premiers pas affichée à côté (https://), ou « none »',
  "  timezone                  the organization's IANA time zone, e.g. Europe/Paris (default: UTC)":
    "  timezone                  le fuseau horaire IANA de l'organisation, par exemple Europe/Paris (par défaut : UTC)",
  "  digest                    the managers' channel digest: daily, weekly or off (default: off)":
    '  digest                    le récapitulatif du canal des responsables : daily (quotidien), weekly (hebdomadaire) ou off (par défaut : off)',
  "  digest-time               when it is posted, HH:MM in the organization's time zone (default: 08:00)":
    "  digest-time               l'heure de publication, HH:MM dans le fuseau de l'organisation (par défaut : 08:00)",
  '  digest-day                the day of a weekly digest, monday to sunday (default: monday)':
    '  digest-day                le jour d’un récapitulatif hebdomadaire, monday à sunday ou lundi à dimanche (par défaut : lundi)',
  '  digest-when               changes (only when there is something to say) or always':
    '  digest-when               changes (seulement s’il y a quelque chose à dire) ou always (toujours)',
  'Without options, shows the brand. The colour must reach a contrast of 4.5:1 (WCAG AA) with white:':
    'Sans option, affiche l’identité visuelle. La couleur doit atteindre un contraste de 4,5:1 (WCAG AA) avec le blanc :',
  'a lighter one is refused with its ratio and a darker shade to use. An SVG logo must be a plain':
    'une couleur plus claire est refusée, avec son contraste et une teinte plus foncée à utiliser. Un logo SVG doit être un simple',
  'drawing (no script, event handler, embedded document or external reference); most mail clients':
    'dessin (sans script, gestionnaire d’événement, document intégré ni référence externe) ; la plupart des messageries',
  'do not show SVG, so the e-mails show the name instead: prefer a PNG. See the result before':
    'n’affichent pas le SVG, les e-mails affichent donc le nom à la place : préférez un PNG. Voyez le résultat avant',
  'inviting anyone with `sesame org preview`. The sender and the next step are settings:':
    'd’inviter qui que ce soit avec `sesame org preview`. L’expéditeur et l’étape suivante sont des réglages :',
  '`sesame org set from-name|reply-to|sign-in-url|getting-started-url <value>`.':
    '`sesame org set from-name|reply-to|sign-in-url|getting-started-url <valeur>`.',
  'JSON output (--json): the brand': "Sortie JSON (--json) : l'identité visuelle",
  'The sample invitee is Alex Martin (alex.martin@example.com), invited by you; the link opens':
    "L'invité d'exemple est Alex Martin (alex.martin@example.com), invité par vous ; le lien n'ouvre",
  "nothing. The language is the organization's, or --lang.": "rien. La langue est celle de l'organisation, ou --lang.",
  'One line per address: invited, held for approval (beyond the seat limit: a manager decides with':
    'Une ligne par adresse : invitée, retenue pour approbation (au-delà de la limite de sièges : un gestionnaire décide avec',
  '`sesame requests approve <id>`), already invited (the open invitation is kept), or refused with':
    '`sesame requests approve <id>`), déjà invitée (l’invitation ouverte est gardée), ou refusée avec',
  'the reason. An unknown role falls back to the default role, with a warning.':
    'la raison. Un rôle inconnu est remplacé par le rôle par défaut, avec un avertissement.',
  'Exit code 1 when every address was refused.': 'Code de sortie 1 quand toutes les adresses ont été refusées.',
  'The password must have at least 8 characters with a letter and a digit, differ from the username,':
    "Le mot de passe doit avoir au moins 8 caractères dont une lettre et un chiffre, différer du nom d'utilisateur,",
  'and be neither common nor made of repeated or sequential characters (aaaabbbb, 1234abcd).':
    'et n’être ni courant ni fait de caractères répétés ou qui se suivent (aaaabbbb, 1234abcd).',
  'A direct add needs a free seat (it cannot be held for approval like an invitation).':
    'Un ajout direct demande un siège libre (il ne peut pas être retenu pour approbation comme une invitation).',
  'With --enterprise-id the member is active at once, has no password, and is e-mailed to sign in':
    "Avec --enterprise-id le membre est actif tout de suite, sans mot de passe, et reçoit un e-mail l'invitant à se connecter",
  'with the enterprise login.': "avec son identifiant d'entreprise.",
  'The enterprise ID must match the member\'s existing enterprise login exactly (the "sub"':
    "L'ID d'entreprise doit correspondre exactement à l'identifiant d'entreprise existant du membre (le « sub »",
  'the identity provider sends for them: an object id in Entra ID, a user id in Okta, the':
    "que le fournisseur d'identité envoie pour lui : l'object id dans Entra ID, l'user id dans Okta,",
  'numeric id in Google). If it does not, the account is created but cannot be used until it':
    "l'identifiant numérique dans Google). Sinon, le compte est créé sans pouvoir être utilisé tant qu'il",
  'is corrected with `sesame sso set-id <e-mail> <id>` (possible until the first sign-in).':
    "n'est pas corrigé avec `sesame sso set-id <e-mail> <id>` (possible jusqu'à la première connexion).",
  'Register Sesame at the provider as a web application with the redirect URI':
    "Déclarez Sesame chez le fournisseur comme application web, avec l'URI de redirection",
  '  <PUBLIC_URL>/sso/callback': '  <PUBLIC_URL>/sso/callback',
  'and the authorization code flow. The provider is read through <issuer>/.well-known/openid-configuration.':
    'et le flux « authorization code ». Le fournisseur est lu à <émetteur>/.well-known/openid-configuration.',
  'The file: comma, semicolon or tab separated (detected), UTF-8 with or without BOM, a header row':
    'Le fichier : séparé par des virgules, des points-virgules ou des tabulations (détecté), en UTF-8 avec ou sans BOM, une ligne',
  'with English or French names, in any order: Email (Adresse électronique, required), First Name':
    "d'en-tête aux noms français ou anglais, dans n'importe quel ordre : Adresse électronique (Email, obligatoire), Prénom",
  "(Prénom), Last Name (Nom), Username (Nom d'utilisateur), Password (Mot de passe), User Type":
    "(First Name), Nom (Last Name), Nom d'utilisateur (Username), Mot de passe (Password), Type d'utilisateur",
  "(Type d'utilisateur), Role (Rôle). Rows with a password are added directly; the others are invited.":
    '(User Type), Rôle (Role). Les lignes avec un mot de passe sont ajoutées directement ; les autres sont invitées.',
  'Importing the same file twice creates nothing new. Lines are numbered as in the file (header = 1).':
    'Importer deux fois le même fichier ne crée rien de plus. Les lignes sont numérotées comme dans le fichier (en-tête = 1).',
  'Exit codes: 0 when the file was read (a dry run reporting row errors included); 1 when the file':
    'Codes de sortie : 0 quand le fichier a été lu (y compris un essai à blanc qui signale des erreurs) ; 1 quand le fichier',
  'cannot be imported at all, or when an import had rows and none was valid.':
    "ne peut pas être importé du tout, ou quand un import avait des lignes et qu'aucune n'était valide.",
  '("valid" counts every row without an error, those already invited or already members included.)':
    '(« valid » compte chaque ligne sans erreur, y compris celles déjà invitées ou déjà membres.)',
  "Roles and user types are shown by name; in JSON they are the catalogue's keys (see `org show --json`).":
    "Les rôles et types d'utilisateurs sont affichés par leur nom ; en JSON ce sont les clés du catalogue (voir `org show --json`).",
  "Refused (exit code 1) within the organization's resend cooldown (24 h by default), with the time left.":
    "Refusé (code de sortie 1) pendant le délai de renvoi de l'organisation (24 h par défaut), avec le temps restant.",
  "Refused (exit code 1) within the organization's resend cooldown (24 h by default), with the time left,":
    "Refusé (code de sortie 1) pendant le délai de renvoi de l'organisation (24 h par défaut), avec le temps restant,",
  "and for an invitation that is no longer pending. The reminder keeps the invitation's expiry date.":
    "et pour une invitation qui n'est plus en attente. Le rappel garde la date d'expiration de l'invitation.",
  'Managers and owners only. A request is decided once: deciding it again says who decided first.':
    'Gestionnaires et propriétaires seulement. Une demande se décide une fois : la décider à nouveau dit qui a décidé le premier.',
  "Times are shown in the organization's language; who acted is named with the channel they used.":
    "Les heures sont affichées dans la langue de l'organisation ; qui a agi est nommé avec le canal utilisé.",
  'The schedule: sesame org set digest daily|weekly|off, digest-time HH:MM, digest-day monday..sunday,':
    'Le calendrier : sesame org set digest daily|weekly|off, digest-time HH:MM, digest-day monday..sunday,',
  "timezone Europe/Paris, digest-when always|changes. Without a managers' channel the digest is not posted.":
    "timezone Europe/Paris, digest-when always|changes. Sans canal des responsables, le récapitulatif n'est pas publié.",
  'Without --all, the other invitations of the same address (revoked, then invited again) are listed.':
    'Sans --all, les autres invitations de la même adresse (révoquée, puis invitée de nouveau) sont listées.',
  'Jobs:': 'Tâches :',
  "  send-reminders       queue the reminders due on each organization's schedule (default day 3 and day 10)":
    '  send-reminders       mettre en file les rappels dus selon le calendrier de chaque organisation (par défaut jours 3 et 10)',
  '  expire-invitations   expire the pending invitations past their lifetime (frees their seats, tells the inviters)':
    '  expire-invitations   faire expirer les invitations en attente trop anciennes (libère leurs sièges, prévient les invitants)',
  '  deliver-outbox       send the queued e-mails and outbound webhooks, retrying failures with backoff':
    '  deliver-outbox       envoyer les e-mails et webhooks en file, en réessayant les échecs de plus en plus espacés',
  "  deliver-notifications post the chat notifications: seat requests in the managers' channel, outcomes to inviters (by e-mail without a chat)":
    '  deliver-notifications publier les notifications de chat : demandes de sièges dans le canal des gestionnaires, issues aux invitants (par e-mail sans chat)',
  '  clean-up-tokens      delete the link tokens of invitations closed for longer than the retention':
    '  clean-up-tokens      supprimer les jetons de lien des invitations fermées depuis plus longtemps que la rétention',
  "  post-digests         queue the managers' channel digests that are due on each organization's schedule":
    '  post-digests         mettre en file les récapitulatifs du canal des responsables dus selon le calendrier de chaque organisation',
  'Safe while the service runs, and on several machines at once: each due row is handled once.':
    'Sans risque pendant que le service tourne, et sur plusieurs machines à la fois : chaque ligne due est traitée une fois.',
  'Summaries count what this run did (e.g. "expired 3"; deliver-outbox: sent, failed, retried, skipped).':
    'Les bilans comptent ce que ce passage a fait (par exemple « expired 3 » ; deliver-outbox : sent, failed, retried, skipped).',
  'Restore: stop Sesame, move DATA_DIR/pglite aside, then':
    'Restaurer : arrêter Sesame, mettre DATA_DIR/pglite de côté, puis',
};

/** Commander's own words, and the section titles of its help. */
export const titles: Record<string, string> = {
  'Usage:': 'Utilisation :',
  'Options:': 'Options :',
  'Global Options:': 'Options globales :',
  'Commands:': 'Commandes :',
  'Arguments:': 'Arguments :',
};
export const helpOptionText = "afficher l'aide de la commande";
export const helpCommandText = "afficher l'aide d'une commande";
