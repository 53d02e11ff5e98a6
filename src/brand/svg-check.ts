// Which SVG logos Sesame keeps: drawings only. An SVG is a document that can run scripts, load
// other resources and embed HTML; a logo needs none of that. Rather than rewrite a document it
// cannot fully parse, Sesame refuses one that holds any of these, and says which:
//   - a DOCTYPE or entity declarations (they can hide anything below, and expand without end);
//   - script elements, event handler attributes (on...), javascript: URLs, XML Events handlers;
//   - foreignObject, iframe, embed, object (HTML inside the drawing);
//   - references outside the file: href/src to anything but an anchor in it (#id) or an embedded
//     PNG, JPEG, GIF or WebP picture; CSS url() other than url(#id); @import; xml-stylesheet;
//   - animations of a link (set/animate on href), which could turn one into a script later.
// Character references (&#106;) are decoded before looking, so they cannot disguise a word.
// Being strict refuses a few harmless files; the refusal names what to remove.
// The logo is also served with a Content-Security-Policy that blocks scripts (brand-routes.ts),
// and pages show it through <img>, where browsers run no script: this check is the first wall.

export type SvgFlaw =
  | 'not_svg'
  | 'doctype'
  | 'script'
  | 'event_handler'
  | 'embedded_document'
  | 'external_reference'
  | 'stylesheet'
  | 'link_animation';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes numeric and the five XML character references (the only ones without a DOCTYPE). */
function decodeReferences(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));/gi,
    (match, hex?: string, dec?: string, name?: string) => {
      if (name) return NAMED[name.toLowerCase()] ?? match;
      const code = Number.parseInt((hex ?? dec) as string, hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    },
  );
}

const EMBEDDED_PICTURE = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i;

const checks: [SvgFlaw, (text: string) => boolean][] = [
  ['doctype', (t) => /<!DOCTYPE|<!ENTITY/i.test(t)],
  ['script', (t) => /<(?:[a-z]+:)?(?:script|handler|listener)\b/i.test(t) || /javascript\s*:/i.test(t)],
  ['event_handler', (t) => /[\s"'/](?:[a-z]+:)?on[a-z-]*\s*=/i.test(t)],
  ['embedded_document', (t) => /<(?:[a-z]+:)?(?:foreignObject|iframe|embed|object)\b/i.test(t)],
  ['stylesheet', (t) => /<\?xml-stylesheet|@import/i.test(t)],
  [
    'link_animation',
    (t) => /<(?:[a-z]+:)?(?:set|animate\w*)\b[^>]*attributeName\s*=\s*["'](?:[a-z]+:)?href["']/i.test(t),
  ],
  ['external_reference', (t) => hasExternalReference(t)],
];

function hasExternalReference(text: string): boolean {
  for (const match of text.matchAll(/[\s"'/](?:[a-z]+:)?(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*))/gi)) {
    const value = (match[1] ?? match[2] ?? match[3] ?? '').trim();
    if (!value.startsWith('#') && !EMBEDDED_PICTURE.test(value)) return true;
  }
  for (const match of text.matchAll(/url\(\s*["']?([^"')]*)/gi)) {
    const value = (match[1] ?? '').trim();
    if (!value.startsWith('#') && !EMBEDDED_PICTURE.test(value)) return true;
  }
  return false;
}

/** The first reason to refuse this SVG text, or undefined when it is a plain drawing. */
export function findSvgFlaw(svg: string): SvgFlaw | undefined {
  // Comments and the XML declaration may come before the root; the root must be <svg>.
  const start = svg.replace(/^\uFEFF/, '').replace(/^(?:\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->)*/, '');
  if (!/^<svg[\s>]/i.test(start)) return /^<!DOCTYPE/i.test(start) ? 'doctype' : 'not_svg';
  const text = decodeReferences(svg);
  return checks.find(([, found]) => found(text))?.[0];
}
