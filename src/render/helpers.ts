// Template helpers: figures in, text out. Words stay in the templates; these only format and join.
import { Decimal } from 'decimal.js';
import type { HelperOptions } from 'handlebars';
import { UnconfirmedDecimal } from '../compute/unconfirmed.js';
import { cssString } from './escape.js';

type Num = Decimal | number | null | undefined;

function fixed2(x: Decimal | number): string {
  return new Decimal(x).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** A figure resting on a draft's `!unconfirmed` input, highlighted like a placeholder (templates/placeholder.css). */
function marked(x: Num, text: string): string {
  return x instanceof UnconfirmedDecimal && text !== '' ? `<mark class="unconfirmed">${text}</mark>` : text;
}

function isZero(x: Num): boolean {
  return x === null || x === undefined || new Decimal(x).isZero();
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
export function helpers(resolve: <T>(value: T) => T, around: (s: string, f: (text: string) => string) => string) {
  return {
    /** An amount with 2 decimals, rounded half-up on its own: 0 → "0.00". */
    amount: (x: Num) => marked(x, fixed2(x ?? 0)),
    /** A table cell: blank for zero, as the published tables print it. */
    cell: (x: Num) => marked(x, isZero(x) ? '' : fixed2(x!)),
    /** Zero as a bare "0", otherwise 2 decimals (the reference's wording of 三公 and procurement). */
    amount0: (x: Num) => marked(x, isZero(x) ? '0' : fixed2(x!)),
    /** A percentage with 2 decimals; no base shows as 0.00. */
    pct: (x: Num) => marked(x, fixed2(x ?? 0)),
    isZero,
    nonzero: (x: Num) => !isZero(x),
    eq: (a: unknown, b: unknown) => resolve(a) === resolve(b),
    not: (a: unknown) => !a,
    and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    inc: (n: number) => n + 1,
    cnum: (n: number) => chineseNumber(n),
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
    listItem(this: unknown, options: HelperOptions) {
      (options.data as { listItems?: string[] }).listItems?.push(options.fn(this).trim());
      return '';
    },
  };
}
