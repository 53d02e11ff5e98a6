// The work of `sesame audit`.
import type { Command } from 'commander';
import { describeAuditEvent } from '../../audit/describe-audit-event.js';
import { listAuditEvents } from '../../audit/list-audit-events.js';
import type { AuditEvent } from '../../generated/prisma/client.js';
import { formatDate, table } from '../output.js';
import { runAsMember } from '../session.js';
import { cliTexts } from '../texts.js';

export function listEvents(options: { action?: string; limit?: number }, command: Command): Promise<void> {
  return runAsMember(command, async ({ db, actor, out, locale }) => {
    const events = await listAuditEvents(db, actor, options);
    if (out.json) return out.result({ events: events.map(eventJson) });
    const texts = cliTexts(locale);
    if (events.length === 0) return out.line(texts.noEvents);
    out.line(
      table(
        texts.auditHeaders,
        events.map((e) => [formatDate(e.createdAt), e.actorEmail, e.channel, e.action, describeAuditEvent(e)]),
      ),
    );
  });
}

function eventJson(event: AuditEvent) {
  return {
    id: event.id.toString(),
    createdAt: event.createdAt,
    action: event.action,
    actorEmail: event.actorEmail,
    channel: event.channel,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    data: event.data,
  };
}
