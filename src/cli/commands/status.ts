// sesame status <id|e-mail> [--all]
import type { Command } from 'commander';
import { nonEmpty } from '../values.js';

const work = () => import('../actions/status.js');

export interface StatusOptions {
  all?: boolean;
}

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description(
      "an invitation's story, step by step: created, held and approved, e-mailed, delivered or bounced, reminded, resent, accepted, expired or revoked, its webhooks (owners and administrators)",
    )
    .argument('<id|e-mail>', "the invitation's id, or the invitee's e-mail address (its latest invitation)", nonEmpty)
    .option('--all', 'every invitation of that address, oldest first, not only the latest')
    .addHelpText(
      'after',
      `
Times are shown in the organization's language; who acted is named with the channel they used.
Without --all, the other invitations of the same address (revoked, then invited again) are listed.

JSON output (--json):
  { "invitations": [ { "invitation": { "id", "email", "status", "createdAt", "expiresAt", "closedAt",
                         "inviterEmail", "external", "companyName" },
                       "steps": [ { "kind": "created" | "held" | "approved" | "denied" | "emailed" |
                                    "delivered" | "bounced" | "dropped" | "undeliverable" | "reminded" |
                                    "resent" | "accepted" | "expired" | "revoked" | "cancelled" | "webhook" |
                                    "other", "at", "by": { "email", "channel" } | null, ... } ] } ],
    "others": [ { "id", "status", "createdAt" } ] }`,
    )
    .action(async (ref: string, options: StatusOptions, command: Command) =>
      (await work()).showStatus(ref, options, command),
    );
}
