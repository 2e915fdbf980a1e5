// The diff as one self-contained HTML page (styles inline, nothing fetched), to attach to a review
// or open in a browser: a table of changed figures per section, then the changed sentences with
// the removed and added words marked.
import { htmlText as esc } from '../render/escape.js';
import type { DocumentDiff, SentenceChange } from './index.js';
import { PART_NAMES, showDifference, showValue } from './show.js';

export interface HtmlOptions {
  oldName?: string;
  newName?: string;
}

const STYLE = `
body { font-family: 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1.5em; color: #222; line-height: 1.6; }
h1 { font-size: 1.4em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { font-size: 1em; margin: 1.5em 0 .5em; color: #0b5394; }
.files { color: #555; } .files code { background: #f4f4f4; padding: 0 .3em; }
table { border-collapse: collapse; width: 100%; font-size: .95em; }
th, td { border: 1px solid #ddd; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f6f6f6; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.old { color: #a8071a; } td.new { color: #237804; } td.up { color: #237804; } td.down { color: #a8071a; }
ul.sentences { list-style: none; padding: 0; margin: 0; } ul.sentences li { margin: .2em 0 .6em; }
p.old, p.new { margin: 0; padding: .1em .5em; } p.old { background: #fff1f0; } p.new { background: #f6ffed; }
p.old::before { content: '− '; color: #a8071a; } p.new::before { content: '+ '; color: #237804; }
del { background: #ffa39e; text-decoration: line-through; } ins { background: #b7eb8f; text-decoration: none; }
.none { color: #555; }
`;

function sentenceHtml(c: SentenceChange): string {
  if (c.segments) {
    const side = (kind: 'removed' | 'added', tag: 'del' | 'ins') =>
      c.segments!.filter((s) => s.kind === 'same' || s.kind === kind).map((s) => (s.kind === 'same' ? esc(s.text) : `<${tag}>${esc(s.text)}</${tag}>`)).join('');
    return `<li><p class="old">${side('removed', 'del')}</p><p class="new">${side('added', 'ins')}</p></li>`;
  }
  return c.old !== null ? `<li><p class="old"><del>${esc(c.old)}</del></p></li>` : `<li><p class="new"><ins>${esc(c.new ?? '')}</ins></p></li>`;
}

export function formatDiffHtml(diff: DocumentDiff, options: HtmlOptions = {}): string {
  const out: string[] = [];
  const title = '预算公开文档对比 Document diff';
  out.push('<!doctype html>', '<html lang="zh-CN">', '<head>', '<meta charset="utf-8">', `<title>${esc(title)}</title>`, `<style>${STYLE}</style>`, '</head>', '<body>');
  out.push(`<h1>${esc(title)}</h1>`);
  if (options.oldName || options.newName)
    out.push(`<p class="files">原 <code>${esc(options.oldName ?? '')}</code> → 新 <code>${esc(options.newName ?? '')}</code></p>`);

  out.push(`<h2>数字 Figures：${diff.figures.length} 项变化</h2>`);
  if (!diff.figures.length) out.push('<p class="none">没有数字变化。 No figure changed.</p>');
  let group: string | undefined;
  for (const f of diff.figures) {
    if (f.group !== group) {
      if (group !== undefined) out.push('</tbody></table>');
      group = f.group;
      out.push(`<h3>${esc(group)}</h3>`, '<table><thead><tr><th>项目</th><th>原</th><th>新</th><th>差额</th></tr></thead><tbody>');
    }
    const d = showDifference(f);
    const trend = d.startsWith('+') ? ' up' : d.startsWith('-') ? ' down' : '';
    out.push(`<tr><td>${esc(f.label)}</td><td class="num old">${esc(showValue(f.kind, f.old))}</td><td class="num new">${esc(showValue(f.kind, f.new))}</td><td class="num${trend}">${esc(d)}</td></tr>`);
  }
  if (group !== undefined) out.push('</tbody></table>');

  out.push(`<h2>句子 Sentences：${diff.sentences.length} 处变化</h2>`);
  if (!diff.sentences.length) out.push('<p class="none">第一部分和第三部分的句子没有变化。 No sentence changed.</p>');
  let where: string | undefined;
  for (const c of diff.sentences) {
    const here = `${PART_NAMES[c.part] ?? c.part}${c.context ? ` › ${c.context}` : ''}`;
    if (here !== where) {
      if (where !== undefined) out.push('</ul>');
      where = here;
      out.push(`<h3>${esc(here)}</h3>`, '<ul class="sentences">');
    }
    out.push(sentenceHtml(c));
  }
  if (where !== undefined) out.push('</ul>');
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
