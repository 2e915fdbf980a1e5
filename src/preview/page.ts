// The page `preview` serves: the document's HTML as `build` writes it, with three things added to
// this copy only — a link to the bundled fonts' @font-face rules (served from /fonts/), a findings panel above
// the document, and a small script of our own that reloads the page when the server says the
// document changed. Every piece of data text in the panel goes through htmlText; the script carries
// nothing from the data but a version string the server made, and the CSP allows only it.
import type { Finding } from '../findings.js';
import { htmlText } from '../render/escape.js';

export interface PageState {
  /** The last document built without errors; absent until the data first builds. */
  html?: string;
  /** The findings of the latest build, which may be newer than `html`. */
  findings: readonly Finding[];
  /** A template or other failure of the latest build, when it did not get as far as findings. */
  failure?: string;
  /** Changes on every build; the page reloads when the server's differs from its own. */
  version: string;
  /** The data file, for findings that do not name one. */
  file: string;
}

const SEVERITY: Record<Finding['severity'], string> = { error: '错误 error', warning: '警告 warning', note: '提示 note' };

function where(f: Finding, file: string): string {
  if (f.cell) return `${f.file ?? file} [${f.cell.sheet}] ${f.cell.ref}`;
  return `${f.file ?? file}:${f.pos?.line ?? 1}:${f.pos?.col ?? 1}`;
}

function item(f: Finding, file: string): string {
  const path = f.path && !f.message.includes(f.path) ? ` <span class="yusuan-path">(${htmlText(f.path)})</span>` : '';
  return (
    `<li class="yusuan-finding yusuan-${f.severity}"><span class="yusuan-where">${htmlText(where(f, file))}</span> ` +
    `<span class="yusuan-severity">${SEVERITY[f.severity]}</span> <span class="yusuan-message">${htmlText(f.message)}</span>${path} ` +
    `<code>[${htmlText(f.code)}]</code></li>`
  );
}

/** The panel: errors and warnings listed, notes folded away (a cent of rounding is not news). */
export function panel(state: PageState): string {
  const shown = state.findings.filter((f) => f.severity !== 'note');
  const notes = state.findings.filter((f) => f.severity === 'note');
  const errors = shown.filter((f) => f.severity === 'error').length;
  const parts: string[] = [];
  if (state.failure !== undefined) parts.push(`<p class="yusuan-failure">${htmlText(state.failure)}</p>`);
  if (shown.length) parts.push(`<ul>${shown.map((f) => item(f, state.file)).join('')}</ul>`);
  if (notes.length) parts.push(`<details><summary>${notes.length} 个提示 notes</summary><ul>${notes.map((f) => item(f, state.file)).join('')}</ul></details>`);
  if (errors || state.failure !== undefined)
    parts.push(`<p class="yusuan-stale">${state.html ? '下面是上一次没有错误时的文档。 Below is the last document built without errors.' : '数据改正后这里显示文档。 The document appears here once the data has no errors.'}</p>`);
  const status = errors || state.failure !== undefined ? 'yusuan-bad' : shown.length ? 'yusuan-warn' : 'yusuan-ok';
  return `<aside id="yusuan-preview" class="${status}" role="status">${parts.join('') || '<p>没有问题 No problems</p>'}</aside>`;
}

const PANEL_CSS = `
#yusuan-preview { font: 10pt/1.5 'Noto Sans SC', sans-serif; margin: 0; padding: .5em 1em; border-bottom: 2px solid #888; background: #f4f4f4; }
#yusuan-preview.yusuan-ok { padding: .2em 1em; color: #555; }
#yusuan-preview.yusuan-bad { background: #fde8e8; border-color: #c00; }
#yusuan-preview.yusuan-warn { background: #fff6db; border-color: #b80; }
#yusuan-preview ul { margin: .2em 0; padding-left: 1.2em; }
#yusuan-preview p { margin: .2em 0; }
#yusuan-preview .yusuan-where, #yusuan-preview code { font-family: monospace; }
#yusuan-preview .yusuan-error .yusuan-severity { color: #c00; font-weight: 700; }
#yusuan-preview .yusuan-warning .yusuan-severity { color: #a60; font-weight: 700; }
@media print { #yusuan-preview { display: none; } }
`;

/** The client: on every `version` event from /events, reload unless the page already shows it. */
function script(version: string): string {
  return `new EventSource('/events').addEventListener('version', (e) => { if (e.data !== ${JSON.stringify(version)}) location.reload(); });`;
}

const EMPTY = '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>yusuan preview</title>\n</head>\n<body>\n</body>\n</html>\n';

/** Where the raw-text elements and comments are: a `<body>` inside them (a CSS comment says one) is no tag. */
function rawRanges(html: string): Array<[number, number]> {
  return [...html.matchAll(/<!--[\s\S]*?-->|<(style|script|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi)].map((m) => [m.index, m.index + m[0].length]);
}

/** The first (or last) match of a tag pattern outside raw text and comments. */
function tagAt(html: string, pattern: RegExp, which: 'first' | 'last'): { start: number; end: number } | undefined {
  const raw = rawRanges(html);
  const tags = [...html.matchAll(new RegExp(pattern.source, 'gi'))].filter((m) => !raw.some(([a, b]) => m.index >= a && m.index < b));
  const m = which === 'first' ? tags[0] : tags.at(-1);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/**
 * The served copy. The tags are looked for in the document's markup outside raw text: data text
 * reaches the HTML only escaped, and a template's CSS comment may name `<body>`.
 */
export function previewPage(state: PageState, nonce: string, fontCssUrl: string): string {
  let html = state.html ?? EMPTY;
  const head = tagAt(html, /<\/head\s*>/, 'first');
  const style = `<link rel="stylesheet" href="${fontCssUrl}">\n<style>${PANEL_CSS}</style>\n`;
  html = head ? html.slice(0, head.start) + style + html.slice(head.start) : style + html;
  const body = tagAt(html, /<body\b[^>]*>/, 'first');
  const aside = `\n${panel(state)}\n`;
  // Without a <body> tag the panel goes where the body implicitly starts: after </head>, or first.
  const after = body?.end ?? tagAt(html, /<\/head\s*>/, 'first')?.end ?? 0;
  html = html.slice(0, after) + aside + html.slice(after);
  const end = tagAt(html, /<\/body\s*>/, 'last');
  const tag = `<script nonce="${nonce}">${script(state.version)}</script>\n`;
  return end ? html.slice(0, end.start) + tag + html.slice(end.start) : html + tag;
}
