// A small schema language: one definition both validates YAML nodes (with positions, collecting
// every finding) and emits the JSON Schema shipped for editors, so the two can never drift apart.
import { Decimal } from 'decimal.js';
import { isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, type Pair, type Scalar } from 'yaml';
import type { Finding, Position, Severity } from '../findings.js';
import { hasPlaceholder, isPlaceholder, type Placeholder } from '../placeholder.js';
import { didYouMean } from './did-you-mean.js';
import { MAX_AMOUNT_DIGITS, MAX_FINDINGS, MAX_INT, MAX_TEXT_CHARS, shown } from './limits.js';

/** A value a draft still has to settle: a `!unconfirmed` figure or a `【待填写：…】` placeholder. */
export interface DraftMark {
  path: string;
  pos?: Position;
}

export interface Ctx {
  findings: Finding[];
  lineCounter: LineCounter;
  file?: string;
  /** Figures tagged `!unconfirmed` (a draft's carried-over or emptied figures), when collected. */
  unconfirmed?: DraftMark[];
  /** Values holding a `【待填写：…】` placeholder, when collected. */
  placeholders?: DraftMark[];
  /** Findings past MAX_FINDINGS, counted rather than kept; the loader reports their number once. */
  omitted?: { count: number; pos?: Position };
}

/** The YAML tag a draft puts on each figure carried over from last year (or emptied). */
export const UNCONFIRMED_TAG = '!unconfirmed';

function isUnconfirmed(node: unknown): boolean {
  return isScalar(node) && node.tag === UNCONFIRMED_TAG;
}

/** A tag other than `!unconfirmed` (`!!str 23.79`, `!x 224.04`): a figure is typed as a plain number. */
function foreignTag(node: unknown): boolean {
  return isScalar(node) && node.tag !== undefined && node.tag !== UNCONFIRMED_TAG;
}

function mark(ctx: Ctx, list: 'unconfirmed' | 'placeholders', node: unknown, path: string): void {
  ctx[list]?.push({ path, pos: position(ctx, node) });
}

/** `!unconfirmed ~` or a bare `!unconfirmed`: an emptied draft figure, read as 0. */
function isEmptyUnconfirmed(node: unknown, source: string | undefined): boolean {
  return isUnconfirmed(node) && (source === undefined || source === '' || /^(~|null|Null|NULL)$/.test(source));
}

const PLACEHOLDER_JSON = { type: 'string', pattern: '^【待填写.*】$', description: '草稿占位：【待填写：说明】' };

type JsonSchema = Record<string, unknown>;

export interface Schema<T> {
  parse(node: unknown, ctx: Ctx, path: string): T | undefined;
  json(): JsonSchema;
  /** Optional fields may be absent; `fallback` is used then. */
  optional?: boolean;
  fallback?: () => T;
}

export function position(ctx: Ctx, node: unknown): Position | undefined {
  const range = (node as Node | undefined)?.range;
  if (!range) return undefined;
  const { line, col } = ctx.lineCounter.linePos(range[0]);
  return { line, col, start: range[0], end: range[1] };
}

export function report(
  ctx: Ctx,
  node: unknown,
  path: string,
  code: string,
  message: string,
  severity: Severity = 'error',
): void {
  if (ctx.findings.length >= MAX_FINDINGS) {
    ctx.omitted ??= { count: 0, pos: position(ctx, node) };
    ctx.omitted.count++;
    return;
  }
  ctx.findings.push({ code, severity, message, path, file: ctx.file, pos: position(ctx, node) });
}

function scalarText(node: Scalar): string {
  return typeof node.source === 'string' ? node.source : String(node.value);
}

function wrongType(ctx: Ctx, node: unknown, path: string, zh: string, en: string): undefined {
  report(ctx, node, path, 'WRONG_TYPE', `${path} 应为${zh}。 ${path} must be ${en}.`);
  return undefined;
}

/** Free text; a number typed where text is wanted keeps its source form (e.g. `0.05`). */
export function text(description?: string): Schema<string> {
  return {
    parse(node, ctx, path) {
      if (!isScalar(node) || node.value === null || typeof node.value === 'boolean')
        return wrongType(ctx, node, path, '文本', 'text');
      const value = scalarText(node);
      if (value.length > MAX_TEXT_CHARS) {
        report(ctx, node, path, 'LIMIT_EXCEEDED', `${path} 超过 ${MAX_TEXT_CHARS} 个字符。 ${path} is longer than ${MAX_TEXT_CHARS} characters.`);
        return undefined;
      }
      if (hasPlaceholder(value)) mark(ctx, 'placeholders', node, path);
      return value;
    },
    json: () => ({ type: ['string', 'number'], ...(description ? { description } : {}) }),
  };
}

export function oneOf<T extends string>(values: readonly T[], description?: string): Schema<T> {
  return {
    parse(node, ctx, path) {
      const value = isScalar(node) ? scalarText(node) : undefined;
      if (value !== undefined && (values as readonly string[]).includes(value)) return value as T;
      const hint = value === undefined ? undefined : didYouMean(value, values);
      report(
        ctx,
        node,
        path,
        'BAD_VALUE',
        `${path} 应为 ${values.join(' | ')} 之一${hint ? `（是否应为 "${hint}"？）` : ''}。 ` +
          `${path} must be one of ${values.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}.`,
      );
      return undefined;
    },
    json: () => ({ enum: [...values], ...(description ? { description } : {}) }),
  };
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** Full-width digits, point, comma and percent sign, as a Chinese input method types them. */
const FULL_WIDTH = /[０-９．，％]/g;

/** `１２．５` → `12.5`: each full-width form sits 0xFEE0 above its ASCII one. */
function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** `0.0001` → `0.0001`, `3.2` → `3.20`: at least the two decimals the documents print. */
function wan(value: Decimal): string {
  return value.decimalPlaces() <= 2 ? value.toFixed(2) : value.toFixed();
}

/**
 * What is wrong with an amount that looks almost right, and the figure to write instead: the slips
 * of a Chinese keyboard (full-width digits) and of a copy from Excel (thousands commas, a unit or a
 * percent sign after the number). Chinese, then English; '' when the spelling is no near miss.
 */
export function amountHint(source: string | undefined): { zh: string; en: string } {
  const none = { zh: '', en: '' };
  if (source === undefined) return none;
  if (NUMBER.test(source)) return { zh: '：金额不要加引号', en: ': do not quote an amount' };
  const zh: string[] = [];
  const en: string[] = [];
  let text = source;
  if (/[０-９．，％]/.test(text)) {
    text = halfWidth(text);
    zh.push('用了全角数字或符号，请改用半角');
    en.push('full-width digits or signs: use ASCII ones');
  }
  const m = /^([+-]?[\d,]+(?:\.\d+)?)\s*(万元|万|元|%)?$/.exec(text);
  if (!m) return zh.length ? { zh: `：${zh.join('')}`, en: `: ${en.join('')}` } : none;
  let digits = m[1]!;
  if (digits.includes(',')) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) return none;
    digits = digits.replaceAll(',', '');
    zh.push('含千位分隔逗号（Excel 的格式），请去掉逗号');
    en.push('a thousands separator (as Excel shows numbers): drop the commas');
  }
  const unit = m[2];
  if (unit === '%') {
    zh.push(`百分号“%”不能用于金额：请填金额（万元），增减幅度由 yusuan 计算`);
    en.push('a percent sign: give the amount in 万元; yusuan computes the rates');
    return { zh: `：${zh.join('；')}`, en: `: ${en.join('; ')}` };
  }
  let fix = digits;
  if (unit === '元') {
    const yuan = new Decimal(digits);
    fix = wan(yuan.div(10_000));
    zh.push(`数字后写了“元”，但本文件金额以万元为单位：${digits} 元 = ${fix} 万元`);
    en.push(`a trailing 元, but amounts here are in 万元: ${digits} 元 = ${fix} 万元`);
  } else if (unit) {
    zh.push(`数字后不要写“${unit}”（金额的单位已是万元）`);
    en.push(`no "${unit}" after the number (amounts are in 万元)`);
  }
  return { zh: `：${zh.join('；')}；请写为 ${fix}`, en: `: ${en.join('; ')}; write ${fix}` };
}

/**
 * An amount in 万元: exact decimal from the source text, non-negative, at most 6 decimals.
 * In a draft, `!unconfirmed 12.5` is read as 12.5 and `!unconfirmed ~` as 0, each recorded as
 * unconfirmed; a `【待填写：…】` placeholder is read as 0 and recorded as a placeholder.
 */
export function amount(description?: string): Schema<Decimal> {
  return {
    parse(node, ctx, path) {
      const source = isScalar(node) ? scalarText(node).trim() : undefined;
      if (isUnconfirmed(node)) mark(ctx, 'unconfirmed', node, path);
      if (isEmptyUnconfirmed(node, source)) return new Decimal(0);
      if (isPlaceholder(source)) {
        mark(ctx, 'placeholders', node, path);
        return new Decimal(0);
      }
      if (source === undefined || !NUMBER.test(source) || (node as Scalar).type !== 'PLAIN' || foreignTag(node)) {
        const hint = source !== undefined && foreignTag(node) ? { zh: '：数字不要加标签（!…）', en: '' } : amountHint(source);
        report(ctx, node, path, 'NOT_A_NUMBER', `${path} 应为金额数字（万元），实为 ${JSON.stringify(source === undefined ? (isSeq(node) ? '列表' : isMap(node) ? '映射' : '空') : shown(source))}${hint.zh}。 ${path} must be an amount in 万元${hint.en}.`);
        return undefined;
      }
      if (source.replace(/^[+-]/, '').split('.')[0]!.replace(/^0+(?=\d)/, '').length > MAX_AMOUNT_DIGITS) {
        report(ctx, node, path, 'LIMIT_EXCEEDED', `${path} 金额过大：整数部分超过 ${MAX_AMOUNT_DIGITS} 位。 ${path} has more than ${MAX_AMOUNT_DIGITS} digits before the decimal point.`);
        return undefined;
      }
      const value = new Decimal(source);
      if (value.isNegative() && !value.isZero()) {
        report(ctx, node, path, 'NEGATIVE_AMOUNT', `${path} 金额不能为负数：${source}。 ${path} must not be negative.`);
        return undefined;
      }
      if (value.decimalPlaces() > 6) {
        report(ctx, node, path, 'TOO_MANY_DECIMALS', `${path} 最多 6 位小数（万元精确到 0.01 元）：${source}。 ${path} has more than 6 decimals.`);
        return undefined;
      }
      return value;
    },
    json: () => ({
      anyOf: [{ type: 'number', minimum: 0, multipleOf: 0.000001 }, { type: 'null', description: '!unconfirmed ~（草稿：待填写的数）' }, PLACEHOLDER_JSON],
      ...(description ? { description } : {}),
    }),
  };
}

interface IntOptions {
  min?: number;
  description?: string;
  /** Carry a `【待填写：…】` placeholder through as the value (a draft's staffing change). Default false: read as 0. */
  placeholder?: boolean;
}

/** A whole number; `!unconfirmed` and placeholders are read as for `amount`. */
export function int(opts: IntOptions & { placeholder: true }): Schema<number | Placeholder>;
export function int(opts?: IntOptions): Schema<number>;
export function int(opts: IntOptions = {}): Schema<number | Placeholder> {
  return {
    parse(node, ctx, path) {
      const source = isScalar(node) ? scalarText(node).trim() : '';
      if (isUnconfirmed(node)) mark(ctx, 'unconfirmed', node, path);
      if (isEmptyUnconfirmed(node, source)) return 0;
      if (isPlaceholder(source)) {
        mark(ctx, 'placeholders', node, path);
        return opts.placeholder ? source : 0;
      }
      if (!/^[+-]?\d+$/.test(source) || foreignTag(node)) return wrongType(ctx, node, path, '整数', 'a whole number');
      const value = Number(source);
      if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_INT) {
        report(ctx, node, path, 'LIMIT_EXCEEDED', `${path} 数值过大：${shown(source)}。 ${path} is too large a number.`);
        return undefined;
      }
      if (opts.min !== undefined && value < opts.min) return wrongType(ctx, node, path, `不小于 ${opts.min} 的整数`, `a whole number ≥ ${opts.min}`);
      return value;
    },
    json: () => ({
      anyOf: [{ type: 'integer', ...(opts.min !== undefined ? { minimum: opts.min } : {}) }, { type: 'null', description: '!unconfirmed ~（草稿：待填写的数）' }, PLACEHOLDER_JSON],
      ...(opts.description ? { description: opts.description } : {}),
    }),
  };
}

/** A classification code: digits only (3, 5 or 7 digits for 功能分类 类/款/项; 3 or 5 for 经济分类). */
export function code(lengths: readonly number[], description?: string): Schema<string> {
  return {
    parse(node, ctx, path) {
      const source = isScalar(node) ? scalarText(node).trim().replace(/^['"]|['"]$/g, '') : '';
      if (!/^\d+$/.test(source) || !lengths.includes(source.length))
        return wrongType(ctx, node, path, `${lengths.join('/')} 位数字的科目编码`, `a ${lengths.join('/')}-digit classification code`);
      return source;
    },
    json: () => ({ type: ['string', 'integer'], pattern: `^(${lengths.map((n) => `\\d{${n}}`).join('|')})$`, ...(description ? { description } : {}) }),
  };
}

/** A date YYYY-MM-DD, or in a draft a placeholder carried through as the value. */
export function date(description?: string): Schema<string> {
  return {
    parse(node, ctx, path) {
      const source = isScalar(node) ? scalarText(node).trim() : '';
      if (isPlaceholder(source)) {
        mark(ctx, 'placeholders', node, path);
        return source;
      }
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(source);
      const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : undefined;
      if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
        report(ctx, node, path, 'BAD_DATE', `${path} 应为日期 YYYY-MM-DD：${JSON.stringify(source)}。 ${path} must be a date YYYY-MM-DD.`);
        return undefined;
      }
      return source;
    },
    json: () => ({ anyOf: [{ type: 'string', format: 'date' }, PLACEHOLDER_JSON], ...(description ? { description } : {}) }),
  };
}

/**
 * A child value: an alias (`*name`) is refused with its own finding rather than read as the wrong
 * type. Aliases are never expanded, so a billion-laughs file costs nothing.
 */
function child<T>(schema: Schema<T>, node: unknown, ctx: Ctx, path: string): T | undefined {
  if (isAlias(node)) return aliasUnsupported(ctx, node, path);
  return schema.parse(node, ctx, path);
}

function aliasUnsupported(ctx: Ctx, node: unknown, path: string): undefined {
  report(ctx, node, path, 'ALIAS_UNSUPPORTED', `${path || '此处'} 不支持 YAML 别名（*名称），请直接写出取值。 YAML aliases (*name) are not supported: write the value out.`);
  return undefined;
}

export function optional<T>(schema: Schema<T>, fallback?: () => T): Schema<T> {
  return { ...schema, optional: true, fallback };
}

export function list<T>(item: Schema<T>, description?: string): Schema<T[]> {
  return {
    parse(node, ctx, path) {
      if (isScalar(node) && node.value === null) return [];
      if (!isSeq(node)) return wrongType(ctx, node, path, '列表', 'a list');
      const out: T[] = [];
      node.items.forEach((item0, i) => {
        const value = child(item, item0, ctx, `${path}[${i}]`);
        if (value !== undefined) out.push(value);
      });
      return out;
    },
    json: () => ({ type: 'array', items: item.json(), ...(description ? { description } : {}) }),
  };
}

function keyText(pair: Pair): string {
  return isScalar(pair.key) ? scalarText(pair.key as Scalar) : String(pair.key);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** A map with fixed keys; unknown keys are reported with a 'did you mean'. */
export function object<T>(shape: Record<string, Schema<unknown>>, description?: string): Schema<T> {
  const keys = Object.keys(shape);
  return {
    parse(node, ctx, path) {
      if (!isMap(node)) return wrongType(ctx, node, path || '文件', '映射（键: 值）', 'a mapping');
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      // A misspelt required key is reported once, as unknown with its 'did you mean', not also as missing.
      const hinted = new Set<string>();
      for (const pair of node.items) {
        if (isAlias(pair.key)) {
          aliasUnsupported(ctx, pair.key, path);
          continue;
        }
        const key = keyText(pair);
        // Own keys only: a data key such as `constructor` or `__proto__` must not find Object's.
        const schema = Object.hasOwn(shape, key) ? shape[key] : undefined;
        if (!schema) {
          const hint = didYouMean(key, keys);
          if (hint) hinted.add(hint);
          const named = shown(key);
          report(ctx, pair.key, join(path, named), 'UNKNOWN_KEY',
            `未知的键 "${named}"${hint ? `，是否应为 "${hint}"？` : ''}（${path || '顶层'}） Unknown key "${named}"${hint ? ` (did you mean "${hint}"?)` : ''}.`);
          continue;
        }
        seen.add(key);
        const before = ctx.findings.length;
        const value = child(schema, pair.value, ctx, join(path, key));
        if (value !== undefined) out[key] = value;
        else if (isScalar(pair.value) && pair.value.value === null && !schema.optional) {
          ctx.findings.length = before; // say 'no value' once, not also 'wrong type'
          report(ctx, pair.key, join(path, key), 'MISSING_VALUE', `${join(path, key)} 缺少取值。 ${join(path, key)} has no value.`);
        }
      }
      for (const key of keys) {
        if (seen.has(key)) continue;
        const schema = shape[key]!;
        if (schema.optional) {
          if (schema.fallback) out[key] = schema.fallback();
        } else if (!hinted.has(key)) {
          report(ctx, node, join(path, key), 'MISSING_KEY', `缺少必填键 "${key}"（${path || '顶层'}）。 Missing required key "${join(path, key)}".`);
        }
      }
      return out as T;
    },
    json: () => ({
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(keys.map((k) => [k, shape[k]!.json()])),
      required: keys.filter((k) => !shape[k]!.optional),
      ...(description ? { description } : {}),
    }),
  };
}

/** A map from codes (or other keys matching `keyPattern`) to values. */
export function record<T>(key: Schema<string>, value: Schema<T>, description?: string): Schema<Partial<Record<string, T>>> {
  return {
    parse(node, ctx, path) {
      if (isScalar(node) && node.value === null) return {};
      if (!isMap(node)) return wrongType(ctx, node, path, '映射（键: 值）', 'a mapping');
      const out: Record<string, T> = {};
      for (const pair of node.items) {
        if (isAlias(pair.key)) {
          aliasUnsupported(ctx, pair.key, path);
          continue;
        }
        const raw = keyText(pair);
        const k = key.parse(pair.key, ctx, join(path, raw));
        if (k === undefined) continue;
        if (Object.hasOwn(out, k)) {
          report(ctx, pair.key, join(path, k), 'DUPLICATE_CODE', `${path} 中编码 ${k} 重复。 Duplicate code ${k} in ${path}.`);
          continue;
        }
        const v = child(value, pair.value, ctx, join(path, k));
        if (v !== undefined) out[k] = v;
      }
      return out;
    },
    json: () => ({
      type: 'object',
      propertyNames: key.json(),
      additionalProperties: value.json(),
      ...(description ? { description } : {}),
    }),
  };
}
