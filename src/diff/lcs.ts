// A shortest edit script of two sequences: what stayed, what went, what came, in order.
// Myers' O(ND) algorithm in linear space (the "middle snake" bisection, as in diff-match-patch):
// memory grows with the length of the inputs, never with their product, and time with their
// length times the number of differences. A full n·m table took 13 GB for one rewritten
// 60,000-character sentence. Past a work budget the part not yet resolved is shown coarsely,
// all of it removed then all of it added: still a correct diff, only less fine-grained.

export type Op<T> =
  | { kind: 'equal'; a: T; b: T }
  | { kind: 'delete'; a: T }
  | { kind: 'insert'; b: T };

/** Comparisons left; shared by the diffs of one document, so their total is bounded too. */
export interface WorkBudget {
  left: number;
}

export interface DiffLimits {
  /**
   * Comparisons allowed before the rest is diffed coarsely. Default 20 million (a second or two);
   * lower it when `same` is costly.
   */
  maxWork?: number;
  /** A budget shared with other diffs; overrides maxWork. */
  budget?: WorkBudget;
}

export const DEFAULT_MAX_WORK = 20_000_000;

export function diffSequences<T>(
  a: readonly T[],
  b: readonly T[],
  same: (x: T, y: T) => boolean = Object.is,
  limits: DiffLimits = {},
): Op<T>[] {
  const ops: Op<T>[] = [];
  const budget = limits.budget ?? { left: limits.maxWork ?? DEFAULT_MAX_WORK };
  const equal = (i: number, j: number): boolean => {
    budget.left--;
    return same(a[i]!, b[j]!);
  };

  function coarse(a0: number, a1: number, b0: number, b1: number): void {
    for (let i = a0; i < a1; i++) ops.push({ kind: 'delete', a: a[i]! });
    for (let j = b0; j < b1; j++) ops.push({ kind: 'insert', b: b[j]! });
  }

  function compare(a0: number, a1: number, b0: number, b1: number): void {
    while (a0 < a1 && b0 < b1 && equal(a0, b0)) ops.push({ kind: 'equal', a: a[a0++]!, b: b[b0++]! });
    let suffix = 0;
    while (a1 - suffix > a0 && b1 - suffix > b0 && equal(a1 - suffix - 1, b1 - suffix - 1)) suffix++;
    a1 -= suffix;
    b1 -= suffix;
    if (a0 === a1 || b0 === b1 || budget.left <= 0) coarse(a0, a1, b0, b1);
    else {
      const split = bisect(a0, a1, b0, b1);
      if (split) {
        compare(a0, split[0], b0, split[1]);
        compare(split[0], a1, split[1], b1);
      } else coarse(a0, a1, b0, b1);
    }
    for (let k = suffix; k > 0; k--) ops.push({ kind: 'equal', a: a[a1 + suffix - k]!, b: b[b1 + suffix - k]! });
  }

  /**
   * Where a shortest path through the edit graph of a[a0..a1) × b[b0..b1) crosses its middle, found
   * by walking from both corners at once; undefined when the budget runs out first. Both ranges are
   * non-empty and differ at both ends, so the split leaves two strictly smaller problems.
   */
  function bisect(a0: number, a1: number, b0: number, b1: number): [number, number] | undefined {
    const n = a1 - a0;
    const m = b1 - b0;
    const maxD = Math.ceil((n + m) / 2);
    const offset = maxD;
    const size = 2 * maxD + 2;
    const forward = new Int32Array(size).fill(-1);
    const reverse = new Int32Array(size).fill(-1);
    forward[offset + 1] = 0;
    reverse[offset + 1] = 0;
    const delta = n - m;
    const front = delta % 2 !== 0;
    let k1start = 0;
    let k1end = 0;
    let k2start = 0;
    let k2end = 0;
    for (let d = 0; d < maxD; d++) {
      if (budget.left <= 0) return undefined;
      for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
        const i1 = offset + k1;
        let x1 = k1 === -d || (k1 !== d && forward[i1 - 1]! < forward[i1 + 1]!) ? forward[i1 + 1]! : forward[i1 - 1]! + 1;
        let y1 = x1 - k1;
        while (x1 < n && y1 < m && equal(a0 + x1, b0 + y1)) x1++, y1++;
        forward[i1] = x1;
        if (x1 > n) k1end += 2;
        else if (y1 > m) k1start += 2;
        else if (front) {
          const i2 = offset + delta - k1;
          if (i2 >= 0 && i2 < size && reverse[i2] !== -1 && x1 >= n - reverse[i2]!) return [a0 + x1, b0 + y1];
        }
      }
      for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
        const i2 = offset + k2;
        let x2 = k2 === -d || (k2 !== d && reverse[i2 - 1]! < reverse[i2 + 1]!) ? reverse[i2 + 1]! : reverse[i2 - 1]! + 1;
        let y2 = x2 - k2;
        while (x2 < n && y2 < m && equal(a1 - x2 - 1, b1 - y2 - 1)) x2++, y2++;
        reverse[i2] = x2;
        if (x2 > n) k2end += 2;
        else if (y2 > m) k2start += 2;
        else if (!front) {
          const i1 = offset + delta - k2;
          if (i1 >= 0 && i1 < size && forward[i1] !== -1) {
            const x1 = forward[i1]!;
            const y1 = offset + x1 - i1;
            if (x1 >= n - x2) return [a0 + x1, b0 + y1];
          }
        }
      }
    }
    // No common element at all: the coarse diff is the exact one.
    return undefined;
  }

  compare(0, a.length, 0, b.length);
  return ops;
}
