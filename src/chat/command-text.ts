// What an admin types after the command (`/invite ...` in Slack, a message to the bot in Teams),
// parsed into one typed request. Never throws: text that cannot be understood becomes a
// `usage` request that the channel answers with the help.
import { z } from 'zod';
import type { InvitationFilter } from '../invitations/list-invitations.js';
import { type Catalogue, findRole, findUserType } from '../organizations/catalogue.js';

export type ChatCommand =
  | { kind: 'open_invite_form' }
  | { kind: 'open_add_form' }
  | { kind: 'reissue_password'; ref: string }
  | { kind: 'remove_member'; ref: string }
  | { kind: 'invite'; emails: string[]; role?: string; userType?: string }
  | { kind: 'pending'; filter: InvitationFilter }
  | { kind: 'revoke'; ref: string }
  | { kind: 'resend'; ref: string }
  /** An invitation's story, step by step. */
  | { kind: 'status'; ref: string }
  /** A member who may not invite asks the admins to (src/invite-requests/). */
  | { kind: 'request_invite'; email: string; note?: string }
  | { kind: 'seats' }
  | { kind: 'companies' }
  | { kind: 'audit'; action?: string }
  | { kind: 'import' }
  | { kind: 'settings' }
  | { kind: 'link'; code: string }
  | { kind: 'setup' }
  | { kind: 'help' }
  | { kind: 'usage'; problem: string };

const STATUSES = {
  pending: 'PENDING',
  'en-attente': 'PENDING',
  held: 'AWAITING_APPROVAL',
  'awaiting-approval': 'AWAITING_APPROVAL',
  retenue: 'AWAITING_APPROVAL',
  accepted: 'ACCEPTED',
  acceptee: 'ACCEPTED',
  revoked: 'REVOKED',
  revoquee: 'REVOKED',
  expired: 'EXPIRED',
  expiree: 'EXPIRED',
  cancelled: 'CANCELLED',
  annulee: 'CANCELLED',
} as const;

const FILTER_KEYS: Record<string, keyof InvitationFilter> = {
  status: 'status',
  statut: 'status',
  role: 'role',
  rôle: 'role',
  type: 'userType',
  by: 'inviter',
  par: 'inviter',
  expiring: 'expiringWithinDays',
  expire: 'expiringWithinDays',
  page: 'page',
};

const filterSchema = z.object({
  status: z
    .string()
    .transform((s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())
    .pipe(z.enum(Object.keys(STATUSES) as [keyof typeof STATUSES]))
    .transform((s) => [STATUSES[s]])
    .optional(),
  role: z.string().min(1).optional(),
  userType: z.string().min(1).optional(),
  inviter: z.string().min(3).optional(),
  expiringWithinDays: z.coerce.number().int().min(0).max(365).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  search: z.string().max(200).optional(),
});

/** Slack escapes what it recognizes: <mailto:a@b.c|a@b.c>, <#C123|general>, <@U123>. */
export function unescapeChatText(text: string): string {
  return text
    .replace(/<mailto:[^|>]+\|([^>]+)>/g, '$1')
    .replace(/<mailto:([^>]+)>/g, '$1')
    .replace(/<#([A-Z0-9]+)(\|[^>]*)?>/g, '$1')
    .replace(/<(https?:[^|>]+)(\|[^>]*)?>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** `request <e-mail> [note]`: the note is kept as typed (its commas and line breaks included). */
function parseInviteRequest(text: string): ChatCommand {
  const match = /^\S+\s+([^\s,;]+)[,;]?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match?.[1]) return { kind: 'usage', problem: 'request <e-mail> [note]' };
  const note = match[2]?.trim();
  return { kind: 'request_invite', email: match[1], ...(note ? { note } : {}) };
}

/** Without the catalogue (an unlinked workspace), role and user type are not told apart. */
export function parseChatCommand(text: string, catalogue?: Catalogue): ChatCommand {
  const words = unescapeChatText(text)
    .split(/[\s,;]+/)
    .filter(Boolean);
  const [first = '', ...rest] = words;
  const verb = first.toLowerCase();
  const one = (kind: 'revoke' | 'resend' | 'status'): ChatCommand =>
    rest.length === 1 && rest[0] ? { kind, ref: rest[0] } : { kind: 'usage', problem: `${kind} <e-mail|id>` };
  switch (verb) {
    case '':
      return { kind: 'open_invite_form' };
    case 'help':
    case 'aide':
      return { kind: 'help' };
    case 'pending':
    case 'list':
    case 'liste':
      return parsePending(rest);
    case 'revoke':
    case 'revoquer':
    case 'révoquer':
      return one('revoke');
    case 'resend':
    case 'relancer':
      return one('resend');
    case 'status':
    case 'statut':
      return one('status');
    case 'request':
    case 'demande':
    case 'demander':
      return parseInviteRequest(unescapeChatText(text));
    case 'seats':
    case 'places':
      return { kind: 'seats' };
    case 'companies':
    case 'societes':
    case 'sociétés':
      return { kind: 'companies' };
    case 'audit':
    case 'journal':
      return parseAudit(rest);
    case 'password':
    case 'motdepasse':
    case 'mot-de-passe':
      return rest.length === 1 && rest[0]
        ? { kind: 'reissue_password', ref: rest[0] }
        : { kind: 'usage', problem: 'password <e-mail>' };
    // A member's e-mail only: an invitation is revoked, not removed.
    case 'remove':
    case 'retirer':
      return rest.length === 1 && rest[0]?.includes('@')
        ? { kind: 'remove_member', ref: rest[0] }
        : { kind: 'usage', problem: 'remove <e-mail>' };
    case 'add':
    case 'ajouter':
      return { kind: 'open_add_form' };
    case 'import':
    case 'importer':
      return { kind: 'import' };
    case 'settings':
    case 'parametres':
    case 'paramètres':
      return { kind: 'settings' };
    case 'link':
    case 'lier':
      return rest.length > 0 ? { kind: 'link', code: rest.join('') } : { kind: 'usage', problem: 'link <code>' };
    case 'setup':
      return { kind: 'setup' };
  }
  return parseInvite(words, catalogue);
}

/** An action prefix as the audit trail names them: `invitation.`, `seat_request.approved`. */
const auditAction = z.string().regex(/^[a-z_.]{1,60}$/);

function parseAudit(words: string[]): ChatCommand {
  if (words.length === 0) return { kind: 'audit' };
  const action = auditAction.safeParse(words[0]?.toLowerCase());
  return words.length === 1 && action.success
    ? { kind: 'audit', action: action.data }
    : { kind: 'usage', problem: 'audit [invitation.|member.|seat_request.|…]' };
}

function parsePending(words: string[]): ChatCommand {
  const raw: Record<string, string> = {};
  const search: string[] = [];
  for (const word of words) {
    const match = /^([\p{L}]+)[:=](.+)$/u.exec(word);
    const key = match ? FILTER_KEYS[(match[1] ?? '').toLowerCase()] : undefined;
    if (match && key) raw[key] = match[2] ?? '';
    else search.push(word);
  }
  if (search.length > 0) raw.search = search.join(' ');
  const parsed = filterSchema.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'filter');
    return { kind: 'usage', problem: `pending: ${field}` };
  }
  return { kind: 'pending', filter: parsed.data };
}

/** `a@b.c d@e.f [role] [user type]`: the words without an @ name the role, then the user type. */
function parseInvite(words: string[], catalogue: Catalogue | undefined): ChatCommand {
  const emails = words.filter((w) => w.includes('@'));
  const others = words.filter((w) => !w.includes('@'));
  if (emails.length === 0) return { kind: 'usage', problem: words[0] ?? '' };
  if (others.length === 0) return { kind: 'invite', emails };
  if (others.length === 1 || !catalogue) return { kind: 'invite', emails, role: others.join(' ') };
  // Names may hold spaces ("Data Editor"): find where the role ends and a known user type begins.
  for (let split = others.length - 1; split >= 1; split--) {
    const role = others.slice(0, split).join(' ');
    const userType = others.slice(split).join(' ');
    if (findUserType(catalogue, userType) && (findRole(catalogue, role) || split === others.length - 1)) {
      return { kind: 'invite', emails, role, userType };
    }
  }
  return { kind: 'invite', emails, role: others.join(' ') };
}
