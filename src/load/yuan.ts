// An amount typed in 元 where the file is in 万元 (`30201: 32000` in a unit of a few hundred 万元)
// upsets a table total far from the line; this says it at the line. The rule is deliberately
// narrow, since a real large figure must not be doubted: the amount is at least 1,000 times the
// median of the other amounts in its section and larger than the rest of the unit's budget.
import { Decimal } from 'decimal.js';
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Finding } from '../findings.js';
import { locate } from './locate.js';

/** Sections of figures in 万元 compared among themselves; each is measured against a budget. */
const SECTIONS: readonly { path: string; budget: 'budget' | 'prior.budget' }[] = [
  { path: 'budget', budget: 'budget' },
  { path: 'basic_economic', budget: 'budget' },
  { path: 'projects', budget: 'budget' },
  { path: 'three_public', budget: 'budget' },
  { path: 'procurement', budget: 'budget' },
  { path: 'prior.budget', budget: 'prior.budget' },
  { path: 'prior.three_public', budget: 'prior.budget' },
];

/** How many times the median of its section an amount must be to be doubted. */
export const YUAN_RATIO = 1000;

interface Figure {
  node: Node;
  path: string;
  value: Decimal;
}

const PLAIN_NUMBER = /^\d+(\.\d+)?$/;

/** The plain numbers under a node with their key paths (counts, years and codes are under keys skipped below). */
function figures(node: unknown, path: string, out: Figure[]): Figure[] {
  if (isScalar(node)) {
    const text = typeof node.source === 'string' ? node.source : '';
    if (node.type === 'PLAIN' && node.tag === undefined && PLAIN_NUMBER.test(text)) out.push({ node, path, value: new Decimal(text) });
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => figures(item, `${path}[${i}]`, out));
  } else if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.source ?? pair.key.value) : '';
      // Not amounts: a budget line's or project's code, the indicators' weights and counts.
      if (key === 'code' || key === 'indicators' || key === 'name') continue;
      figures(pair.value, `${path}.${key}`, out);
    }
  }
  return out;
}

/** Median of `sorted` without its item at `skip`: O(1), so that a section of 10⁵ lines stays linear. */
function medianWithout(sorted: readonly Decimal[], skip: number): Decimal {
  const n = sorted.length - 1;
  const at = (q: number) => sorted[q < skip ? q : q + 1]!;
  const mid = Math.floor(n / 2);
  return n % 2 ? at(mid) : at(mid - 1).plus(at(mid)).div(2);
}

function wan(value: Decimal): string {
  return value.decimalPlaces() <= 2 ? value.toFixed(2) : value.toFixed();
}

export function yuanAmounts(doc: Document.Parsed, lineCounter: LineCounter, file?: string): Finding[] {
  const findings: Finding[] = [];
  const totals = new Map<string, Decimal>();
  const total = (path: string) => {
    let sum = totals.get(path);
    if (!sum) {
      const at = locate(doc, path);
      sum = (at.exact ? figures(at.value, path, []) : []).reduce((a, f) => a.plus(f.value), new Decimal(0));
      totals.set(path, sum);
    }
    return sum;
  };
  for (const section of SECTIONS) {
    const at = locate(doc, section.path);
    if (!at.exact) continue;
    const all = figures(at.value, section.path, []);
    const nonzero = all.filter((f) => !f.value.isZero()).sort((a, b) => a.value.comparedTo(b.value));
    const sorted = nonzero.map((f) => f.value);
    if (sorted.length < 2) continue;
    for (const [k, f] of nonzero.entries()) {
      const rest = section.path === section.budget ? total(section.budget).minus(f.value) : total(section.budget);
      if (!f.value.gt(rest)) continue;
      const m = medianWithout(sorted, k);
      if (f.value.lt(m.times(YUAN_RATIO))) continue;
      const whole = section.path === section.budget ? '其余各行之和' : '总额';
      const range = f.node.range!;
      const { line, col } = lineCounter.linePos(range[0]);
      const written = f.value.toFixed();
      const inWan = wan(f.value.div(10_000));
      findings.push({
        code: 'AMOUNT_IN_YUAN',
        severity: 'warning',
        message:
          `${f.path} 疑似以元填写，应为万元：${written} 元 = ${inWan} 万元（它是本部分其他金额中位数 ${wan(m)} 的 ${f.value.div(m).toFixed(0)} 倍，且大于本单位预算${whole} ${wan(rest)}）。 ` +
          `${f.path} looks typed in 元 where 万元 is expected: ${written} 元 = ${inWan} 万元 (${f.value.div(m).toFixed(0)} times the median of the other amounts here, and more than the rest of the budget).`,
        path: f.path,
        file,
        pos: { line, col, start: range[0], end: range[1] },
      });
    }
  }
  return findings;
}
