// `audit [action prefix]` in chat: the organization's latest events (who, when, from which
// channel, what), as one message in Slack mrkdwn (Teams converts it). Owners and administrators
// only: listAuditEvents checks it.
import { describeAuditEvent } from '../../audit/describe-audit-event.js';
import { listAuditEvents } from '../../audit/list-audit-events.js';
import type { Db } from '../../db/database.js';
import type { Locale } from '../../i18n/locale.js';
import type { Actor } from '../../permissions/actor.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** A chat message stays readable (and under Slack's 3,000 characters a section) with this many. */
export const CHAT_AUDIT_LIMIT = 20;

const words = {
  en: {
    heading: (count: number, action?: string) =>
      `*Audit trail*: the latest ${count} event${count === 1 ? '' : 's'}${action ? ` starting with \`${action}\`` : ''} (times in UTC)`,
    empty: 'No event recorded yet.',
    more: 'For more: `sesame audit --action <prefix> --limit <n>`.',
  },
  fr: {
    heading: (count: number, action?: string) =>
      `*Journal d'audit* : ${count === 1 ? 'le dernier événement' : `les ${count} derniers événements`}${action ? ` commençant par \`${action}\`` : ''} (heures UTC)`,
    empty: 'Aucun événement enregistré pour le moment.',
    more: 'Pour en voir plus : `sesame audit --action <préfixe> --limit <n>`.',
  },
};

const when = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ');

export async function auditTrailText(
  db: Db,
  actor: Actor,
  action: string | undefined,
  locale: Locale,
): Promise<string> {
  const trailTexts = words[locale];
  const events = await listAuditEvents(db, actor, { action, limit: CHAT_AUDIT_LIMIT });
  if (events.length === 0) return trailTexts.empty;
  const lines = events.map(
    (e) =>
      `• ${when(e.createdAt)} · ${escapeMrkdwn(e.actorEmail ?? '')} (${e.channel}) · \`${e.action}\` · ${escapeMrkdwn(describeAuditEvent(e, 80))}`,
  );
  return [trailTexts.heading(events.length, action), ...lines, trailTexts.more].join('\n');
}
