// HTML escaping for every value interpolated into an e-mail's HTML part.
const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // Not an HTML special character, but the first character of the substitution placeholders
  // (see compose.ts): escaping it means no value can ever smuggle a placeholder into a body.
  '[': '&#91;',
};

export const escapeHtml = (value: string): string => value.replace(/[&<>"'[]/g, (c) => entities[c] ?? c);

/** Escapes, then keeps the author's line breaks (for the admin's message). */
export const escapeMultiline = (value: string): string => escapeHtml(value).replace(/\r?\n/g, '<br>\n');
