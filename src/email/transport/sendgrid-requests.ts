// Turns outgoing e-mails into as few SendGrid /v3/mail/send requests as possible.
//
// Messages that share a body (the same layout id: same template, language, organization,
// inviter and admin's message) or the same dynamic template, and the same sender name and
// reply-to, travel together, up to 1,000 personalizations per request (SendGrid's limit). Each
// personalization carries its recipient, its subject, its substitutions (the personal values:
// accept link, name, role, expiry) or its dynamic_template_data, and its custom_args (the
// idempotency key, the outbox and invitation ids).
// A 10,000-invitation import is one group, so 10 requests.
import type { MailDataRequired } from '@sendgrid/mail';
import { substitutionWrappers } from '../compose.js';
import { type Address, type EmailKind, fromAddress, type OutgoingEmail } from '../outgoing-email.js';

export const MAX_PERSONALIZATIONS = 1000;

export interface MailSendRequest {
  data: MailDataRequired;
  /** Indexes, in the transport's input, of the messages this request carries (in order). */
  indexes: number[];
  kind: EmailKind;
}

export interface PlanOptions {
  from: Address;
  /** SendGrid dynamic template ids (d-...) by kind; Sesame's own templates for the others. */
  templateIds?: Partial<Record<EmailKind, string>>;
  maxPerRequest?: number;
}

export function planMailSends(emails: readonly OutgoingEmail[], options: PlanOptions): MailSendRequest[] {
  const max = Math.min(options.maxPerRequest ?? MAX_PERSONALIZATIONS, MAX_PERSONALIZATIONS);
  const groups = new Map<string, number[]>();
  emails.forEach((email, index) => {
    const template = options.templateIds?.[email.kind];
    const body = template ? `template:${template}` : `layout:${email.composed.layout.id}`;
    const key = JSON.stringify([body, email.fromName ?? '', email.replyTo?.email ?? '', email.replyTo?.name ?? '']);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  const requests: MailSendRequest[] = [];
  for (const indexes of groups.values()) {
    for (let start = 0; start < indexes.length; start += max) {
      const chunk = indexes.slice(start, start + max);
      requests.push(buildRequest(emails, chunk, options));
    }
  }
  return requests;
}

function buildRequest(emails: readonly OutgoingEmail[], indexes: number[], options: PlanOptions): MailSendRequest {
  const first = emails[indexes[0] as number] as OutgoingEmail;
  const templateId = options.templateIds?.[first.kind];
  const common = {
    from: fromAddress(first, options.from),
    ...(first.replyTo ? { replyTo: first.replyTo } : {}),
    categories: ['sesame', first.kind],
    // The accept link carries a secret: SendGrid must not rewrite it through its click tracker.
    trackingSettings: { clickTracking: { enable: false, enableText: false } },
  };
  const picked = indexes.map((i) => emails[i] as OutgoingEmail);
  const data: MailDataRequired = templateId
    ? {
        ...common,
        templateId,
        personalizations: picked.map((email) => ({
          to: email.to,
          dynamicTemplateData: { ...email.templateData, subject: email.composed.subject },
          customArgs: email.customArgs,
        })),
      }
    : {
        ...common,
        // Every personalization has its own subject; this one is SendGrid's required fallback.
        subject: first.composed.subject,
        content: [
          { type: 'text/plain', value: first.composed.layout.text },
          { type: 'text/html', value: first.composed.layout.html },
        ],
        substitutionWrappers: [...substitutionWrappers],
        personalizations: picked.map((email) => ({
          to: email.to,
          subject: email.composed.subject,
          substitutions: email.composed.substitutions,
          customArgs: email.customArgs,
        })),
      };
  return { data, indexes, kind: first.kind };
}

/** The same request for a slice of its messages (to isolate a message SendGrid refuses). */
export function sliceRequest(request: MailSendRequest, start: number, end: number): MailSendRequest {
  return {
    kind: request.kind,
    indexes: request.indexes.slice(start, end),
    data: { ...request.data, personalizations: request.data.personalizations?.slice(start, end) },
  };
}
