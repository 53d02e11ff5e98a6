// A notice to one of Sesame's own members (see notice-texts.ts): a few paragraphs and the
// commands that act on it. Every value is raw text, escaped here for the HTML part.
import type { Locale } from '../../i18n/locale.js';
import { type ComposedEmail, compose } from '../compose.js';
import { escapeHtml } from '../escape.js';
import { frame, paragraph } from './frame.js';
import { type NoticeWords, noticeWords } from './notice-texts.js';

export function renderNoticeEmail(d: {
  locale: Locale;
  organizationName: string;
  /** Which notice (for the layout's id), e.g. "invitation.accepted". */
  name: string;
  words: NoticeWords;
}): ComposedEmail {
  const common = noticeWords(d.locale);
  const { subject, paragraphs, commands } = d.words;
  return compose({
    name: `notice.${d.name}.${d.locale}`,
    subject,
    personal: {},
    text: () =>
      [...paragraphs.flatMap((p) => [p, '']), ...commands.map((c) => `  ${c}`), ...(commands.length ? [''] : [])]
        .concat(['-- ', common.whyEmail, common.footer(d.organizationName), ''])
        .join('\n'),
    html: () =>
      frame({
        lang: d.locale,
        titleHtml: escapeHtml(subject),
        preheaderHtml: escapeHtml(paragraphs[0] ?? subject),
        headerHtml: escapeHtml(subject),
        rows: [
          ...paragraphs.map((p) => paragraph(escapeHtml(p))),
          ...commands.map((c) =>
            paragraph(`<code style="font-family:Menlo,Consolas,monospace;">${escapeHtml(c)}</code>`),
          ),
        ],
        footerHtml: `${escapeHtml(common.whyEmail)}<br>\n${escapeHtml(common.footer(d.organizationName))}`,
      }),
  });
}
