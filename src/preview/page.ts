// The page `preview` serves: the document's HTML as `build` writes it, with three things added to
// this copy only — the bundled fonts' @font-face rules (served from /fonts/), a findings panel above
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

/** Inserts `text` before the first match of `pattern` (or after it, with `after`), else at `fallback`. */
function insert(html: string, pattern: RegExp, text: string, after: boolean, fallback: 'start' | 'end'): string {
  const m = pattern.exec(html);
  if (!m) return fallback === 'start' ? text + html : html + text;
  const at = after ? m.index + m[0].length : m.index;
  return html.slice(0, at) + text + html.slice(at);
}

/**
 * The served copy. Tags are found in the document's own markup: data text reaches the HTML only
 * escaped, so a `<body` or `</head>` there is a template's tag, never a data file's.
 */
export function previewPage(state: PageState, nonce: string, fontCss: string): string {
  let html = state.html ?? EMPTY;
  html = insert(html, /<\/head\s*>/i, `<style>\n${fontCss}\n${PANEL_CSS}</style>\n`, false, 'start');
  html = insert(html, /<body\b[^>]*>/i, `\n${panel(state)}\n`, true, 'start');
  const closing = html.toLowerCase().lastIndexOf('</body');
  const tag = `<script nonce="${nonce}">${script(state.version)}</script>\n`;
  return closing < 0 ? html + tag : html.slice(0, closing) + tag + html.slice(closing);
}
