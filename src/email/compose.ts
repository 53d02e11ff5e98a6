// How an e-mail is put together so that thousands of them fit in a few SendGrid requests.
//
// A template writes its body once, with a placeholder wherever a *personal* value goes (the
// accept link, the invitee's name, the role, the expiry date...). Everything else (organization,
// inviter, the admin's message, the language) is baked into the body. The result:
//   - `layout`: the body with placeholders, identical for every recipient of an import, so one
//     SendGrid request carries it once for up to 1,000 recipients;
//   - `substitutions`: each recipient's values (SendGrid replaces the placeholders);
//   - `subject`, `text`, `html`: the finished message, made by the very same substitution, for
//     the offline transport and the tests.
// Rule for templates: branch only on baked values; personal values are only interpolated.
//
// Placeholders look like `[[s<nonce>:t:link]]` (text part) and `[[s<nonce>:h:link]]` (HTML part,
// value escaped). The nonce is a digest of the layout itself, so no value baked into it (an
// admin's message, say) can contain a live placeholder: it would have to contain a hash of
// itself. HTML values have `[` escaped on top of that.
import { createHash } from 'node:crypto';
import { escapeHtml } from './escape.js';

/** SendGrid substitution wrappers: the keys of `substitutions` go between them. */
export const substitutionWrappers = ['[[', ']]'] as const;
const placeholder = /\[\[(s[A-Za-z0-9_-]{16}:[th]:[A-Za-z]+)\]\]/g;

export interface EmailLayout {
  /** Same id, same body: what the SendGrid transport groups by. */
  id: string;
  text: string;
  html: string;
}

export interface ComposedEmail<P extends string = string> {
  subject: string;
  text: string;
  html: string;
  layout: EmailLayout;
  /** Placeholder key (without the wrappers) to value: text values raw, HTML values escaped. */
  substitutions: Record<string, string>;
  /** The personal values, raw. */
  values: Record<P, string>;
}

export function compose<P extends string>(parts: {
  /** The template and language, for the layout id (e.g. "invitation.invite.fr"). */
  name: string;
  subject: string;
  personal: Record<P, string>;
  /** The plain-text body; `slot(name)` is where a personal value goes. */
  text: (slot: (name: P) => string) => string;
  /** The HTML body; every baked value in it must already be escaped. */
  html: (slot: (name: P) => string) => string;
}): ComposedEmail<P> {
  const render = (nonce: string) => ({
    text: parts.text((name) => `[[s${nonce}:t:${name}]]`),
    html: parts.html((name) => `[[s${nonce}:h:${name}]]`),
  });
  const draft = render('0'.repeat(16));
  const nonce = digest(parts.name, draft.text, draft.html);
  const { text, html } = render(nonce);
  const substitutions: Record<string, string> = {};
  for (const [name, value] of Object.entries<string>(parts.personal)) {
    substitutions[`s${nonce}:t:${name}`] = value;
    substitutions[`s${nonce}:h:${name}`] = escapeHtml(value);
  }
  return {
    subject: parts.subject,
    text: fillLayout(text, substitutions),
    html: fillLayout(html, substitutions),
    layout: { id: `${parts.name}:${nonce}`, text, html },
    substitutions,
    values: parts.personal,
  };
}

const digest = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url').slice(0, 16);
};

/** Replaces each placeholder by its value in one pass (values are never scanned again). */
export function fillLayout(layout: string, substitutions: Record<string, string>): string {
  return layout.replace(placeholder, (match, key: string) => substitutions[key] ?? match);
}
