// Form controls with their label, hint and error wired for assistive technology: the error sits
// next to its field and is named by aria-describedby; the summary at the top takes focus.
import { type Html, html } from './html.js';
import type { PageTexts } from './texts.js';

export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'email' | 'password';
  autocomplete: string;
  value?: string;
  hint?: string;
  /** A richer hint (the password rules). */
  hintHtml?: Html;
  error?: string;
  maxLength?: number;
  /** For usernames and addresses: no spelling fixes, no capital first letter on phones. */
  verbatim?: boolean;
}

export function field(spec: FieldSpec, texts: PageTexts): Html {
  const hintId = spec.hint || spec.hintHtml ? `${spec.name}-hint` : undefined;
  const errorId = spec.error ? `${spec.name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  return html`<div class="field${spec.error ? ' invalid' : ''}">
<label for="${spec.name}">${spec.label}</label>
${spec.hint ? html`<p class="hint" id="${hintId}">${spec.hint}</p>` : ''}${spec.hintHtml ? html`<div class="rules" id="${hintId}">${spec.hintHtml}</div>` : ''}
${spec.error ? html`<p class="field-error" id="${errorId}"><span class="visually-hidden">${texts.errorPrefix} </span>${spec.error}</p>` : ''}
<input id="${spec.name}" name="${spec.name}" type="${spec.type}" autocomplete="${spec.autocomplete}" required${spec.value !== undefined && spec.type !== 'password' ? html` value="${spec.value}"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${spec.error ? html` aria-invalid="true"` : ''}${spec.maxLength ? html` maxlength="${spec.maxLength}"` : ''}${spec.verbatim ? html` spellcheck="false" autocapitalize="none"` : ''}>
</div>`;
}

/** Listed in the order of the form; each links to its field. Focused on load (no script needed). */
export function errorSummary(errors: { field?: string; message: string }[], texts: PageTexts): Html {
  if (errors.length === 0) return html``;
  return html`<div class="error-summary" tabindex="-1" autofocus aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${texts.errorSummaryTitle}</h2>
<p>${texts.errorCount(errors.length)}</p>
<ul>${errors.map((e) => html`<li>${e.field ? html`<a href="#${e.field}">${e.message}</a>` : e.message}</li>`)}</ul>
</div>`;
}

const rulesByTexts = new Map<PageTexts, Html>();

/** The password rules, shown before the password is typed (the same markup on every page). */
export function passwordRules(texts: PageTexts): Html {
  let rules = rulesByTexts.get(texts);
  if (!rules) {
    rules = html`<p>${texts.passwordRulesTitle}</p>
<ul>${texts.passwordRules.map((rule) => html`<li>${rule}</li>`)}</ul>`;
    rulesByTexts.set(texts, rules);
  }
  return rules;
}

export const hidden = (name: string, value: string): Html =>
  html`<input type="hidden" name="${name}" value="${value}">`;
