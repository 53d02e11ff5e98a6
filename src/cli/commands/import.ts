// sesame import <file> [--dry-run]
import type { Command } from 'commander';
import { list, nonEmpty } from '../values.js';

const work = () => import('../actions/import.js');

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'invite (or add, with a Password column) everyone listed in a CSV or text file (owners and administrators)',
    )
    .argument('<file>', 'the file; "-" reads standard input')
    .option('--dry-run', 'check every row and report the errors; write nothing')
    .option(
      '--licences <keys>',
      "add-on licences for every row, separated by commas: each must suit every row's user type",
      list(nonEmpty),
    )
    .addHelpText(
      'after',
      `
The file: comma, semicolon or tab separated (detected), UTF-8 with or without BOM, a header row
with English or French names, in any order: Email (Adresse électronique, required), First Name
(Prénom), Last Name (Nom), Username (Nom d'utilisateur), Password (Mot de passe), User Type
(Type d'utilisateur), Role (Rôle). Rows with a password are added directly; the others are invited.
Optional member properties: Licences (keys or names separated by |), Credits (Crédits: a whole
number or unlimited, administrators only), Language (Langue: fr or en).
Importing the same file twice creates nothing new. Lines are numbered as in the file (header = 1).

Exit codes: 0 when the file was read (a dry run reporting row errors included); 1 when the file
cannot be imported at all, or when an import had rows and none was valid.

JSON output (--json), dry run:
  { "dryRun": true, "rows", "valid", "toInvite", "toAdd", "alreadyInvited", "alreadyMembers",
    "wouldHold", "errors": [ { "line", "column": "<header as written>" | null, "code", "message" } ],
    "warnings": [ same shape ] }
import:
  { "dryRun": false, "batchId", "rows", "valid", "invited", "held", "added", "alreadyInvited",
    "alreadyMembers", "seatRequestId": string | null, "errors": [ ... ], "warnings": [ ... ] }
("valid" counts every row without an error, those already invited or already members included.)`,
    )
    .action(async (file: string, options: { dryRun?: boolean; licences?: string[] }, command: Command) =>
      (await work()).importFile(file, options, command),
    );
}
