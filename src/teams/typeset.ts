// French typography in what Teams shows: a non-breaking space before : ; ? ! and inside « »,
// so that a line never breaks before the sign. The texts are written with ordinary spaces (they are
// shared with Slack); the space is made non-breaking here, on the way out. English never puts a
// space there, so this changes nothing in English, and nothing a person typed is touched: input
// values, action data and ids are left as they are.
const NBSP = '\u00a0';

export const typesetText = (text: string): string =>
  text.replace(/ +([:;?!»])/g, `${NBSP}$1`).replace(/« +/g, `«${NBSP}`);

/** The keys whose strings Teams displays (an input's `value` is what a person typed: never touched). */
const DISPLAYED = new Set(['text', 'title', 'label', 'placeholder', 'errorMessage', 'fallbackText']);
/** Keys holding data for the bot, or a person's input: never changed. */
const KEPT = new Set(['data', 'verb', 'id', 'url', 'value', 'valueOn', 'valueOff']);

/** A card, a dialog or a message with every displayed string typeset (a copy). */
export function typeset<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown, displayed = false): unknown {
  if (typeof value === 'string') return displayed ? typesetText(value) : value;
  if (Array.isArray(value)) return value.map((item) => walk(item, displayed));
  if (!value || typeof value !== 'object') return value;
  const node = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) {
    if (node.type === 'FactSet' && key === 'facts' && Array.isArray(child)) {
      // A fact's value is shown, unlike an input's.
      out[key] = child.map((fact: Record<string, unknown>) => ({
        ...fact,
        title: walk(fact.title, true),
        value: walk(fact.value, true),
      }));
    } else if (DISPLAYED.has(key)) out[key] = walk(child, true);
    else if (KEPT.has(key)) out[key] = child;
    else out[key] = walk(child);
  }
  return out;
}
