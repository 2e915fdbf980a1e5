// Template helpers: figures in, text out. Words stay in the templates; these only format and join,
// and format as the profile says (display unit, decimals, trailing zeros, separators), so no
// template formats a number by hand.
import { Decimal } from 'decimal.js';
import type { HelperOptions } from 'handlebars';
import { change } from '../compute/change.js';
import { percent } from '../compute/money.js';
import type { NumberFormat } from '../profile/index.js';
import { UnconfirmedDecimal } from '../compute/unconfirmed.js';
import { cssString } from './escape.js';

type Num = Decimal | number | null | undefined;

const decimal = (x: Num) => new Decimal(x ?? 0);

/** A figure resting on a draft's `!unconfirmed` input, highlighted like a placeholder (templates/placeholder.css). */
function marked(x: Num, text: string): string {
  return x instanceof UnconfirmedDecimal && text !== '' ? `<mark class="unconfirmed">${text}</mark>` : text;
}

function isZero(x: Num): boolean {
  return x === null || x === undefined || (x instanceof Decimal ? x : new Decimal(x)).isZero();
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二 (section numbers up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

/**
 * The helpers of one render. Data strings reach them as tokens (data-tokens.ts): `resolve` gives
 * the text a helper must compare or escape itself.
 */
export function helpers(resolve: <T>(value: T) => T, around: (s: string, f: (text: string) => string) => string, format: NumberFormat) {
  return {
    /** An amount in the display unit, rounded half-up on its own to the profile's decimals: 0 → "0.00". */
    amount: (x: Num) => marked(x, format.amount(x)),
    /** A table cell: blank for zero, as the published tables print it. */
    cell: (x: Num) => marked(x, isZero(x) ? '' : format.amount(x)),
    /** Zero as a bare "0", otherwise as `amount` (the reference's wording of 三公 and procurement). */
    amount0: (x: Num) => marked(x, isZero(x) ? '0' : format.amount(x)),
    /** A percentage to the profile's rate decimals; no base (null) shows as zero. */
    pct: (x: Num) => marked(x, format.rate(x)),
    /** A figure that is not money (an area): as `amount`, never converted to the display unit. */
    number: (x: Num) => format.number(x),
    /** The display unit: 万元 or 元. */
    currency: () => format.unit,
    /** `{{share part whole}}`: part / whole as a percentage, shown as `pct`; a zero whole shows as zero. */
    share: (part: Num, whole: Num) => format.rate(percent(decimal(part), decimal(whole))),
    /**
     * `{{change current prior}}`: the change between any two figures, as compute words Part 3's
     * (`amount`, `prior`, `delta` = |current − prior|, `pct` the rate, `up`, `zero`, `isNew`), for
     * `{{#with (change a b)}}…{{/with}}` or `{{> part3/change (change a b)}}`.
     */
    change: (current: Num, prior: Num) => change(decimal(current), prior === null || prior === undefined ? null : decimal(prior)),
    /** A change against a prior year of zero, worded by the profile's `zero_prior`: `{{zeroPrior delta}}`. */
    zeroPrior: (delta: Num) => format.zeroPrior(delta),
    /** `{{#if (isZero x)}}`: the figure is zero or absent. */
    isZero,
    /** `{{#if (nonzero x)}}`: the figure is not zero. */
    nonzero: (x: Num) => !isZero(x),
    /** `{{#if (eq a b)}}`: equal values (data text compared as the text it stands for). */
    eq: (a: unknown, b: unknown) => resolve(a) === resolve(b),
    /** `{{#if (not a)}}`. */
    not: (a: unknown) => !a,
    /** `{{#if (and a b …)}}`: every argument is true. */
    and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
    /** `{{#if (or a b …)}}`: some argument is true. */
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    /** `{{inc n}}`: n + 1, to number a loop from 1. */
    inc: (n: number) => n + 1,
    /** `{{add @index 9}}`: a + b, to number a loop from any start (Part 4 numbers a unit's terms after the bundled ones). */
    add: (a: number, b: number) => a + b,
    /** `{{cnum 12}}` → 十二: a section number in Chinese (up to 99). */
    cnum: (n: number) => chineseNumber(n),
    /** `{{join names "、"}}`: a list of texts joined (default 、). */
    join: (list: readonly string[], sep: unknown) => list.join(typeof sep === 'string' ? sep : '、'),
    /**
     * Text inside a CSS string in a <style> element. Data text stays a token, escaped for CSS where it
     * lands like any other (a helper never puts data text into the page itself); other text is escaped here.
     */
    cssText: (s: string) => around(String(s), cssString),
    /**
     * `{{#list "、"}}{{#if a}}{{#listItem}}甲{{/listItem}}{{/if}}…{{/list}}` joins the items that render, so a
     * template can word a list whose members are conditional.
     */
    list(this: unknown, sep: unknown, options?: HelperOptions) {
      const opts = (options ?? sep) as HelperOptions;
      const separator = typeof sep === 'string' ? sep : '、';
      const items: string[] = [];
      const data = { ...(opts.data as object), listItems: items };
      opts.fn(this, { data });
      return items.join(separator);
    },
    /** One item of `{{#list}}`: its content, trimmed, joins the list when it renders. */
    listItem(this: unknown, options: HelperOptions) {
      (options.data as { listItems?: string[] }).listItems?.push(options.fn(this).trim());
      return '';
    },
  };
}
