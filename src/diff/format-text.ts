// The diff for a terminal: the summary and the changed figures as aligned columns, changed
// sentences as -/+ lines with the changed words marked.
// Colour (ANSI) only when asked for, which the CLI does when standard output is a terminal. Every
// piece of data text is shown through terminalText first, so it cannot carry escape sequences of its own.
import { terminalText as t } from '../render/escape.js';
import { displayWidth } from '../render/text.js';
import type { DocumentDiff, SentenceChange } from './index.js';
import { givesReason } from './reasons.js';
import { partName, showDifference, showTables, showValue, type Only } from './show.js';
import { printed, printedChange, printedRate } from './summary.js';

export interface TextOptions {
  /** ANSI colour. Default false. */
  color?: boolean;
  /** Names shown in the heading. */
  oldName?: string;
  newName?: string;
  /** One section only; `reasons`: the changed reasons and the sentences giving 主要原因. */
  only?: Only;
}

const LABEL_WIDTH = 56;

const ANSI = { bold: '1', dim: '2', red: '31', green: '32', cyan: '36', redBg: '41;97', greenBg: '42;30' } as const;

function painter(color: boolean) {
  return (style: keyof typeof ANSI, text: string) => (color && text ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
}

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

function sentenceLines(c: Pick<SentenceChange, 'old' | 'new' | 'segments'>, paint: ReturnType<typeof painter>, color: boolean): string[] {
  if (c.segments) {
    // Without colour the changed words are bracketed as wdiff does: [-removed-] {+added+}.
    const mark = (kind: 'removed' | 'added', text: string) => (color ? text : kind === 'removed' ? `[-${text}-]` : `{+${text}+}`);
    const side = (kind: 'removed' | 'added', base: 'red' | 'green', marked: 'redBg' | 'greenBg') =>
      c.segments!.filter((s) => s.kind === 'same' || s.kind === kind).map((s) => (s.kind === 'same' ? paint(base, t(s.text)) : paint(marked, mark(kind, t(s.text))))).join('');
    return [`  ${paint('red', '-')} ${side('removed', 'red', 'redBg')}`, `  ${paint('green', '+')} ${side('added', 'green', 'greenBg')}`];
  }
  return c.old !== null ? [`  ${paint('red', `- ${t(c.old)}`)}`] : [`  ${paint('green', `+ ${t(c.new ?? '')}`)}`];
}

function table(rows: string[][], right: readonly boolean[]): string[][] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows.map((r) => r.map((cell, i) => (right[i] ? padStart(cell, widths[i]!) : padEnd(cell, Math.min(widths[i]!, LABEL_WIDTH)))));
}

function summaryLines(diff: DocumentDiff, paint: ReturnType<typeof painter>): string[] {
  const rows = (diff.summary ?? []).map((r) => [
    `${r.sub ? '  ' : ''}${t(r.label)}`, printed(r.old), printed(r.new), printedChange(r.change), printedRate(r.change),
  ]);
  if (!rows.length) return [];
  const cells = table([['', '原', '新', '增减', '增减幅度'], ...rows], [false, true, true, true, true]);
  return [
    paint('bold', '摘要 Summary（万元，按文档印出的数）'),
    ...cells.map((c) => `  ${c.join('  ')}`.trimEnd()),
  ];
}

function figureLines(diff: DocumentDiff, paint: ReturnType<typeof painter>): string[] {
  const lines = [paint('bold', `数字 Figures：${diff.figures.length} 项变化 changed（每个数字列一次，注明所在的表）`)];
  const rows = diff.figures.map((f) => ({
    f,
    label: t(f.label),
    old: t(showValue(f.kind, f.old)),
    now: t(showValue(f.kind, f.new)),
    d: t(showDifference(f)),
    where: t(showTables(f.tables)),
  }));
  const w = {
    // A very long label (a project's name) runs over rather than pushing every row right.
    label: Math.min(LABEL_WIDTH, Math.max(0, ...rows.map((r) => displayWidth(r.label)))),
    old: Math.max(2, ...rows.map((r) => displayWidth(r.old))),
    now: Math.max(2, ...rows.map((r) => displayWidth(r.now))),
    d: Math.max(2, ...rows.map((r) => displayWidth(r.d))),
  };
  let group = '';
  for (const r of rows) {
    if (r.f.group !== group) {
      group = r.f.group;
      lines.push('', paint('cyan', t(group)));
    }
    const d = r.f.status === 'changed' || r.f.status === undefined ? padStart(r.d, w.d) : paint('bold', padStart(r.d, w.d));
    const line = `  ${padEnd(r.label, w.label)}  ${paint('red', padStart(r.old, w.old))} → ${paint('green', padStart(r.now, w.now))}  ${d}  ${r.where}`;
    lines.push(line.trimEnd());
  }
  return lines;
}

function sentenceBlock(changes: readonly SentenceChange[], paint: ReturnType<typeof painter>, color: boolean): string[] {
  const lines: string[] = [];
  let where = '';
  for (const c of changes) {
    const here = `${partName(c.part)}${c.context ? ` › ${c.context}` : ''}`;
    if (here !== where) {
      where = here;
      lines.push('', paint('cyan', t(here)));
    }
    lines.push(...sentenceLines(c, paint, color));
  }
  return lines;
}

function sentenceSection(diff: DocumentDiff, paint: ReturnType<typeof painter>, color: boolean): string[] {
  const perPart = diff.parts.map((id) => `${partName(id)} ${diff.sentences.filter((s) => s.part === id).length} 处`);
  const years = diff.yearOnly?.length ? `；另有 ${diff.yearOnly.length} 处只是年度不同，未列出 (${diff.yearOnly.length} differ only in the year)` : '';
  return [paint('bold', `句子 Sentences：${perPart.join('，')}变化 changed${years}`), ...sentenceBlock(diff.sentences, paint, color)];
}

function reasonSection(diff: DocumentDiff, paint: ReturnType<typeof painter>, color: boolean): string[] {
  const reasons = diff.reasons ?? [];
  const lines = [paint('bold', `原因 Reasons：数据文件 reasons: ${reasons.length} 处变化 changed`)];
  for (const r of reasons) lines.push('', paint('cyan', t(r.label)), ...sentenceLines(r, paint, color));
  const sentences = diff.sentences.filter(givesReason);
  lines.push('', paint('bold', `含“主要原因”的句子 Sentences giving reasons：${sentences.length} 处变化 changed`), ...sentenceBlock(sentences, paint, color));
  return lines;
}

export function formatDiffText(diff: DocumentDiff, options: TextOptions = {}): string {
  const color = options.color ?? false;
  const paint = painter(color);
  const lines: string[] = [];
  if (options.oldName || options.newName) lines.push(paint('bold', `yusuan diff  ${t(options.oldName ?? '')} → ${t(options.newName ?? '')}`), '');
  const only = options.only;
  if (only === 'reasons') lines.push(...reasonSection(diff, paint, color));
  else if (!diff.figures.length && !diff.sentences.length && !only) {
    lines.push('两份数据生成的文档相同：没有数字或句子变化。 The two documents are the same.');
  } else {
    const sections = [
      !only || only === 'summary' ? summaryLines(diff, paint) : [],
      !only || only === 'figures' ? figureLines(diff, paint) : [],
      !only || only === 'sentences' ? sentenceSection(diff, paint, color) : [],
    ].filter((s) => s.length);
    sections.forEach((s, i) => lines.push(...(i ? ['', ...s] : s)));
  }
  return lines.join('\n') + '\n';
}
