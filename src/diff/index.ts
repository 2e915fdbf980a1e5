// diff: what changed between the documents two data files give — every figure (old, new,
// difference) and every sentence of Parts 1 and 3 — for a reviewer comparing two versions or years.
import { Decimal } from 'decimal.js';
import { produce, type DocumentOptions, type Produced, type RenderedDocument } from '../document.js';
import { figuresOf, type Figure, type FigureValue } from './figures.js';
import { diffSequences, type WorkBudget } from './lcs.js';
import { sentencesOf, type Sentence } from './sentences.js';
import { bigrams, dice, tokenDiff, type Bigrams, type Segment } from './tokens.js';

export type { Figure, FigureKind, FigureValue } from './figures.js';
export type { Sentence } from './sentences.js';
export type { Segment } from './tokens.js';

export interface FigureChange extends Omit<Figure, 'value'> {
  old: FigureValue;
  new: FigureValue;
  /** new − old; null when either side is not a number (a placeholder). */
  difference: Decimal | null;
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
  figures: FigureChange[];
  sentences: SentenceChange[];
}

function numeric(v: FigureValue): Decimal | null {
  if (v === null) return new Decimal(0);
  if (typeof v === 'string') return null;
  return new Decimal(v);
}

/** Percentages are compared as shown (2 decimals); amounts and counts exactly; nothing equals zero. */
function sameValue(kind: Figure['kind'], a: FigureValue, b: FigureValue): boolean {
  const x = numeric(a);
  const y = numeric(b);
  if (x === null || y === null) return a === b;
  return kind === 'percent' ? x.toDecimalPlaces(2).eq(y.toDecimalPlaces(2)) : x.eq(y);
}

export function diffFigures(before: readonly Figure[], after: readonly Figure[]): FigureChange[] {
  const old = new Map(before.map((f) => [f.key, f]));
  const seen = new Set<string>();
  // New document's order; a figure the old one alone has goes after the last figure of its group.
  const order: Figure[] = [...after];
  for (const f of before)
    if (!after.some((g) => g.key === f.key)) {
      const at = order.map((g) => g.group).lastIndexOf(f.group);
      order.splice(at < 0 ? order.length : at + 1, 0, f);
    }
  const out: FigureChange[] = [];
  const current = new Map(after.map((f) => [f.key, f]));
  for (const f of order) {
    if (seen.has(f.key)) continue;
    seen.add(f.key);
    const a = old.get(f.key)?.value ?? null;
    const b = current.get(f.key)?.value ?? null;
    if (sameValue(f.kind, a, b)) continue;
    const [x, y] = [numeric(a), numeric(b)];
    out.push({ key: f.key, group: f.group, label: f.label, kind: f.kind, old: a, new: b, difference: x && y ? y.minus(x) : null });
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

export function diffDocuments(before: RenderedDocument, after: RenderedDocument): DocumentDiff {
  return {
    figures: diffFigures(figuresOf(before.view), figuresOf(after.view)),
    sentences: diffSentences(sentencesOf(before.blocks), sentencesOf(after.blocks)),
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
    diff: before.document && after.document ? diffDocuments(before.document, after.document) : undefined,
  };
}
