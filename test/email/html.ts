// Walks the tree parse5 builds from an e-mail's HTML, as a mail client's parser would.
import { type DefaultTreeAdapterMap, parse } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

export function parseHtml(html: string) {
  const document = parse(html);
  const all = [...walk(document)];
  const elements = all.filter((n): n is Element => 'tagName' in n);
  return {
    document,
    elements: (tag: string) => elements.filter((e) => e.tagName === tag),
    text: textOf(document),
  };
}

function* walk(node: Node): Generator<Node> {
  yield node;
  if ('childNodes' in node) for (const child of node.childNodes) yield* walk(child);
}

export const textOf = (node: Node): string =>
  [...walk(node)]
    .map((n) => (n.nodeName === '#text' && 'value' in n ? n.value : ''))
    .join('')
    .replace(/\s+/g, ' ');

export const attr = (element: Element, name: string): string | undefined =>
  element.attrs.find((a) => a.name === name)?.value;
