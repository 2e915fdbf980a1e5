// Within a changed sentence: which words and figures changed. A figure (6.23, 2.25%) is one token,
// so a reviewer sees 6.23 → 0.00 rather than a scatter of digits; every CJK character is one too.
import { diffSequences, type WorkBudget } from './lcs.js';

export interface Segment {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

export function tokens(text: string): string[] {
  return text.match(/\d+(?:\.\d+)?%?|[A-Za-z]+|\s+|./gsu) ?? [];
}

type Chunk = { same: string } | { removed: string; added: string };

/**
 * A short unchanged stretch between two changes (a space, one character) is folded into them, so a
 * reworded phrase reads as one change rather than a scatter of single characters.
 */
function fold(chunks: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const prev = out[out.length - 1];
    if ('same' in c) {
      if (prev && 'same' in prev) prev.same += c.same;
      else out.push({ ...c });
      continue;
    }
    if (prev && !('same' in prev)) {
      prev.removed += c.removed;
      prev.added += c.added;
      continue;
    }
    // One pass, so a sentence of many thousand tokens folds in linear time: a change after
    // [change, short same] joins them; the change before it was itself preceded by a long stretch.
    const before = out[out.length - 2];
    if (prev && 'same' in prev && before && !('same' in before) && [...prev.same].length <= 2) {
      out.length -= 2;
      out.push({ removed: before.removed + prev.same + c.removed, added: before.added + prev.same + c.added });
    } else out.push({ ...c });
  }
  return out;
}

/** `budget`: comparisons shared with the other sentences of a document; once spent, a sentence shows whole (removed, then added). */
export function tokenDiff(before: string, after: string, budget?: WorkBudget): Segment[] {
  const chunks: Chunk[] = diffSequences(tokens(before), tokens(after), Object.is, { budget }).map((op) =>
    op.kind === 'equal' ? { same: op.a } : op.kind === 'delete' ? { removed: op.a, added: '' } : { removed: '', added: op.b },
  );
  const out: Segment[] = [];
  const push = (kind: Segment['kind'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last?.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  // Removed text of one changed stretch first, then the added: `-减少 6.23` `+增加 0.00`, not interleaved.
  for (const c of fold(chunks)) {
    if ('same' in c) push('same', c.same);
    else {
      push('removed', c.removed);
      push('added', c.added);
    }
  }
  return out;
}

export type Bigrams = Map<string, number>;

export function bigrams(text: string): Bigrams {
  const chars = [...text.replace(/\s+/g, '')];
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of two texts' character bigrams (see `bigrams`), computed once per text by the caller. */
export function dice(x: Bigrams, y: Bigrams): number {
  let common = 0;
  let total = 0;
  for (const [g, n] of x) {
    common += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}
