// Draws a Block Kit surface (a modal, or a message `{ blocks }`) as a self-contained HTML page that looks
// roughly like Slack, so `npm run slack:previews` can screenshot it. Covers the blocks Sesame's surfaces use.

type Json = Record<string, unknown>;
type TextObject = { type?: string; text?: string };

export interface RenderOptions {
  /** Name shown on a message's author line. */
  appName?: string;
  /** What Slack writes after an optional input's label, in the reader's language. */
  optionalLabel?: string;
}

const esc = (value: unknown): string =>
  String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

/** Slack mrkdwn subset: *bold*, _italic_, ~strike~, `code`, <url|label> links, line breaks. */
function mrkdwn(source: string): string {
  const links: string[] = [];
  const withoutLinks = source
    .replace(/<([^>|]+)(?:\|([^>]+))?>/g, (_, url: string, label?: string) => {
      links.push(`<a>${esc(label ?? url.replace(/^mailto:/, ''))}</a>`);
      return `\uE000${links.length - 1}\uE000`;
    })
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
  const codes: string[] = [];
  return esc(withoutLinks)
    .replace(/`([^`\n]+)`/g, (_, code: string) => {
      codes.push(`<code>${code}</code>`);
      return `\uE001${codes.length - 1}\uE001`;
    })
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/g, '$1<b>$2</b>')
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/g, '$1<i>$2</i>')
    .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,:;!?])/g, '$1<s>$2</s>')
    .replace(/\uE001(\d+)\uE001/g, (_, i: string) => codes[Number(i)] ?? '')
    .replace(/\uE000(\d+)\uE000/g, (_, i: string) => links[Number(i)] ?? '')
    .replaceAll('\n', '<br>');
}

const text = (object: unknown): string => {
  const t = (object ?? {}) as TextObject;
  return t.type === 'mrkdwn' ? mrkdwn(t.text ?? '') : esc(t.text ?? '').replaceAll('\n', '<br>');
};

const optionText = (option: unknown): string => text((option as { text?: unknown } | undefined)?.text);

function button(element: Json): string {
  const style = element.style === 'primary' || element.style === 'danger' ? ` ${element.style}` : '';
  return `<span class="btn${style}">${text(element.text)}</span>`;
}

function selectBox(label: string, isPlaceholder: boolean): string {
  return `<div class="box select${isPlaceholder ? ' ph' : ''}"><span>${label}</span><span class="chev">⌄</span></div>`;
}

function element(el: Json): string {
  const placeholder = el.placeholder ? text(el.placeholder) : '';
  switch (el.type) {
    case 'plain_text_input':
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input': {
      const initial = el.initial_value === undefined ? '' : esc(el.initial_value).replaceAll('\n', '<br>');
      const content = initial || `<span class="ph">${placeholder}</span>`;
      return `<div class="box${el.multiline ? ' multi' : ''}">${content}</div>`;
    }
    case 'static_select':
    case 'external_select':
      return el.initial_option
        ? selectBox(optionText(el.initial_option), false)
        : selectBox(placeholder || 'Select an option', true);
    case 'multi_static_select': {
      // Chosen options show as chips, as Slack draws them.
      const chosen = ((el.initial_options ?? []) as Json[]).map((o) => optionText(o));
      return chosen.length > 0
        ? selectBox(chosen.map((label) => `<span class="chip">${label}</span>`).join(' '), false)
        : selectBox(placeholder || 'Select options', true);
    }
    case 'conversations_select':
    case 'channels_select':
    case 'users_select':
      return selectBox(placeholder || 'Select a conversation', !el.initial_conversation);
    case 'checkboxes':
    case 'radio_buttons': {
      const checked = new Set(
        ((el.initial_options ?? (el.initial_option ? [el.initial_option] : [])) as Json[]).map((o) => o.value),
      );
      const shape = el.type === 'checkboxes' ? 'check' : 'radio';
      return ((el.options ?? []) as Json[])
        .map((o) => {
          const on = checked.has(o.value) ? ' on' : '';
          const description = o.description ? `<div class="hint">${text(o.description)}</div>` : '';
          return `<div class="option"><span class="${shape}${on}">${on ? '✓' : ''}</span><div>${optionText(o)}${description}</div></div>`;
        })
        .join('');
    }
    case 'file_input':
      return '<div class="drop">Drag a file here or <a>upload from your computer</a></div>';
    case 'button':
      return button(el);
    default:
      return `<div class="box ph">${esc(el.type)}</div>`;
  }
}

function block(b: Json, options: RenderOptions): string {
  switch (b.type) {
    case 'header':
      return `<div class="header">${text(b.text)}</div>`;
    case 'section': {
      const fields = b.fields
        ? `<div class="fields">${(b.fields as unknown[]).map((f) => `<div>${text(f)}</div>`).join('')}</div>`
        : '';
      const accessory = b.accessory ? `<div class="accessory">${element(b.accessory as Json)}</div>` : '';
      const body = b.text ? `<div class="text">${text(b.text)}</div>` : '';
      return `<div class="section"><div class="grow">${body}${fields}</div>${accessory}</div>`;
    }
    case 'context':
      return `<div class="context">${((b.elements ?? []) as Json[])
        .map((e) => (e.type === 'image' ? '<span class="img"></span>' : `<span>${text(e)}</span>`))
        .join('')}</div>`;
    case 'actions':
      return `<div class="actions">${((b.elements ?? []) as Json[]).map(element).join('')}</div>`;
    case 'divider':
      return '<hr>';
    case 'input': {
      const optional = b.optional ? ` <span class="opt">${esc(options.optionalLabel ?? '(optional)')}</span>` : '';
      const hint = b.hint ? `<div class="hint">${text(b.hint)}</div>` : '';
      return `<div class="input"><label>${text(b.label)}${optional}</label>${element(b.element as Json)}${hint}</div>`;
    }
    default:
      return `<div class="context">[${esc(b.type)} block]</div>`;
  }
}

const css = `
*{box-sizing:border-box}
body{margin:0;padding:24px;background:#f4f4f5;font:15px/1.47 Lato,'Helvetica Neue',Helvetica,'Liberation Sans',Arial,'DejaVu Sans','Noto Color Emoji','Apple Color Emoji','Segoe UI Emoji',sans-serif;color:#1d1c1d;-webkit-font-smoothing:antialiased}
b{font-weight:700}code{font:12px Monaco,Menlo,Consolas,'DejaVu Sans Mono',monospace;color:#e01e5a;background:#f8f8f8;border:1px solid #e8e8e8;border-radius:3px;padding:1px 3px}
a{color:#1264a3}
.modal{width:100%;background:#fff;border-radius:8px;box-shadow:0 0 0 1px rgba(29,28,29,.13),0 18px 48px rgba(0,0,0,.2);overflow:hidden}
.modal>.title{display:flex;align-items:center;justify-content:space-between;padding:18px 24px;border-bottom:1px solid #ddd;font-size:22px;font-weight:900}
.modal>.title .x{font-weight:400;color:#616061;font-size:20px}
.modal>.body{padding:16px 24px 8px}
.modal>.foot{display:flex;justify-content:flex-end;gap:12px;padding:20px 24px;border-top:1px solid #ddd}
.message{display:flex;gap:10px;background:#fff;padding:12px 20px;border-radius:8px;box-shadow:0 0 0 1px rgba(29,28,29,.13)}
.avatar{flex:none;width:36px;height:36px;border-radius:6px;background:#4a154b;color:#fff;font-weight:900;font-size:20px;display:flex;align-items:center;justify-content:center}
.author{font-weight:900}.author .app{font-size:10px;font-weight:700;color:#616061;background:#e8e8e8;border-radius:2px;padding:1px 3px;margin-left:4px;vertical-align:2px}
.author .time{font-weight:400;font-size:12px;color:#616061;margin-left:6px}
.grow{flex:1;min-width:0}
.header{font-size:18px;font-weight:900;margin:4px 0}
.section{display:flex;gap:12px;margin:6px 0;overflow-wrap:anywhere}
.fields{display:grid;grid-template-columns:1fr 1fr;gap:8px 16px;margin-top:4px}
.context{display:flex;flex-wrap:wrap;gap:4px 8px;margin:4px 0;font-size:12px;color:#616061}
.context code{font-size:11px}
.img{width:16px;height:16px;background:#ddd;border-radius:3px}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.btn{display:inline-block;padding:0 12px;height:36px;line-height:34px;border:1px solid rgba(29,28,29,.3);border-radius:4px;background:#fff;font-size:15px;font-weight:700;white-space:nowrap}
.btn.primary{background:#007a5a;border-color:#007a5a;color:#fff}.btn.danger{background:#e01e5a;border-color:#e01e5a;color:#fff}
hr{border:0;border-top:1px solid #ddd;margin:12px 0}
.input{margin:0 0 20px}label{display:block;font-weight:700;margin-bottom:8px}.opt{font-weight:400;color:#616061}
.box{min-height:40px;border:1px solid #868686;border-radius:4px;padding:8px 12px;font-size:15px;overflow-wrap:anywhere}.box.multi{min-height:88px}
.select{display:flex;justify-content:space-between;align-items:center;gap:8px}.chev{color:#616061;font-size:18px;line-height:1;margin-top:-8px}
.ph,.ph span{color:#868686}
.chip{display:inline-block;background:#f1f1f1;border:1px solid #ddd;border-radius:4px;padding:0 6px;margin-right:4px}
.hint{font-size:13px;color:#616061;margin-top:6px}
.option{display:flex;gap:8px;align-items:flex-start;margin:4px 0}
.check,.radio{flex:none;width:16px;height:16px;margin-top:3px;border:1px solid #868686;border-radius:4px;font-size:11px;line-height:14px;text-align:center;font-weight:900;color:#fff}
.radio{border-radius:50%}.on{background:#1264a3;border-color:#1264a3}
.drop{border:1px dashed #868686;border-radius:8px;padding:22px;text-align:center;color:#616061;font-size:14px}
`;

/** A self-contained HTML page drawing `surface` (a modal view, or a message `{ blocks }`) the way Slack would. */
export function renderBlockKitHtml(surface: unknown, options: RenderOptions = {}): string {
  const s = (surface ?? {}) as Json;
  const blocks = ((s.blocks ?? []) as Json[]).map((b) => block(b, options)).join('\n');
  let body: string;
  if (s.type === 'modal' || s.type === 'home') {
    const close = `<span class="btn">${s.close ? text(s.close) : 'Cancel'}</span>`;
    const submit = s.submit ? `<span class="btn primary">${text(s.submit)}</span>` : '';
    body = `<div class="modal"><div class="title"><span>${text(s.title)}</span><span class="x">✕</span></div>
<div class="body">${blocks}</div><div class="foot">${close}${submit}</div></div>`;
  } else {
    const name = options.appName ?? 'Sesame';
    body = `<div class="message"><div class="avatar">${esc(name.slice(0, 1))}</div><div class="grow">
<div class="author">${esc(name)}<span class="app">APP</span><span class="time">10:00 AM</span></div>${blocks}</div></div>`;
  }
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>${body}</body></html>`;
}
