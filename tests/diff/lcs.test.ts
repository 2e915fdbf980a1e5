// The sequence diff: always a correct edit script (it rebuilds both sides), shortest when within its
// budget, and bounded in memory and work for inputs whose n·m table would not fit in memory.
import { describe, expect, it } from 'vitest';
import { diffSequences, type Op } from '../../src/diff/lcs.js';
import { diffSentences } from '../../src/diff/index.js';
import { tokenDiff } from '../../src/diff/tokens.js';

function sides<T>(ops: Op<T>[]): [T[], T[]] {
  const a: T[] = [];
  const b: T[] = [];
  for (const op of ops) {
    if (op.kind !== 'insert') a.push(op.a);
    if (op.kind !== 'delete') b.push(op.b);
  }
  return [a, b];
}

/** Length of a longest common subsequence, by the quadratic table (small inputs only). */
function lcsLength<T>(a: T[], b: T[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const next = [0];
    for (let j = 0; j < b.length; j++) next.push(x === b[j] ? row[j]! + 1 : Math.max(row[j + 1]!, next[j]!));
    row = next;
  }
  return row[b.length]!;
}

let seed = 12345;
// 32-bit arithmetic: a product past 2^53 would lose digits and cycle early.
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
const randomText = (length: number, alphabet: string) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]!);

describe('diffSequences', () => {
  it('gives a shortest edit script that rebuilds both sides (500 random pairs)', () => {
    for (let round = 0; round < 500; round++) {
      const a = randomText(Math.floor(random() * 40), 'abcd');
      const b = randomText(Math.floor(random() * 40), 'abcd');
      const ops = diffSequences(a, b);
      expect(sides(ops)).toEqual([a, b]);
      expect(ops.filter((o) => o.kind === 'equal').length).toBe(lcsLength(a, b));
    }
  });

  it('past its work budget still rebuilds both sides, coarsely', () => {
    const a = randomText(3000, '甲乙丙丁戊');
    const b = randomText(3000, '甲乙丙丁戊');
    const ops = diffSequences(a, b, Object.is, { maxWork: 10_000 });
    expect(sides(ops)).toEqual([a, b]);
    const exact = diffSequences(a, b);
    expect(ops.filter((o) => o.kind === 'equal').length).toBeLessThan(exact.filter((o) => o.kind === 'equal').length);
  });

  it('a rewritten 60,000-character sentence: bounded memory and a correct result', () => {
    const a = randomText(60_000, '预算支出收入增加减少万元');
    const b = randomText(60_000, '预算支出收入增加减少万元');
    const heap = process.memoryUsage().heapUsed;
    const ops = diffSequences(a, b);
    // The n·m table of the old algorithm needed 14 GB here; linear space needs a few MB for its
    // vectors, plus the ops themselves.
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(200 * 1024 * 1024);
    expect(sides(ops)).toEqual([a, b]);
  });

  it('one sentence of 60,000 characters with a few edits: each edit found exactly', () => {
    const a = randomText(60_000, '预算支出收入增加减少万元');
    const b = [...a];
    for (const at of [5, 20_000, 40_000, 59_990]) b[at] = '×';
    const segments = tokenDiff(a.join(''), b.join(''));
    expect(segments.filter((s) => s.kind === 'added').map((s) => s.text)).toEqual(['×', '×', '×', '×']);
  });
});

describe('a document of many rewritten sentences', () => {
  it('shares one budget: once spent, each further sentence is shown whole, and every sentence is still listed', () => {
    const sentence = (i: number, side: string) => ({ part: 'part-3', context: '七、其他', text: `${side}${1000 + i}号说明${side}。` });
    const before = Array.from({ length: 3000 }, (_, i) => sentence(i, '原'));
    const after = Array.from({ length: 3000 }, (_, i) => sentence(i, '新'));
    const changes = diffSentences(before, after, { left: 50_000 });
    expect(changes).toHaveLength(3000);
    // Whole: only the common end (linear to find) is kept, not the common middle.
    expect(changes.at(-1)!.segments).toEqual([{ kind: 'removed', text: '原3999号说明原' }, { kind: 'added', text: '新3999号说明新' }, { kind: 'same', text: '。' }]);
    // With the default budget every pair is diffed word by word.
    expect(diffSentences(before, after).at(-1)!.segments!.filter((s) => s.kind === 'same').map((s) => s.text)).toEqual(['3999号说明', '。']);
  });
});
