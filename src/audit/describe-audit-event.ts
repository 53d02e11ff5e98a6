// An audit event's data on one line, e.g. `email=jane@example.com sendCount=2`: what the CLI's
// table and the chat channels' lists show next to who, when, where and what.
import type { AuditEvent } from '../generated/prisma/client.js';

export function describeAuditEvent(e: AuditEvent, max = 100): string {
  const data = e.data && typeof e.data === 'object' && !Array.isArray(e.data) ? e.data : {};
  const text = Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text || `${e.subjectType} ${e.subjectId ?? ''}`.trim();
}
