// draft: a published year's data file → the data file to start next year from. This year's figures
// become last year's (`prior`); next year's start as this year's, tagged `!unconfirmed` (or empty);
// every reason, the publication date, the staffing changes and every year in the text become
// `【待填写：…】` placeholders. The source text is edited in place, so comments, key order, quoting
// and alignment survive.
import { isCollection, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { compute } from '../compute/index.js';
import { hasErrors, type Finding } from '../findings.js';
import { loadText } from '../load/load.js';
import type { DisclosureData } from '../model.js';
import { dataSchema } from '../load/data-schema.js';
import { UNCONFIRMED_TAG } from '../load/schema.js';
import { hasPlaceholder, isPlaceholder, placeholder } from '../placeholder.js';
import { formatFindings } from '../report/format.js';
import { priorExtras } from './prior-extras.js';
import { applySplices, offsetMapper, within, type Splice } from './splice.js';
import { commentsOf, displayColumn, isBlockScalar, reindent, scalarText, columnOf, type Comment } from './yaml-text.js';
import { shiftCommentYears, yearPlaceholders } from './years.js';

export interface DraftOptions {
  /** The budget year of the draft, e.g. 2025. Must be later than the source's. */
  year: number;
  /** Leave next year's figures empty (`!unconfirmed ~`) instead of carrying this year's. Default false. */
  empty?: boolean;
  /** The source file's name, for findings. */
  file?: string;
}

export interface DraftResult {
  /** The new data file; absent when the source has errors. */
  text?: string;
  /** The source's findings (the draft is made only when none is an error). */
  findings: Finding[];
  /** The source's budget year. */
  fromYear?: number;
}

/** The draft's year is not after the source's: a usage error, not a problem in the data. */
export class DraftYearError extends Error {
  override name = 'DraftYearError';
}

type Json = {
  type?: unknown;
  anyOf?: Json[];
  pattern?: string;
  properties?: Record<string, Json>;
  additionalProperties?: Json | boolean;
  items?: Json;
};

type Kind = 'figure' | 'text' | 'other';

/** What the schema expects at a node: a figure (amount or count), free text, or anything else. */
function kindOf(schema: Json | undefined): Kind {
  if (!schema) return 'other';
  if ([schema, ...(schema.anyOf ?? [])].some((s) => s.type === 'number' || s.type === 'integer')) return 'figure';
  if (Array.isArray(schema.type) && schema.type.includes('string') && schema.type.includes('number') && !schema.pattern) return 'text';
  return 'other';
}

interface ScalarVisit {
  node: Scalar;
  kind: Kind;
  path: string[];
  inFlow: boolean;
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function* scalars(node: unknown, schema: Json | undefined, path: string[], inFlow: boolean): Generator<ScalarVisit> {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = keyOf(pair);
      // Own properties only: a data key such as `constructor` must not find Object's.
      const own = schema?.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
      const child = own ?? (typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      yield* scalars(pair.value, child, [...path, key], inFlow || !!node.flow);
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) yield* scalars(node.items[i], schema?.items, [...path, String(i)], inFlow || !!node.flow);
  } else if (isScalar(node)) {
    yield { node, kind: kindOf(schema), path, inFlow };
  }
}

const REASON_NOTE = '主要原因';
const STAFF_KEYS = ['serving', 'retired', 'honorary_retired'] as const;
type StaffKey = (typeof STAFF_KEYS)[number];

export function draftText(source: string, options: DraftOptions): DraftResult {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const loaded = loadText(text, options.file);
  if (!loaded.data || hasErrors(loaded.findings)) return { findings: loaded.findings };
  const from = loaded.data.unit.year;
  const to = options.year;
  if (!Number.isInteger(to) || to <= from)
    throw new DraftYearError(`--year ${to} 应晚于数据文件的预算年度 ${from}。 --year must be later than the data file's year ${from}.`);

  const doc = parseDocument(text);
  const edits = new Editor(text);

  for (const v of scalars(doc.contents, dataSchema.json() as Json, [], false)) {
    const [top] = v.path;
    const last = v.path[v.path.length - 1];
    const value = typeof v.node.value === 'string' ? v.node.value : String(v.node.source ?? v.node.value ?? '');
    if (top === 'prior') continue; // replaced below
    if (top === 'unit') {
      if (last === 'year') edits.raw(v.node, String(to));
      else if (last === 'published') edits.value(v, placeholder('公开日期'));
    } else if (top === 'reasons') {
      if (v.kind === 'text' && !hasPlaceholder(value)) edits.value(v, placeholder(`${REASON_NOTE}（上年：${value}）`));
    } else if (v.path.includes('staffing') && last === 'change') {
      if (!isPlaceholder(value)) edits.value(v, placeholder('增减人数'));
    } else if (v.path.includes('indicators') && last === 'last_year') {
      if (!hasPlaceholder(value)) edits.value(v, placeholder(`上年完成值（原 ${value}）`));
    } else if (v.kind === 'figure') {
      edits.unconfirmed(v.node, options.empty ?? false);
    } else if (v.kind === 'text') {
      edits.years(v.node);
    }
  }

  // Last year's figures: this year's budget lines, 三公, 会议费 and 培训费 as written, and the 公用经费 computed.
  const comments = commentsOf(text, doc);
  const commentEdits = comments.flatMap((c): Splice[] => {
    const was = text.slice(c.start, c.end);
    const now = shiftCommentYears(was, from, to);
    return now === was ? [] : [{ start: c.start, end: c.end, text: now }];
  });
  // A comment saying what is new this year (`# 本年新增`) stays with this year's line but not with its copy in prior.
  const staleRemovals = comments.filter((c) => STALE_IN_PRIOR.test(text.slice(c.start, c.end))).map((c) => commentRemoval(text, c));
  const priorCommentEdits = [...commentEdits.filter((e) => !staleRemovals.some((r) => e.start < r.end && r.start < e.end)), ...staleRemovals];
  const replaced: [number, number][] = [];
  for (const key of ['budget', 'three_public', 'meeting', 'training']) {
    const span = edits.copy(doc, [key], ['prior', key], priorCommentEdits);
    if (span) replaced.push(span);
  }
  const operating = doc.getIn(['prior', 'operating_expense'], true);
  if (isScalar(operating)) {
    const amount = compute(loaded.data).part3.operating_expense.amount.toFixed();
    const figuresUnconfirmed = (loaded.unconfirmed ?? []).some((m) => m.path.startsWith('basic_economic.'));
    edits.raw(operating, `${figuresUnconfirmed ? `${UNCONFIRMED_TAG} ` : ''}${amount}`, true);
  }
  const unconfirmedPaths = new Set((loaded.unconfirmed ?? []).map((m) => m.path));
  edits.priorStaffing(doc, loaded.data.overview.staffing, unconfirmedPaths);
  edits.add(priorExtras(text, doc, loaded.data, unconfirmedPaths, (from, to) => {
    const span = edits.copy(doc, from, to, priorCommentEdits);
    if (span) replaced.push(span);
  }));
  edits.add(commentEdits.filter((c) => !replaced.some(([s, e]) => c.start >= s && c.end <= e)));

  const out = alignComments(text, edits.apply(), edits.splices, comments);
  const check = loadText(out, options.file);
  if (!check.data)
    throw new Error(`草稿生成了无效的数据（程序错误）。 The draft is not valid data (a bug):\n${formatFindings(check.findings, out)}`);
  return { text: out, findings: loaded.findings, fromYear: from };
}

/** Words of a comment about this year's budget relative to last year's: untrue of the same line as last year's figure. */
const STALE_IN_PRIOR = /本年|今年|当年|新增|新设|调增|调减/;

/** A splice removing a comment: a trailing one with the spaces before it, a whole-line one with its line. */
function commentRemoval(source: string, c: Comment): Splice {
  const lineStart = source.lastIndexOf('\n', c.start - 1) + 1;
  if (!c.trailing) return { start: Math.max(0, lineStart - (source[lineStart - 2] === '\r' ? 2 : 1)), end: c.end, text: '' };
  return { start: source.slice(0, c.start).trimEnd().length, end: c.end, text: '' };
}

/** The splices the draft makes, built against the source text. */
class Editor {
  readonly splices: Splice[] = [];
  constructor(private readonly source: string) {}

  add(splices: readonly Splice[]): void {
    this.splices.push(...splices);
  }

  apply(): string {
    return applySplices(this.source, this.splices);
  }

  /** Replaces a scalar with text written as is; `dropTag` also removes a `!unconfirmed` before it. */
  raw(node: Scalar, text: string, dropTag = false): void {
    const [start, end] = node.range!;
    const tagAt = dropTag && node.tag === UNCONFIRMED_TAG ? this.source.lastIndexOf(UNCONFIRMED_TAG, start) : -1;
    this.splices.push({ start: tagAt >= 0 ? tagAt : start, end, text: text + (isBlockScalar(node) && this.source[end - 1] === '\n' ? '\n' : '') });
  }

  /** Replaces a scalar with a string, quoted only if it must be. */
  value(v: ScalarVisit, text: string): void {
    this.raw(v.node, scalarText(text, v.inFlow));
  }

  /** Tags a figure `!unconfirmed`, and with `empty` clears it to `~`. */
  unconfirmed(node: Scalar, empty: boolean): void {
    const [start, end] = node.range!;
    const tagged = node.tag === UNCONFIRMED_TAG;
    if (empty) this.splices.push({ start, end, text: `${tagged ? '' : `${UNCONFIRMED_TAG} `}~` });
    else if (!tagged) this.splices.push({ start, end: start, text: `${UNCONFIRMED_TAG} ` });
  }

  /** Every year written in a text becomes a placeholder; the source form of the scalar is kept. */
  years(node: Scalar): void {
    const [start, end] = node.range!;
    const was = this.source.slice(start, end);
    const now = yearPlaceholders(was);
    if (now !== was) this.splices.push({ start, end, text: now });
  }

  /**
   * `prior.staffing` ← this year's head counts, so that next year's changes are checked against them
   * (check/staffing). A count still unconfirmed in the source stays so.
   */
  priorStaffing(doc: Document, staffing: DisclosureData['overview']['staffing'], unconfirmed: ReadonlySet<string>): void {
    const count = (k: StaffKey) =>
      `${unconfirmed.has(`overview.staffing.${k}.count`) ? `${UNCONFIRMED_TAG} ` : ''}${staffing[k].count}`;
    const existing = doc.getIn(['prior', 'staffing'], true);
    if (isMap(existing)) {
      const missing: StaffKey[] = [];
      for (const k of STAFF_KEYS) {
        const node = existing.get(k, true);
        if (isScalar(node)) this.raw(node, count(k), true);
        else missing.push(k);
      }
      if (missing.length && existing.flow && existing.range)
        this.splices.push({ start: existing.range[1] - 1, end: existing.range[1] - 1, text: `${missing.map((k) => `, ${k}: ${count(k)}`).join('')} ` });
      return;
    }
    const prior = doc.get('prior', true);
    if (!isMap(prior) || prior.flow || !prior.range || existing !== undefined) return;
    const first = prior.items[0]?.key;
    if (!isScalar(first) || !first.range || this.source[prior.range[1] - 1] !== '\n') return;
    const indent = ' '.repeat(columnOf(this.source, first.range[0]));
    const value = `{ ${STAFF_KEYS.map((k) => `${k}: ${count(k)}`).join(', ')} }`;
    const eol = this.source.includes('\r\n') ? '\r\n' : '\n';
    this.splices.push({ start: prior.range[1], end: prior.range[1], text: `${indent}staffing: ${value}   # 上年在职、退休、离休人数${eol}` });
  }

  /**
   * Replaces the value at `to` with the source text of the value at `from`, re-indented, its
   * comments' years moved on. Returns the replaced stretch of the source.
   */
  copy(doc: Document, from: string[], to: string[], commentEdits: readonly Splice[]): [number, number] | undefined {
    const src = doc.getIn(from, true) as Node | undefined;
    const dst = doc.getIn(to, true) as Node | undefined;
    const parent = doc.getIn(to.slice(0, -1), true) as YAMLMap | undefined;
    const pair = parent?.items.find((p) => keyOf(p) === to[to.length - 1]);
    if (!src?.range || !dst?.range || !pair || !isScalar(pair.key) || !pair.key.range) return undefined;
    const [s0, s1] = src.range;
    const copied = applySplices(this.source.slice(s0, s1), within(commentEdits, s0, s1), s0).replace(/(\r?\n)+$/, '');
    const block = (n: Node) => isCollection(n) && !n.flow && n.items.length > 0;
    const [d0, d1] = dst.range;
    if (block(dst)) {
      const end = d0 + this.source.slice(d0, d1).replace(/(\r?\n)+$/, '').length;
      this.splices.push({ start: d0, end, text: reindent(copied, columnOf(this.source, d0) - columnOf(this.source, s0)) });
      return [d0, end];
    }
    const indent = columnOf(this.source, pair.key.range[0]) + 2;
    const eol = this.source.includes('\r\n') ? '\r\n' : '\n';
    const text = block(src) ? `${eol}${' '.repeat(indent)}${reindent(copied, indent - columnOf(this.source, s0))}` : reindent(copied, indent - columnOf(this.source, s0));
    this.splices.push({ start: d0, end: d1, text });
    return [d0, d1];
  }
}

/**
 * A trailing comment the officer aligned (two or more spaces before it) keeps its column when the
 * value before it grew or shrank, as far as the spaces allow.
 */
function alignComments(source: string, out: string, splices: readonly Splice[], comments: readonly Comment[]): string {
  const map = offsetMapper(splices);
  const fixes: Splice[] = [];
  for (const c of comments) {
    if (!c.trailing || !/ {2}$/.test(source.slice(0, c.start))) continue;
    const at = map(c.start);
    if (at === undefined) continue;
    const want = displayColumn(source, c.start);
    const have = displayColumn(out, at);
    if (have === want) continue;
    const spaces = out.slice(0, at).length - out.slice(0, at).trimEnd().length;
    if (have > want) fixes.push({ start: at - Math.min(have - want, spaces - 1), end: at, text: '' });
    else fixes.push({ start: at, end: at, text: ' '.repeat(want - have) });
  }
  return applySplices(out, fixes);
}
