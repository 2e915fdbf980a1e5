// Groups of shares forced to sum to exactly 100 (profile `shares: largest_remainder`). A group is the
// shares that are siblings in one object or one list of the view — the parts of one whole, as compute
// makes them (Part 3's income items, basic/project, the 类 of a budget) — and only when their exact
// values do sum to 100: a group that does not cover its whole is left as computed.
import { Decimal } from 'decimal.js';

const HUNDRED = new Decimal(100);
const EPSILON = new Decimal('1e-12');

/** Largest remainder at `decimals`: floors, then one unit more to the largest remainders, earliest first on ties. */
export function largestRemainder(shares: readonly Decimal[], decimals: number): Decimal[] {
  const unit = new Decimal(10).pow(decimals);
  const scaled = shares.map((s) => s.times(unit));
  const floors = scaled.map((s) => s.floor());
  let left = HUNDRED.times(unit).minus(floors.reduce((a, b) => a.plus(b), new Decimal(0))).toNumber();
  const order = scaled.map((s, i) => ({ i, rest: s.minus(floors[i]!) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = floors[i]!.plus(1);
    left--;
  }
  return floors.map((f) => f.div(unit));
}

type Shared = { share: Decimal | null };
const isShared = (x: unknown): x is Shared => typeof x === 'object' && x !== null && !(x instanceof Decimal) && (x as Shared).share instanceof Decimal;

/** The view with every complete group of shares rounded by largest remainder (a copy; the view is not changed). */
export function roundShareGroups<T>(value: T, decimals: number): T {
  if (value === null || typeof value !== 'object' || value instanceof Decimal) return value;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const walked = entries.map(([k, v]) => [k, roundShareGroups(v, decimals)] as [string, unknown]);
  const members = walked.filter(([, v]) => isShared(v)) as [string, Shared][];
  const exact = members.map(([, v]) => v.share!);
  const sum = exact.reduce((a, b) => a.plus(b), new Decimal(0));
  // Exact shares are quotients at 40 digits: "sums to 100" allows for their last digit.
  if (members.length > 1 && sum.minus(HUNDRED).abs().lessThan(EPSILON)) {
    const rounded = largestRemainder(exact, decimals);
    members.forEach(([k, v], i) => {
      const at = walked.findIndex(([key]) => key === k);
      walked[at] = [k, { ...v, share: rounded[i] }];
    });
  }
  return (Array.isArray(value) ? walked.map(([, v]) => v) : Object.fromEntries(walked)) as T;
}
