// Longest common subsequence diff of two sequences: what stayed, what went, what came, in order.
// Quadratic in the part between the common prefix and suffix, which for a document's sentences
// (a few hundred) or one sentence's characters is small.

export type Op<T> =
  | { kind: 'equal'; a: T; b: T }
  | { kind: 'delete'; a: T }
  | { kind: 'insert'; b: T };

export function diffSequences<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): Op<T>[] {
  let start = 0;
  while (start < a.length && start < b.length && same(a[start]!, b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && same(a[endA - 1]!, b[endB - 1]!)) endA--, endB--;

  const n = endA - start;
  const m = endB - start;
  // lengths[i][j]: LCS length of a[start+i..endA) and b[start+j..endB).
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lengths[i]![j] = same(a[start + i]!, b[start + j]!) ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);

  const ops: Op<T>[] = [];
  for (let k = 0; k < start; k++) ops.push({ kind: 'equal', a: a[k]!, b: b[k]! });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(a[start + i]!, b[start + j]!)) {
      ops.push({ kind: 'equal', a: a[start + i]!, b: b[start + j]! });
      i++, j++;
    } else if (i < n && (j === m || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      ops.push({ kind: 'delete', a: a[start + i]! });
      i++;
    } else {
      ops.push({ kind: 'insert', b: b[start + j]! });
      j++;
    }
  }
  for (let k = 0; k < a.length - endA; k++) ops.push({ kind: 'equal', a: a[endA + k]!, b: b[endB + k]! });
  return ops;
}
