// What every rule gets: the loaded file (its YAML document, for positions) and, when the data
// loaded without errors, the data and the computed view. Rules return findings, never throw.
import type { Decimal } from 'decimal.js';
import { isScalar, type Document, type LineCounter, type Node } from 'yaml';
import type { View } from '../compute/index.js';
import type { Line } from '../compute/lines.js';
import { round2 } from '../compute/money.js';
import type { Finding, Position, Severity } from '../findings.js';
import { locate } from '../load/locate.js';
import type { DisclosureData } from '../model.js';
import type { NumberFormat } from '../profile/index.js';
import type { TableLayouts } from '../tables/index.js';

export interface CheckContext {
  file?: string;
  source: string;
  /** Publication mode (`--strict`): draft placeholders and unconfirmed figures are errors. */
  strict: boolean;
  doc?: Document.Parsed;
  lineCounter?: LineCounter;
}

/** For rules over the figures: only built when the file loaded without errors. */
export interface DataContext extends CheckContext {
  data: DisclosureData;
  view: View;
  /** How the document shows figures (the profile's unit and decimals), for findings that name shown figures. */
  numbers: NumberFormat;
  /** The document's tables (tables.yaml): findings name a table by its number in this set. Absent: the default eleven. */
  tables?: TableLayouts;
  /** This year's and last year's budget lines, normalised as compute uses them. */
  lines: Line[];
  prior: Line[];
}

export type Rule = (ctx: CheckContext) => Finding[];
export type DataRule = (ctx: DataContext) => Finding[];

function positionOf(ctx: CheckContext, node: Node | undefined): Position | undefined {
  const range = node?.range;
  if (!range || !ctx.lineCounter) return undefined;
  const { line, col } = ctx.lineCounter.linePos(range[0]);
  return { line, col, start: range[0], end: range[1] };
}

/**
 * Position of the key or value at `path`: a scalar value itself, otherwise its key. When the path
 * does not exist (a reason not written yet), the nearest ancestor's key.
 */
export function positionAt(ctx: CheckContext, path: string, prefer: 'key' | 'value' = 'value'): Position | undefined {
  if (!ctx.doc) return undefined;
  const found = locate(ctx.doc, path);
  const node = prefer === 'value' && found.exact && isScalar(found.value) ? found.value : (found.key ?? found.value);
  return positionOf(ctx, node);
}

export interface At {
  /** Where to point, when not at `path` itself (e.g. a missing reason points at its figure). */
  at?: string;
  prefer?: 'key' | 'value';
}

export function finding(ctx: CheckContext, code: string, severity: Severity, message: string, path: string, where: At = {}): Finding {
  return { code, severity, message, path, file: ctx.file, pos: positionAt(ctx, where.at ?? path, where.prefer) };
}

/** A figure as every table shows it: rounded half-up to 0.01. */
export function shown(value: Decimal): string {
  return round2(value).toFixed(2);
}

/** An amount as the profile's document shows it, with its unit: `0.70 万元` (default), `7,000.00 元` (ten-tables). */
export function money(ctx: DataContext, value: Decimal): string {
  return `${ctx.numbers.amount(value)} ${ctx.numbers.unit}`;
}

/** A figure with every decimal the data gave, and at least two (212.454, 5.00). */
export function exact(value: Decimal): string {
  return value.decimalPlaces() < 2 ? value.toFixed(2) : value.toFixed();
}

/** `208 社会保障和就业支出`; just the code when it has no name of its own. */
export function codeLabel(code: string, name: string): string {
  return name && name !== code ? `${code} ${name}` : code;
}
