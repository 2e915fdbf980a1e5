// Part 2's lines into tables: a title starts a table; its header runs to the numbered row
// (`※ ※ 1 2 3 …`, which also gives each column's position) or, in tables 1 and 4, to the first
// `一、` row; a continuation page repeats the header. A row starts with a code (`208 05 02`) or a
// label (`总计`); a name broken over several lines (text extraction, a wrapped PDF cell) is joined.
import { AMOUNT, fig } from './figures.js';
import type { Line, PublishedTable, Row, SideRow, Token } from './model.js';
import { loadTableLayouts, matchWholeTitle, type TableLayouts } from '../tables/index.js';
import { itemRows, knownTable, tableInfo, type TableInfo } from './tables.js';
import { outOfOrder, rowOrder } from './row-order.js';

const CODE = /^\d{3}(?:\d{2}){0,2}$/;
const SUB = /^\d{2}$/;
const isAmount = (t: Token) => AMOUNT.test(t.text);

interface Draft {
  table: PublishedTable;
  info: TableInfo;
  header: boolean;
  /** Column anchors of the numbered row: x centres (PDF), column indexes (HTML) or, in text laid out
   * in columns, where each number starts. */
  anchors?: number[];
  /** The anchors are text columns: a figure belongs to the last number that starts before its end. */
  textColumns?: boolean;
  lines: Line[];
}

/** Part 2's (or the attachment's) tables, recognised by the titles of `layouts` (default: the bundled eleven). */
export function readTables(lines: readonly Line[], layouts: TableLayouts = loadTableLayouts()): PublishedTable[] {
  const drafts: Draft[] = [];
  let pendingNo: number | undefined;
  let skipping = false; // inside a table audit does not read here (the performance tables of an attachment)
  for (const line of lines) {
    const squashed = line.text.replace(/\s+/g, '');
    const no = /^表(\d{1,2})(?:-\d+)?$/.exec(squashed); // 表 10-1: a performance table's number
    if (no) {
      pendingNo = Number(no[1]);
      continue;
    }
    const layout = squashed.length < 40 ? matchWholeTitle(squashed, layouts) : undefined;
    if (layout) {
      const printed = pendingNo;
      pendingNo = undefined;
      skipping = !knownTable(layout.id);
      if (skipping) continue;
      const info = tableInfo(layout.id);
      const n = /^表(\d{1,2})/.exec(squashed)?.[1];
      drafts.push({ info, header: true, lines: [], table: { id: layout.id, no: n ? Number(n) : printed ?? layout.no ?? info.no, title: layout.title, page: line.page, line: line.line, rows: [], ...(layout.body.kind === 'items' && layout.id !== 't10' ? { items: itemRows(layout) } : {}) } });
      continue;
    }
    const d = drafts[drafts.length - 1];
    if (!d || skipping) continue;
    if (/^编制单位/.test(squashed)) {
      d.header = true; // a continuation page repeats the header
      continue;
    }
    if (line.tokens[0]?.text === '※') {
      const numbered = line.tokens.filter((t) => /^\d+$/.test(t.text));
      d.table.numbered = numbered.length;
      d.textColumns = numbered.every((t) => t.col === undefined && t.x === undefined) && laidOut(line);
      d.anchors = d.textColumns ? numbered.map((t) => t.span![0]) : numbered.some((t) => t.col !== undefined || t.x !== undefined) ? numbered.map((t) => (t.col !== undefined ? t.col : ((t.x ?? 0) + (t.x2 ?? 0)) / 2)) : undefined;
      d.header = false;
      continue;
    }
    if (d.header && d.info.left && /^一、/.test(squashed)) d.header = false;
    if (/为空表|没有/.test(squashed)) {
      const prev = d.table.emptyStatement;
      d.table.emptyStatement = prev ? { ...prev, text: prev.text + squashed } : { page: line.page, line: line.line, text: squashed };
      d.header = false;
      continue;
    }
    if (d.table.emptyStatement && !line.tokens.some(isAmount) && !CODE.test(line.tokens[0]?.text ?? '')) {
      d.table.emptyStatement.text += squashed; // the statement runs on
      continue;
    }
    if (!d.header) d.lines.push(line);
  }
  return drafts.map((d) => {
    const order = rowOrder(d.lines);
    if (outOfOrder(order)) d.table.unordered = order;
    if (d.textColumns) d.textColumns = inColumns(d);
    if (d.info.left) readTwoSided(d);
    else d.table.rows = assembleRows(d);
    return d.table;
  });
}

interface Piece {
  line: Line;
  code: string;
  label: string;
  amounts: Token[];
  fragment: boolean;
}

function piece(line: Line): Piece {
  const t = line.tokens;
  let i = 0;
  let code = '';
  if (CODE.test(t[0]?.text ?? '')) {
    code = t[0]!.text;
    i = 1;
    while (code.length < 7 && SUB.test(t[i]?.text ?? '')) code += t[i++]!.text;
  }
  const rest = t.slice(i);
  const amounts = rest.filter(isAmount);
  const label = rest.filter((x) => !isAmount(x)).map((x) => x.text).join('');
  return { line, code, label, amounts, fragment: !code && amounts.length === 0 };
}

/** Rows of a coded table: code line, name fragments and the amounts line joined into one row. */
function assembleRows(d: Draft): Row[] {
  const pieces = d.lines.map(piece);
  const rows: { p: Piece; names: string[]; amounts: Token[]; lines: Line[] }[] = [];
  let pending: Piece[] = [];
  const attachPending = () => {
    const prev = rows[rows.length - 1];
    for (const f of pending) {
      prev?.names.push(f.label);
      prev?.lines.push(f.line);
    }
    pending = [];
  };
  for (const [k, p] of pieces.entries()) {
    const prev = rows[rows.length - 1];
    // Table 10 and 11 have no codes: every labelled line is a row.
    if (p.fragment && !d.info.codes) p.fragment = false;
    if (p.fragment) {
      if (prev && prev.amounts.length === 0) {
        prev.names.push(p.label);
        prev.lines.push(p.line);
      } else pending.push(p);
      continue;
    }
    if (!p.code && !p.label && prev && prev.amounts.length === 0) {
      prev.amounts.push(...p.amounts); // the amounts line of a row broken by extraction
      prev.lines.push(p.line);
      continue;
    }
    const row = { p, names: p.label ? [p.label] : [], amounts: [...p.amounts], lines: [p.line] };
    // Fragments between two complete rows: before a row with no name of its own they begin its name
    // (a PDF cell wrapped around the row's baseline); otherwise the nearer one by position.
    const split = splitPending(pending, rows[rows.length - 1], row, pieces, k);
    pending = split.before;
    attachPending();
    for (const f of split.after.reverse()) {
      row.names.unshift(f.label);
      row.lines.push(f.line);
    }
    rows.push(row);
  }
  attachPending();
  return rows.map(({ p, names, amounts, lines }) => ({
    page: p.line.page,
    line: p.line.line,
    code: p.code,
    name: p.line.y !== undefined ? nameByCells(lines) : lines.length > 1 && lines.every((l) => l.indent !== undefined && l.tokens.every((t) => t.span)) ? nameByTextCells(lines) : names.join(''),
    cells: place(amounts, d),
    quote: [p.code ? formatCode(p.code) : '', names.join(''), ...amounts.map((a) => a.text)].filter(Boolean).join(' '),
  }));
}

/** PDF: a wrapped cell's lines start at one x; cells left to right, each cell's lines top to bottom. */
function nameByCells(lines: Line[]): string {
  const words = lines.flatMap((l) => l.tokens.filter((t) => !isAmount(t) && !CODE.test(t.text) && !SUB.test(t.text)).map((t) => ({ t, y: l.y ?? 0 })));
  const cells: { x: number; words: typeof words }[] = [];
  for (const w of words) {
    const c = cells.find((c) => Math.abs(c.x - (w.t.x ?? 0)) < 3);
    if (c) c.words.push(w);
    else cells.push({ x: w.t.x ?? 0, words: [w] });
  }
  return cells
    .sort((a, b) => a.x - b.x)
    .map((c) => c.words.sort((a, b) => b.y - a.y).map((w) => w.t.text).join(''))
    .join('');
}

/** Text laid out in columns: a wrapped cell's lines start at one column; cells left to right, each cell's lines in order. */
function nameByTextCells(lines: Line[]): string {
  const words = [...lines]
    .sort((a, b) => a.line - b.line)
    .flatMap((l) => l.tokens.filter((t) => !isAmount(t) && !CODE.test(t.text) && !SUB.test(t.text)).map((t) => ({ t, x: (l.indent ?? 0) + t.span![0] })));
  const cells: { x: number; words: string[] }[] = [];
  for (const w of words) {
    const c = cells.find((c) => Math.abs(c.x - w.x) <= 1);
    if (c) c.words.push(w.t.text);
    else cells.push({ x: w.x, words: [w.t.text] });
  }
  return cells
    .sort((a, b) => a.x - b.x)
    .map((c) => c.words.join(''))
    .join('');
}

/**
 * Which pending fragments belong to the row above (`before`) and which to the new row (`after`): by
 * baseline in a PDF; in text laid out in columns, a fragment goes with the new row when one right
 * after it starts in the same column (a cell wrapped around the row's line, as `pdftotext -layout`
 * prints a vertically centred cell), else with the row above.
 */
function splitPending(pending: Piece[], above: { lines: Line[] } | undefined, row: { lines: Line[] }, pieces: Piece[], at: number): { before: Piece[]; after: Piece[] } {
  if (!pending.length) return { before: [], after: [] };
  const y = (l: Line) => l.y;
  const rowY = y(row.lines[0]!);
  const aboveY = above ? y(above.lines[0]!) : undefined;
  if (rowY === undefined) {
    const start = (p: Piece) => (p.line.indent === undefined ? undefined : p.line.indent + (p.line.tokens[0]?.span?.[0] ?? 0));
    const following: number[] = [];
    for (let i = at + 1; i < pieces.length && pieces[i]!.fragment; i++) following.push(start(pieces[i]!) ?? -9);
    const wrapped = (f: Piece) => start(f) !== undefined && following.some((x) => Math.abs(x - start(f)!) <= 1);
    return { before: pending.filter((f) => !wrapped(f)), after: pending.filter(wrapped) };
  }
  const before: Piece[] = [];
  const after: Piece[] = [];
  for (const f of pending) {
    const fy = y(f.line)!;
    if (aboveY !== undefined && Math.abs(aboveY - fy) < Math.abs(rowY - fy)) before.push(f);
    else after.push(f);
  }
  return { before, after };
}

export function formatCode(code: string): string {
  return [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].filter(Boolean).join(' ');
}

/** Numbered column of each amount: from positions when the source has them, else left to right when all are printed. */
function place(amounts: Token[], d: Draft): Row['cells'] {
  const a = d.anchors;
  return amounts.map((t, i) => {
    const f = fig(t.text, d.lines.find((l) => l.tokens.includes(t)) ?? d.table);
    let col: number | undefined;
    if (a && t.col !== undefined) col = a.indexOf(t.col) + 1 || undefined;
    else if (a && d.textColumns && t.span) col = a.filter((x) => x <= t.span![0]).length || undefined;
    else if (a && t.x !== undefined) {
      const centre = (t.x + (t.x2 ?? t.x)) / 2;
      let best = 0;
      a.forEach((x, j) => (Math.abs(x - centre) < Math.abs(a[best]! - centre) ? (best = j) : 0));
      col = best + 1;
    } else if (amounts.length === (d.table.numbered ?? d.info.cols.length)) col = i + 1;
    else if (i === 0) col = 1; // the first printed figure of a row is its total
    return { fig: f, col };
  });
}

/** Text laid out in columns (not one space between words, as extraction without layout gives): the
 * numbered row's marks stand apart, under their columns. */
function laidOut(line: Line): boolean {
  return line.tokens.every((t) => t.span) && line.tokens.some((t, i) => i > 0 && t.span![0] - line.tokens[i - 1]!.span![1] >= 2);
}

/** Text columns are trusted only when every figure of the table lies between its column's number and
 * the next one's; extraction that squeezes the page (`pdftotext -layout`) lets figures straddle them,
 * and then the figures are placed as in text without layout. */
function inColumns(d: Draft): boolean {
  const a = d.anchors ?? [];
  return d.lines.every((l) =>
    l.tokens.filter(isAmount).every((t) => {
      const i = a.filter((x) => x <= t.span![0]).length - 1;
      return i >= 0 && (i + 1 >= a.length || t.span![1] <= a[i + 1]!);
    }),
  );
}

/** Tables 1 and 4: an income label with its amount on the left, a class or total with amounts on the right. */
function readTwoSided(d: Draft): void {
  const left: SideRow[] = [];
  const rows: Row[] = [];
  // Right-side column anchors: the header's column names, when the source has positions.
  for (const line of d.lines) {
    const t = line.tokens;
    let i = 0;
    const label: string[] = [];
    const leftAmounts: Token[] = [];
    while (i < t.length && !CODE.test(t[i]!.text) && !isAmount(t[i]!)) label.push(t[i++]!.text);
    while (i < t.length && isAmount(t[i]!)) leftAmounts.push(t[i++]!);
    let code = '';
    if (i < t.length && CODE.test(t[i]!.text)) code = t[i++]!.text;
    const name: string[] = [];
    while (i < t.length && !isAmount(t[i]!)) name.push(t[i++]!.text);
    const right = t.slice(i).filter(isAmount);
    // A line with a code and no left label: all of it is the right side.
    if (label.length) {
      const l = label.join('');
      if (!code && !name.length && /支出总计/.test(l)) {
        rows.push({ page: line.page, line: line.line, code: '', name: l, cells: leftAmounts.map((a) => ({ fig: fig(a.text, line), col: undefined })), quote: line.text });
        continue;
      }
      left.push({ page: line.page, line: line.line, label: l, figs: leftAmounts.map((a) => fig(a.text, line)), quote: [l, ...leftAmounts.map((a) => a.text)].join(' ') });
    }
    if (code || name.length) {
      const cells = right.map((a, j) => ({ fig: fig(a.text, line), col: j === 0 ? 1 : right.length === d.info.cols.length ? j + 1 : undefined }));
      rows.push({ page: line.page, line: line.line, code, name: name.join(''), cells, quote: [code, name.join(''), ...right.map((a) => a.text)].filter(Boolean).join(' ') });
    }
  }
  d.table.left = left;
  d.table.rows = rows;
}
