// Within a changed sentence: which words and figures changed. A figure (6.23, 2.25%) is one token,
// so a reviewer sees 6.23 → 0.00 rather than a scatter of digits; every CJK character is one too.
import { diffSequences } from './lcs.js';

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
    } else if (prev && !('same' in prev)) {
      prev.removed += c.removed;
      prev.added += c.added;
    } else out.push({ ...c });
  }
  for (let i = 1; i + 1 < out.length; i++) {
    const [a, s, b] = [out[i - 1]!, out[i]!, out[i + 1]!];
    if ('same' in s && !('same' in a) && !('same' in b) && [...s.same].length <= 2) {
      out.splice(i - 1, 3, { removed: a.removed + s.same + b.removed, added: a.added + s.same + b.added });
      i = Math.max(0, i - 2);
    }
  }
  return out;
}

export function tokenDiff(before: string, after: string): Segment[] {
  const chunks: Chunk[] = diffSequences(tokens(before), tokens(after)).map((op) =>
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

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/\s+/g, '')];
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of character bigrams: 1 for the same text, near 0 for unrelated ones. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  let total = 0;
  for (const [g, n] of x) {
    common += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}
