// The work of `sesame invite`.
import type { Command } from 'commander';
import type { Locale } from '../../i18n/locale.js';
import { renderNotice } from '../../i18n/messages.js';
import { type InviteResult, invite } from '../../invitations/invite.js';
import type { InviteOptions } from '../commands/invite.js';
import { exitCodes } from '../exit.js';
import type { Output } from '../output.js';
import { runAsMember } from '../session.js';
import { cliTexts } from '../texts.js';
import { splitAddresses } from '../values.js';

export function inviteAll(emails: string[], options: InviteOptions, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
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
      enterprise: options.enterprise,
      external: options.external,
      company: options.company,
      licences: options.licences,
      credits: options.credits,
      language: options.memberLanguage,
    });
    inInputOrder(result, addresses);
    if (out.json) out.result(inviteJson(result, locale));
    else printInvite(out, result, locale);
    const allRefused = result.results.length > 0 && result.results.every((r) => r.outcome === 'refused');
    return allRefused ? exitCodes.refused : exitCodes.ok;
  });
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
  const texts = cliTexts(locale);
  const width = Math.max(...result.results.map((r) => [...r.email].length));
  for (const r of result.results) {
    const outcome =
      r.outcome === 'invited'
        ? texts.invited
        : r.outcome === 'held'
          ? texts.heldForApproval(result.seatRequestId ?? '?')
          : r.outcome === 'already_invited'
            ? texts.alreadyInvited
            : `${texts.refused}: ${r.error ? renderNotice(locale, r.error) : ''}`;
    const line = `${(r.email || '""').padEnd(width)}  ${outcome}`;
    // What was done on stdout, what was refused on stderr: `sesame invite ... > done.txt` keeps
    // the addresses invited, and the refusals stay in sight.
    if (r.outcome === 'refused') out.error(line);
    else out.line(line);
  }
  for (const warning of result.warnings) out.warn(`${texts.warningPrefix} ${renderNotice(locale, warning)}`);
  if (result.seatRequestId) out.line(texts.seatRequestHint(result.seatRequestId));
}
