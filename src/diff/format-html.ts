// The diff as one self-contained HTML page (styles inline, nothing fetched), to attach to a review,
// open in a browser or print: the summary, the changed figures with the tables they are in, then
// the changed sentences with the removed and added words marked. It prints on A4 with nothing lost
// in black and white: removed words are struck through and added ones underlined, as well as coloured.
import { htmlText as esc } from '../render/escape.js';
import type { DocumentDiff, FigureChange, SentenceChange } from './index.js';
import { givesReason } from './reasons.js';
import { partName, showDifference, showTables, showValue, type Only } from './show.js';
import { printed, printedChange, printedRate } from './summary.js';

export interface HtmlOptions {
  oldName?: string;
  newName?: string;
  /** One section only; `reasons`: the changed reasons and the sentences giving 主要原因. */
  only?: Only;
}

const STYLE = `
body { font-family: 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1.5em; color: #222; line-height: 1.6; }
h1 { font-size: 1.4em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { font-size: 1em; margin: 1.5em 0 .5em; color: #0b5394; }
.files { color: #555; } .files code { background: #f4f4f4; padding: 0 .3em; }
table { border-collapse: collapse; width: 100%; font-size: .95em; }
th, td { border: 1px solid #ddd; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f6f6f6; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.old { color: #a8071a; } td.new { color: #237804; } td.up { color: #237804; } td.down { color: #a8071a; }
td.added, td.removed { font-weight: bold; } td.where { white-space: nowrap; color: #555; }
tr.sub td:first-child { padding-left: 2em; }
ul.sentences { list-style: none; padding: 0; margin: 0; } ul.sentences li { margin: .2em 0 .6em; }
p.old, p.new { margin: 0; padding: .1em .5em; } p.old { background: #fff1f0; } p.new { background: #f6ffed; }
p.old::before { content: '− '; color: #a8071a; } p.new::before { content: '+ '; color: #237804; }
del { background: #ffa39e; text-decoration: line-through; } ins { background: #b7eb8f; text-decoration: underline; }
.none, .note { color: #555; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
`;

function marked(c: Pick<SentenceChange, 'old' | 'new' | 'segments'>): string {
  if (c.segments) {
    const side = (kind: 'removed' | 'added', tag: 'del' | 'ins') =>
      c.segments!.filter((s) => s.kind === 'same' || s.kind === kind).map((s) => (s.kind === 'same' ? esc(s.text) : `<${tag}>${esc(s.text)}</${tag}>`)).join('');
    return `<li><p class="old">${side('removed', 'del')}</p><p class="new">${side('added', 'ins')}</p></li>`;
  }
  return c.old !== null ? `<li><p class="old"><del>${esc(c.old)}</del></p></li>` : `<li><p class="new"><ins>${esc(c.new ?? '')}</ins></p></li>`;
}

function summaryHtml(diff: DocumentDiff): string[] {
  const out = ['<h2>摘要 Summary（万元，按文档印出的数）</h2>', '<table><thead><tr><th>项目</th><th>原</th><th>新</th><th>增减</th><th>增减幅度</th></tr></thead><tbody>'];
  for (const r of diff.summary ?? []) {
    const d = printedChange(r.change);
    const trend = d.startsWith('+') ? ' up' : d.startsWith('-') ? ' down' : '';
    out.push(
      `<tr${r.sub ? ' class="sub"' : ''}><td>${esc(r.label)}</td><td class="num old">${printed(r.old)}</td><td class="num new">${printed(r.new)}</td>` +
        `<td class="num${trend}">${esc(d)}</td><td class="num${trend}">${esc(printedRate(r.change))}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  return out;
}

function figureRow(f: FigureChange): string {
  const d = showDifference(f);
  const trend = f.status === 'added' ? ' added' : f.status === 'removed' ? ' removed' : d.startsWith('+') ? ' up' : d.startsWith('-') ? ' down' : '';
  return (
    `<tr><td>${esc(f.label)}</td><td class="num old">${esc(showValue(f.kind, f.old))}</td><td class="num new">${esc(showValue(f.kind, f.new))}</td>` +
    `<td class="num${trend}">${esc(d)}</td><td class="where">${esc(showTables(f.tables))}</td></tr>`
  );
}

function figuresHtml(diff: DocumentDiff): string[] {
  const out = [`<h2>数字 Figures：${diff.figures.length} 项变化（每个数字列一次，注明所在的表）</h2>`];
  if (!diff.figures.length) out.push('<p class="none">没有数字变化。 No figure changed.</p>');
  let group: string | undefined;
  for (const f of diff.figures) {
    if (f.group !== group) {
      if (group !== undefined) out.push('</tbody></table>');
      group = f.group;
      out.push(`<h3>${esc(group)}</h3>`, '<table><thead><tr><th>项目</th><th>原</th><th>新</th><th>差额</th><th>所在</th></tr></thead><tbody>');
    }
    out.push(figureRow(f));
  }
  if (group !== undefined) out.push('</tbody></table>');
  return out;
}

function sentenceList(changes: readonly SentenceChange[]): string[] {
  const out: string[] = [];
  let where: string | undefined;
  for (const c of changes) {
    const here = `${partName(c.part)}${c.context ? ` › ${c.context}` : ''}`;
    if (here !== where) {
      if (where !== undefined) out.push('</ul>');
      where = here;
      out.push(`<h3>${esc(here)}</h3>`, '<ul class="sentences">');
    }
    out.push(marked(c));
  }
  if (where !== undefined) out.push('</ul>');
  return out;
}

function sentencesHtml(diff: DocumentDiff): string[] {
  const out = [`<h2>句子 Sentences：${diff.sentences.length} 处变化</h2>`];
  if (diff.yearOnly?.length) out.push(`<p class="note">另有 ${diff.yearOnly.length} 处只是年度不同，未列出。 ${diff.yearOnly.length} more differ only in the year.</p>`);
  if (!diff.sentences.length) out.push(`<p class="none">${diff.parts.map(partName).join('和')}的句子没有变化。 No sentence changed.</p>`);
  return [...out, ...sentenceList(diff.sentences)];
}

function reasonsHtml(diff: DocumentDiff): string[] {
  const reasons = diff.reasons ?? [];
  const out = [`<h2>原因 Reasons：数据文件 reasons: ${reasons.length} 处变化</h2>`];
  if (!reasons.length) out.push('<p class="none">没有原因变化。 No reason changed.</p>');
  for (const r of reasons) out.push(`<h3>${esc(r.label)}</h3>`, '<ul class="sentences">', marked(r), '</ul>');
  const sentences = diff.sentences.filter(givesReason);
  out.push(`<h2>含“主要原因”的句子：${sentences.length} 处变化</h2>`, ...sentenceList(sentences));
  return out;
}

export function formatDiffHtml(diff: DocumentDiff, options: HtmlOptions = {}): string {
  const out: string[] = [];
  const title = '预算公开文档对比 Document diff';
  out.push('<!doctype html>', '<html lang="zh-CN">', '<head>', '<meta charset="utf-8">', `<title>${esc(title)}</title>`, `<style>${STYLE}</style>`, '</head>', '<body>');
  out.push(`<h1>${esc(title)}</h1>`);
  if (options.oldName || options.newName)
    out.push(`<p class="files">原 <code>${esc(options.oldName ?? '')}</code> → 新 <code>${esc(options.newName ?? '')}</code></p>`);
  const only = options.only;
  if (only === 'reasons') out.push(...reasonsHtml(diff));
  else {
    if (!only || only === 'summary') out.push(...summaryHtml(diff));
    if (!only || only === 'figures') out.push(...figuresHtml(diff));
    if (!only || only === 'sentences') out.push(...sentencesHtml(diff));
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
