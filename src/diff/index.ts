// diff: what changed between the documents two data files give, for a reviewer comparing two
// versions or years — a summary of the main totals as printed, each stated figure that changed
// (once, with the tables it is printed in), the sentences of Parts 1 and 3, and the reasons given.
import { Decimal } from 'decimal.js';
import { produce, type DocumentOptions, type Produced, type RenderedDocument } from '../document.js';
import type { DisclosureData } from '../model.js';
import { figuresOf, GROUP_NAMES, priorFiguresOf, sharedNames, type Figure, type FigureValue } from './figures.js';
import { diffReasons, type ReasonChange } from './reasons.js';
import { summaryOf, type SummaryRow } from './summary.js';
import { diffSequences, type WorkBudget } from './lcs.js';
import { sectionOf, sentencesOf, type Sentence } from './sentences.js';
import { partName } from './show.js';
import { bigrams, dice, tokenDiff, type Bigrams, type Segment } from './tokens.js';

export type { Figure, FigureKind, FigureValue } from './figures.js';
export type { Sentence } from './sentences.js';
export type { SummaryRow } from './summary.js';
export type { ReasonChange } from './reasons.js';
export type { Segment } from './tokens.js';

export interface FigureChange extends Omit<Figure, 'value'> {
  old: FigureValue;
  new: FigureValue;
  /** new − old; null when either side is not a number. */
  difference: Decimal | null;
  /** 新增: only the new file has it (or had nothing); 删除: only the old one. */
  status: 'changed' | 'added' | 'removed';
}

export interface SentenceChange {
  part: string;
  context: string;
  /** null: the sentence is new. */
  old: string | null;
  /** null: the sentence is gone. */
  new: string | null;
  /** For a changed sentence: its parts, unchanged, removed and added. */
  segments: Segment[] | null;
}

export interface DocumentDiff {
  /** Totals, sources, basic/project, 三公, 会议费 and 培训费 (when either states them), 运行经费 of both documents, changed or not. */
  summary: SummaryRow[];
  /** Each stated figure that changed, once, at the level it is entered. */
  figures: FigureChange[];
  sentences: SentenceChange[];
  /** The sections whose sentences are compared, in the new document's order (`part-1`, `part-3`). */
  parts: string[];
  /** Sentences that differ only in the year (2024 → 2025, 2023 → 2024): counted, not listed. */
  yearOnly: SentenceChange[];
  /** The `reasons:` texts that changed (the 主要原因 the templates word). */
  reasons: ReasonChange[];
}

const absent = (v: FigureValue | undefined): boolean => v === undefined || v === null || (typeof v !== 'string' && new Decimal(v).isZero());

/** Figures are keyed alike in both lists; the new list's order, with what only the old one has after the last of its group. */
export function diffFigures(before: readonly Figure[], after: readonly Figure[]): FigureChange[] {
  const old = new Map(before.map((f) => [f.key, f]));
  const current = new Map(after.map((f) => [f.key, f]));
  const order: Figure[] = [...after];
  for (const f of before)
    if (!current.has(f.key)) {
      const at = order.map((g) => g.group).lastIndexOf(f.group);
      order.splice(at < 0 ? order.length : at + 1, 0, f);
    }
  const out: FigureChange[] = [];
  for (const f of order) {
    const a = old.get(f.key)?.value ?? null;
    const b = current.get(f.key)?.value ?? null;
    if (absent(a) && absent(b)) continue;
    const numeric = typeof a !== 'string' && typeof b !== 'string';
    if (numeric ? new Decimal(a ?? 0).eq(b ?? 0) : a === b) continue;
    const status = absent(a) ? 'added' : absent(b) ? 'removed' : 'changed';
    const difference = numeric ? new Decimal(b ?? 0).minus(a ?? 0) : null;
    // A zero on the side that has none is said as 新增 / 删除, never 0.00 → 11.11.
    out.push({ key: f.key, group: f.group, label: f.label, kind: f.kind, tables: f.tables, old: absent(a) ? null : a, new: absent(b) ? null : b, difference, status });
  }
  return out;
}

/** Whether two sentences are versions of one; each sentence's bigrams are counted once, not per comparison. */
function alikeness(): (a: string, b: string) => boolean {
  const cache = new Map<string, Bigrams>();
  const of = (text: string) => cache.get(text) ?? cache.set(text, bigrams(text)).get(text)!;
  return (a, b) => a === b || dice(of(a), of(b)) >= 0.5;
}

/**
 * Comparisons allowed when pairing alike sentences (each costs the length of a sentence): past it
 * the rest of a long run of rewritten sentences is listed as removed and added, not paired.
 */
const PAIRING_WORK = 200_000;

/** Comparisons for lining up the sentences of one part (each a comparison of two numbers). */
const SENTENCE_WORK = 5_000_000;

/**
 * Comparisons for the word diffs of all changed sentences of a document together: a few seconds at
 * most. Past it the remaining changed sentences are shown whole, not word by word.
 */
export const WORD_WORK = 15_000_000;

/** Sentences deleted and inserted at one place are paired when alike, so a reviewer sees the edit. */
function pairRun(
  deleted: Sentence[],
  inserted: Sentence[],
  context: (old: string) => string,
  alike: (a: string, b: string) => boolean,
  budget: WorkBudget,
): SentenceChange[] {
  // As many went as came: the same sentences of the template, reworded in place; else pair the alike.
  const ops = deleted.length === inserted.length
    ? deleted.map((a, i) => ({ kind: 'equal' as const, a, b: inserted[i]! }))
    : diffSequences(deleted, inserted, (a, b) => alike(a.text, b.text), { maxWork: PAIRING_WORK });
  return ops.map((op) =>
    op.kind === 'equal'
      ? { part: op.b.part, context: op.b.context, old: op.a.text, new: op.b.text, segments: tokenDiff(op.a.text, op.b.text, budget) }
      : op.kind === 'delete'
        ? { part: op.a.part, context: context(op.a.context), old: op.a.text, new: null, segments: null }
        : { part: op.b.part, context: op.b.context, old: null, new: op.b.text, segments: null },
  );
}

/** Old headings → the new document's corresponding ones (they differ when the year or name does). */
function headingMap(before: readonly Sentence[], after: readonly Sentence[], alike: (a: string, b: string) => boolean): (old: string) => string {
  const headings = (list: readonly Sentence[]) => [...new Set(list.map((s) => s.context))];
  const map = new Map<string, string>();
  for (const op of diffSequences(headings(before), headings(after), alike, { maxWork: PAIRING_WORK }))
    if (op.kind === 'equal') map.set(op.a, op.b);
  return (old) => map.get(old) ?? old;
}

export function diffSentences(before: readonly Sentence[], after: readonly Sentence[], budget: WorkBudget = { left: WORD_WORK }): SentenceChange[] {
  const out: SentenceChange[] = [];
  const alike = alikeness();
  const ids = new Map<string, number>();
  const textId = (s: Sentence): number => ids.get(s.text) ?? ids.set(s.text, ids.size).get(s.text)!;
  for (const part of new Set([...before, ...after].map((s) => s.part))) {
    const a = before.filter((s) => s.part === part);
    const b = after.filter((s) => s.part === part);
    const context = headingMap(a, b, alike);
    // Compared as numbers, one per distinct text: comparing the texts themselves cost 8 s for 20,000 sentences.
    const ops = diffSequences(a.map(textId), b.map(textId), Object.is, { maxWork: SENTENCE_WORK });
    let i = 0;
    let j = 0;
    let deleted: Sentence[] = [];
    let inserted: Sentence[] = [];
    const flush = () => {
      // A loop, not push(...): a run may hold more sentences than a call may take arguments.
      for (const change of pairRun(deleted, inserted, context, alike, budget)) out.push(change);
      deleted = [];
      inserted = [];
    };
    for (const op of ops) {
      if (op.kind === 'equal') {
        flush();
        i++, j++;
      } else if (op.kind === 'delete') deleted.push(a[i++]!);
      else inserted.push(b[j++]!);
    }
    flush();
  }
  return out;
}

/** Whether a changed sentence reads the same once the old years are replaced by the new ones. */
function yearOnly(oldYear: number, newYear: number): (c: SentenceChange) => boolean {
  const shift = newYear - oldYear;
  if (shift === 0) return () => false;
  const years = new Set([oldYear, oldYear - 1].map(String));
  return (c) => c.old !== null && c.new !== null && c.old.replace(/\d{4}/g, (y) => (years.has(y) ? String(Number(y) + shift) : y)) === c.new;
}

export interface Side {
  data: DisclosureData;
  document: RenderedDocument;
}

/**
 * The prior-year figures Part 3 compares with. Against the next year's file, the old file's own
 * budget is the base (a 上年数 that is not last year's budget is a slip to show); else the old prior.
 */
function priorDiff(before: Side, after: Side, names: ReturnType<typeof sharedNames>): FigureChange[] {
  const next = after.data.unit.year === before.data.unit.year + 1;
  const group = next ? GROUP_NAMES.priorOfNext : GROUP_NAMES.prior;
  const asPrior = (f: Figure): Figure => ({ ...f, group, tables: ['第三部分'] });
  const base = next
    ? [
        ...figuresOf(before.data, names).filter((f) => /^(budget|three_public|meeting|training)\./.test(f.key)).map(asPrior),
        asPrior({ key: 'operating_expense', group, label: '运行经费', kind: 'amount', tables: [], value: before.document.view.part3.operating_expense.amount }),
      ]
    : priorFiguresOf(before.data, names);
  return diffFigures(base, priorFiguresOf(after.data, names).map(asPrior)).map((f) => ({ ...f, key: `prior.${f.key}` }));
}

/**
 * Where the new document prints a figure: figures.ts names tables by id and the explanation 第三部分;
 * this is the document's own set, numbered its way (the ten-table set prints the 三公 and 会议费、培训费
 * in its t10mt, 表7, has no t7, t10 or t11, and explains in its 第二部分). A table it lacks is dropped.
 */
function printedIn(side: Side): (figure: FigureChange) => FigureChange {
  const numbers = new Map(side.document.layouts.tables.map((t) => [t.id, t.no]));
  const block = side.document.blocks.find((b) => b.classes.includes('part3'));
  const explanation = block && sectionOf(block);
  const part = explanation ? partName(explanation) : '第三部分';
  const rename = (name: string) => name.replaceAll('第三部分', part);
  return (figure) => ({
    ...figure,
    group: rename(figure.group),
    tables: figure.tables.flatMap((name) => {
      if (!/^t\d/.test(name)) return [rename(name)];
      const no = numbers.get(name);
      return no ? [`表${no}`] : [];
    }),
  });
}

export function diffDocuments(before: Side, after: Side): DocumentDiff {
  const names = sharedNames(before.data, after.data);
  const [old, current] = [sentencesOf(before.document.blocks), sentencesOf(after.document.blocks)];
  const sentences = diffSentences(old, current);
  const sameButYear = yearOnly(before.data.unit.year, after.data.unit.year);
  return {
    summary: summaryOf(before.document.view, after.document.view),
    figures: [...diffFigures(figuresOf(before.data, names), figuresOf(after.data, names)), ...priorDiff(before, after, names)].map(printedIn(after)),
    sentences: sentences.filter((c) => !sameButYear(c)),
    parts: [...new Set([...current, ...old].map((s) => s.part))],
    yearOnly: sentences.filter(sameButYear),
    reasons: diffReasons(before.data, after.data, names),
  };
}

export interface FileDiff {
  old: Produced;
  new: Produced;
  /** Absent when either file has errors (see their findings). */
  diff?: DocumentDiff;
}

export function diffFiles(oldFile: string, newFile: string, options: DocumentOptions = {}): FileDiff {
  const before = produce(oldFile, options);
  const after = produce(newFile, options);
  return {
    old: before,
    new: after,
    diff:
      before.document && after.document && before.loaded.data && after.loaded.data
        ? diffDocuments({ data: before.loaded.data, document: before.document }, { data: after.loaded.data, document: after.document })
        : undefined,
  };
}
