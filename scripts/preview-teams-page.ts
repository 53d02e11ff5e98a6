// Draws an Adaptive Card as Teams would, for `npm run teams:previews`: a self-contained HTML page
// that runs Microsoft's own renderer (the `adaptivecards` package, the one Microsoft's designer
// uses) with a host configuration close to Teams' light theme (Segoe UI, or the nearest font
// installed), in a chat message from the bot or in a dialog. Teams' Markdown (bold, italics,
// code, links, backslash escapes) is turned into HTML here, before the page is drawn.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Json = Record<string, unknown>;

const esc = (value: string): string =>
  value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** Teams' Markdown in a TextBlock, as HTML: what a backslash escapes, and what is in backquotes, is shown as typed. */
export function teamsMarkdownHtml(source: string): string {
  const kept: string[] = [];
  const keep = (html: string) => `\uE000${kept.push(html) - 1}\uE000`;
  const marked = source.replace(/\\([!-/:-@[-`{-~])|`([^`\n]+)`/g, (_, sign?: string, code?: string) =>
    keep(sign !== undefined ? esc(sign) : `<code>${esc(code ?? '')}</code>`),
  );
  return esc(marked)
    .replace(/\*\*([^*\n]+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=$|[\s).,:;!?])/g, '$1<em>$2</em>')
    .replace(/\[([^\]\n]+)\]\(([^()\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\uE000(\d+)\uE000/g, (_, i: string) => kept[Number(i)] ?? '')
    .replaceAll('\n', '<br>');
}

const FONT =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, 'Helvetica Neue', 'Liberation Sans', 'DejaVu Sans', sans-serif";

const colors = (text: string, subtle: string) => ({
  default: { default: text, subtle },
  accent: { default: '#5B5FC7', subtle: '#5B5FC7' },
  good: { default: '#237B4B', subtle: '#237B4B' },
  warning: { default: '#835B00', subtle: '#835B00' },
  attention: { default: '#C4314B', subtle: '#C4314B' },
  dark: { default: '#242424', subtle: '#616161' },
  light: { default: '#FFFFFF', subtle: '#FFFFFF' },
});

/** Teams' light theme, as near as its published values and its look allow. */
const HOST_CONFIG = {
  supportsInteractivity: true,
  fontFamily: FONT,
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  lineHeights: { small: 16, default: 20, medium: 22, large: 24, extraLarge: 32 },
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: colors('#242424', '#616161') },
    emphasis: { backgroundColor: '#F5F5F5', foregroundColors: colors('#242424', '#616161') },
  },
  actions: {
    maxActions: 6,
    spacing: 'Default',
    buttonSpacing: 8,
    actionsOrientation: 'Horizontal',
    actionAlignment: 'Left',
    // A long title takes two lines rather than being cut.
    allowTitleToWrap: true,
    showCard: { actionMode: 'Inline', inlineTopMargin: 16 },
  },
  inputs: {
    label: {
      inputSpacing: 'Small',
      requiredInputs: { weight: 'Bolder', suffix: ' *', suffixColor: 'Attention' },
      optionalInputs: { weight: 'Bolder' },
    },
    errorMessage: { size: 'Small', spacing: 'Small' },
  },
  factSet: {
    title: { weight: 'Bolder', wrap: true, maxWidth: 150 },
    value: { wrap: true },
    spacing: 12,
  },
};

const CSS = `
*{box-sizing:border-box}
body{margin:0;padding:24px;background:#F5F5F5;font:14px/20px ${FONT};color:#242424;-webkit-font-smoothing:antialiased}
.chat{display:flex;gap:12px;align-items:flex-start}
.avatar{flex:none;width:32px;height:32px;border-radius:50%;overflow:hidden}.avatar img{width:32px;height:32px;display:block}
.message{flex:1;min-width:0}
.meta{font-size:12px;color:#616161;margin-bottom:4px}.meta b{color:#242424;font-weight:600;margin-right:8px}
.bubble{background:#FFFFFF;border-radius:6px;box-shadow:0 1px 2px rgba(0,0,0,.14),0 0 2px rgba(0,0,0,.12);overflow:hidden}
.dialog{background:#FFFFFF;border-radius:8px;box-shadow:0 8px 16px rgba(0,0,0,.14),0 0 2px rgba(0,0,0,.12);overflow:hidden}
.dialog>.title{display:flex;align-items:center;gap:10px;padding:20px 24px 4px;font-size:18px;font-weight:600}
.dialog>.title img{width:24px;height:24px;border-radius:4px}.dialog>.title .x{margin-left:auto;font-weight:400;color:#616161}
.dialog .ac-adaptiveCard{padding:12px 24px 24px!important}
.ac-adaptiveCard:focus{outline:none}
code{font:12px Consolas,'DejaVu Sans Mono',monospace;background:#F5F5F5;border:1px solid #E0E0E0;border-radius:3px;padding:0 3px}
a{color:#5B5FC7;text-decoration:none}
.ac-pushButton{min-height:32px;min-width:64px;padding:5px 12px;border:1px solid #D1D1D1;border-radius:4px;background:#FFFFFF;color:#242424;font:600 14px/20px ${FONT};cursor:pointer}
.ac-pushButton.style-positive{background:#5B5FC7;border-color:#5B5FC7;color:#FFFFFF}
.ac-pushButton.style-destructive{color:#C4314B}
.ac-input{font:14px ${FONT};color:#242424}
.ac-input.ac-textInput,.ac-input.ac-multichoiceInput,select.ac-input{width:100%;min-height:32px;padding:5px 10px;border:1px solid #D1D1D1;border-bottom-color:#616161;border-radius:4px;background:#FFFFFF}
.ac-input.ac-textInput.ac-multiline{height:72px}
.ac-input::placeholder{color:#707070}
.ac-input-container{width:100%}
.ac-choiceSetInput-expanded label{font-size:14px}
`;

const require = createRequire(import.meta.url);
let renderer: string | undefined;
/** The renderer's browser bundle, whose script tag cannot be closed early by what it holds. */
const rendererSource = () =>
  (renderer ??= readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8').replaceAll(
    '</script',
    '<\\/script',
  ));

let icon: string | undefined;
/** The Teams app's own colour icon, as the bot's avatar. */
const botIcon = () =>
  (icon ??= `data:image/png;base64,${readFileSync(join(import.meta.dirname, '..', 'manifests', 'teams', 'color.png')).toString('base64')}`);

/** Every string of the card, with its HTML: the page looks each TextBlock's text up there. */
function markdownOf(card: unknown): [string, string][] {
  const found = new Map<string, string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.set(value, teamsMarkdownHtml(value));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value as Json).forEach(walk);
  };
  walk(card);
  return [...found];
}

/** JSON inside a script element: `<` escaped, so nothing in it ends the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');

export type TeamsFrame = { kind: 'message' } | { kind: 'dialog'; title: string };

/** The page: the card in a bot's chat message, or in a dialog with its title. */
export function adaptiveCardPage(card: unknown, frame: TeamsFrame): string {
  const holder = '<div id="card"></div>';
  const body =
    frame.kind === 'message'
      ? `<div class="chat"><div class="avatar"><img src="${botIcon()}" alt=""></div><div class="message">
<div class="meta"><b>Sesame</b>10:00</div><div class="bubble">${holder}</div></div></div>`
      : `<div class="dialog"><div class="title"><img src="${botIcon()}" alt=""><span>${esc(frame.title)}</span>
<span class="x">✕</span></div>${holder}</div>`;
  const render = `
const markdown = new Map(${scriptJson(markdownOf(card))});
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  if (!markdown.has(text)) { console.error('No Markdown for ' + JSON.stringify(text)); return; }
  result.outputHtml = markdown.get(text);
  result.didProcess = true;
};
const card = new AdaptiveCards.AdaptiveCard();
card.hostConfig = new AdaptiveCards.HostConfig(${scriptJson(HOST_CONFIG)});
const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
card.parse(${scriptJson(card)}, context);
for (let i = 0; i < context.eventCount; i++) console.error(context.getEventAt(i).message);
const element = card.render();
if (!element) throw new Error('The card was not rendered');
document.getElementById('card').appendChild(element);`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>${body}
<script>${rendererSource()}</script><script>${render}</script></body></html>`;
}
