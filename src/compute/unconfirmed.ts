// Which shown figures rest on a draft's `!unconfirmed` inputs, so the document can mark them and
// nobody publishes last year's figure by mistake. Rather than thread a flag through every sum, the
// view is computed a second time with each unconfirmed amount moved by its own offset: a figure of
// the view that moves depends on one (a sum, a share, a change, a rate alike). The offsets are
// distinct irrationals' digits, large enough to survive any rounding, so no two sets of them cancel
// in practice. Where the second view's shape differs (a line that appears only when non-zero), every
// figure of that list is taken as dependent. Head counts are whole numbers printed as typed, not marked.
import { Decimal } from 'decimal.js';
import type { DisclosureData } from '../model.js';
import { compute } from './index.js';

type View = ReturnType<typeof compute>;

/** A figure of the view that depends on an unconfirmed input; the render helpers mark it. */
export class UnconfirmedDecimal extends Decimal {}

/** `budget[0].basic.general` → ['budget', '0', 'basic', 'general']. */
function keysOf(path: string): string[] {
  return path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
}

function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object' || value instanceof Decimal) return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
}

/** The data with each unconfirmed amount moved by an offset of its own. */
function perturbed(data: DisclosureData, paths: readonly string[]): DisclosureData {
  const out = clone(data);
  paths.forEach((path, i) => {
    const keys = keysOf(path);
    let parent: Record<string, unknown> | undefined = out as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) parent = parent && typeof parent === 'object' && Object.hasOwn(parent, k) ? (parent[k] as Record<string, unknown>) : undefined;
    const last = keys[keys.length - 1]!;
    if (parent && typeof parent === 'object' && Object.hasOwn(parent, last) && parent[last] instanceof Decimal)
      parent[last] = (parent[last] as Decimal).plus(new Decimal(i + 2).sqrt().toDecimalPlaces(6));
  });
  return out;
}

function markAll<T>(value: T): T {
  if (value instanceof Decimal) return new UnconfirmedDecimal(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(markAll) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markAll(v)])) as T;
}

/** `a` with each Decimal that differs in `b` (at the same place) made an UnconfirmedDecimal. */
function diffMark<T>(a: T, b: unknown): T {
  if (a instanceof Decimal) return (b instanceof Decimal && b.eq(a) ? a : new UnconfirmedDecimal(a)) as T;
  if (a === null || typeof a !== 'object') return a;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || b.length !== a.length) return markAll(a);
    return a.map((x, i) => diffMark(x, b[i])) as T;
  }
  if (b === null || typeof b !== 'object') return markAll(a);
  const other = b as Record<string, unknown>;
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, diffMark(v, Object.hasOwn(other, k) ? other[k] : undefined)])) as T;
}

/** The view with every figure that depends on an unconfirmed input (by key path) marked; the same view when there is none. */
export function markUnconfirmed(data: DisclosureData, view: View, paths: readonly string[]): View {
  if (paths.length === 0) return view;
  return diffMark(view, compute(perturbed(data, paths)));
}
