// sesame invite <e-mail>...
import type { Command } from 'commander';
import type { Locale } from '../../i18n/locale.js';
import { renderNotice } from '../../i18n/messages.js';
import { type InviteResult, invite } from '../../invitations/invite.js';
import { exitCodes } from '../exit.js';
import type { Output } from '../output.js';
import { runAsMember } from '../session.js';
import { say } from '../texts.js';
import { collect, splitAddresses } from '../values.js';

interface InviteOptions {
  role?: string;
  type?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
  message?: string;
  group: string[];
  anyEmail?: boolean;
}

export function registerInvite(program: Command): void {
  program
    .command('invite')
    .description('invite one or more people by e-mail (owners and administrators)')
    .argument('<e-mail...>', 'the addresses; one argument may also hold several, separated by , ; or spaces')
    .option('--role <role>', "role, in English or French (default: the organization's default role)")
    .option('--type <user type>', 'user type (default: the first one that allows the role)')
    .option('--first-name <name>', "the invitee's first name")
    .option('--last-name <name>', "the invitee's last name")
    .option('--username <username>', 'the username to reserve (a single address only)')
    .option('--message <text>', 'a personal message added to the e-mail')
    .option('--group <group>', 'a group the invitee joins (repeat for several)', collect, [])
    .option('--any-email', 'let the invitee enroll with another e-mail address than this one')
    .addHelpText(
      'after',
      `
One line per address: invited, held for approval (beyond the seat limit: a manager decides with
\`sesame requests approve <id>\`), already invited (the open invitation is kept), or refused with
the reason. An unknown role falls back to the default role, with a warning.
Exit code 1 when every address was refused.

JSON output (--json):
  { "results": [ { "email", "outcome": "invited" | "held" | "already_invited" | "refused",
                   "invitationId": string | null, "error": { "code", "message" } | null } ],
    "warnings": [ { "code", "message" } ], "seatRequestId": string | null }`,
    )
    .action((emails: string[], options: InviteOptions, command: Command) =>
      runAsMember(command, async ({ db, actor, out, locale }) => {
        const addresses = splitAddresses(emails);
        const result = await invite(db, actor, {
          emails: addresses,
          role: options.role,
          userType: options.type,
          firstName: options.firstName,
          lastName: options.lastName,
          username: options.username,
          message: options.message,
          groups: options.group,
          mustUseEmail: !options.anyEmail,
        });
        inInputOrder(result, addresses);
        if (out.json) out.result(inviteJson(result, locale));
        else printInvite(out, result, locale);
        const allRefused = result.results.length > 0 && result.results.every((r) => r.outcome === 'refused');
        return allRefused ? exitCodes.refused : exitCodes.ok;
      }),
    );
}

/** The domain reports refusals first; list the addresses in the order they were typed. */
function inInputOrder(result: InviteResult, addresses: string[]): void {
  const position = new Map<string, number>();
  addresses.forEach((a, i) => {
    const key = a.trim().toLowerCase();
    if (!position.has(key)) position.set(key, i);
  });
  const at = (email: string) => position.get(email.trim().toLowerCase()) ?? addresses.length;
  result.results.sort((a, b) => at(a.email) - at(b.email));
}

function inviteJson(result: InviteResult, locale: Locale) {
  return {
    results: result.results.map((r) => ({
      email: r.email,
      outcome: r.outcome,
      invitationId: r.invitationId ?? null,
      error: r.error ? { code: r.error.code, message: renderNotice(locale, r.error) } : null,
    })),
    warnings: result.warnings.map((w) => ({ code: w.code, message: renderNotice(locale, w) })),
    seatRequestId: result.seatRequestId ?? null,
  };
}

function printInvite(out: Output, result: InviteResult, locale: Locale): void {
  const s = say(locale);
  const width = Math.max(...result.results.map((r) => [...r.email].length));
  for (const r of result.results) {
    const outcome =
      r.outcome === 'invited'
        ? s.invited
        : r.outcome === 'held'
          ? s.heldForApproval(result.seatRequestId ?? '?')
          : r.outcome === 'already_invited'
            ? s.alreadyInvited
            : `${s.refused}: ${r.error ? renderNotice(locale, r.error) : ''}`;
    out.line(`${(r.email || '""').padEnd(width)}  ${outcome}`);
  }
  for (const warning of result.warnings) out.warn(`${s.warningPrefix} ${renderNotice(locale, warning)}`);
  if (result.seatRequestId) out.line(s.seatRequestHint(result.seatRequestId));
}
