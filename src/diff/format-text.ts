// The diff for a terminal: changed figures as aligned columns, changed sentences as -/+ lines.
// Colour (ANSI) only when asked for, which the CLI does when standard output is a terminal. Every
// piece of data text is shown through terminalText first, so it cannot carry escape sequences of its own.
import { terminalText as t } from '../render/escape.js';
import { displayWidth } from '../render/text.js';
import type { DocumentDiff, SentenceChange } from './index.js';
import { PART_NAMES, showDifference, showValue } from './show.js';

export interface TextOptions {
  /** ANSI colour. Default false. */
  color?: boolean;
  /** Names shown in the heading. */
  oldName?: string;
  newName?: string;
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

function sentenceLines(c: SentenceChange, paint: ReturnType<typeof painter>): string[] {
  if (c.segments) {
    const side = (kind: 'removed' | 'added', base: 'red' | 'green', mark: 'redBg' | 'greenBg') =>
      c.segments!.filter((s) => s.kind === 'same' || s.kind === kind).map((s) => paint(s.kind === 'same' ? base : mark, t(s.text))).join('');
    return [`  ${paint('red', '-')} ${side('removed', 'red', 'redBg')}`, `  ${paint('green', '+')} ${side('added', 'green', 'greenBg')}`];
  }
  return c.old !== null ? [`  ${paint('red', `- ${t(c.old)}`)}`] : [`  ${paint('green', `+ ${t(c.new ?? '')}`)}`];
}

export function formatDiffText(diff: DocumentDiff, options: TextOptions = {}): string {
  const paint = painter(options.color ?? false);
  const lines: string[] = [];
  if (options.oldName || options.newName) lines.push(paint('bold', `yusuan diff  ${t(options.oldName ?? '')} → ${t(options.newName ?? '')}`), '');
  if (!diff.figures.length && !diff.sentences.length) {
    lines.push('两份数据生成的文档相同：没有数字或句子变化。 The two documents are the same.');
    return lines.join('\n') + '\n';
  }

  lines.push(paint('bold', `数字 Figures：${diff.figures.length} 项变化 changed`));
  const rows = diff.figures.map((f) => ({ f, label: t(f.label), old: t(showValue(f.kind, f.old)), now: t(showValue(f.kind, f.new)), d: t(showDifference(f)) }));
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
    const line = `  ${padEnd(r.label, w.label)}  ${paint('red', padStart(r.old, w.old))} → ${paint('green', padStart(r.now, w.now))}  ${padStart(r.d, w.d)}`;
    lines.push(line.trimEnd());
  }

  const perPart = Object.entries(PART_NAMES).map(([id, name]) => `${name} ${diff.sentences.filter((s) => s.part === id).length} 处`);
  lines.push('', paint('bold', `句子 Sentences：${perPart.join('，')}变化 changed`));
  let where = '';
  for (const c of diff.sentences) {
    const here = `${PART_NAMES[c.part] ?? c.part}${c.context ? ` › ${c.context}` : ''}`;
    if (here !== where) {
      where = here;
      lines.push('', paint('cyan', t(here)));
    }
    lines.push(...sentenceLines(c, paint));
  }
  return lines.join('\n') + '\n';
}
