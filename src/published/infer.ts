// Text extraction loses blank cells: `68.52 68.52` in table 3 may be 合计 and 基本支出 or 合计 and
// 项目支出. Where positions did not place a figure, the document's other tables decide which columns a
// row can have: table 1 names the sources of income the unit has at all; tables 5, 8 and 9 list the
// lines each budget pays for; table 7's 项 are general-budget projects; table 6's classes 301 and 303 are
// 人员经费, the rest 公用经费. A row is placed only when that evidence leaves one way: its figures are
// exactly the columns it surely has, or those and every column it may have. Otherwise its figures stay
// unplaced, and audit checks only what does not depend on their columns.
import type { PublishedTable, Row } from './model.js';
import { matchFixedRows, PERSONNEL_CLASSES, tableInfo, type ColKey } from './tables.js';

/** Whether a row has a figure in a column: surely, perhaps, or surely not. */
type Has = 'yes' | 'maybe' | 'no';

const FAMILIES = [
  { table: 5, cols: ['general', 'general_transfer'], left: ['general_own', 'general_transfer'], whole: 'general' },
  { table: 8, cols: ['fund', 'fund_transfer'], left: ['fund_own', 'fund_transfer'], whole: 'fund' },
  { table: 9, cols: ['capital', 'capital_transfer'], left: ['capital_own', 'capital_transfer'], whole: 'capital' },
] as const;
const NONFISCAL = ['special', 'unit', 'carry_fiscal', 'carry_nonfiscal'] as const;

export function inferColumns(tables: PublishedTable[]): void {
  const t = (no: number) => tables.find((x) => x.id === `t${no}`);
  const t1 = t(1);
  const income = t1?.left ? matchFixedRows(t1.left, tableInfo(1).left!) : undefined;
  const t4left = t(4)?.left ? matchFixedRows(t(4)!.left!, tableInfo(4).left!) : undefined;
  /** Whether the unit has a source of income at all (table 1, else table 4); undefined when neither says. */
  const hasSource = (key: string): boolean | undefined => {
    const r = income?.get(key);
    if (r) return (r.figs[0]?.cents ?? 0) !== 0;
    const whole = FAMILIES.find((f) => f.whole === key);
    const r4 = whole ? t4left?.get(key) : undefined;
    return r4 ? (r4.figs[0]?.cents ?? 0) !== 0 : undefined;
  };
  /** A table 2 column, for the document as a whole. */
  const overall = (col: ColKey): Has => {
    const fam = FAMILIES.find((f) => (f.cols as readonly string[]).includes(col));
    if (fam) {
      const k = fam.left[(fam.cols as readonly string[]).indexOf(col)]!;
      const own = income?.has(k) ? hasSource(k) : undefined;
      if (own !== undefined) return own ? 'yes' : 'no';
      // Table 1 without its 其中 rows: the budget's money is own funds or a transfer, or both.
      const whole = hasSource(fam.whole);
      return whole === false ? 'no' : 'maybe';
    }
    const has = hasSource(col);
    return has === undefined ? 'maybe' : has ? 'yes' : 'no';
  };
  /** A budget's row for a line: undefined when the budget's table was not read. */
  const lineOf = (no: number, code: string): { row?: Row } | undefined => {
    const table = t(no);
    return table ? { row: table.rows.find((r) => r.code === code && (r.cells[0]?.fig.cents ?? 0) !== 0) } : undefined;
  };
  const t7 = t(7);
  const projectCodes = (t7?.rows ?? []).filter((r) => r.code.length === 7).map((r) => r.code);

  const order = [6, 5, 8, 9, 3, 4, 2, 10, 11, 7];
  // By the default set's number of each table (its layout id `tN`); a table of another set is not inferred.
  const noOf = (x: PublishedTable) => (/^t\d+$/.test(x.id) ? Number(x.id.slice(1)) : 0);
  for (const table of [...tables].filter((x) => noOf(x)).sort((a, b) => order.indexOf(noOf(a)) - order.indexOf(noOf(b)))) {
    const no = noOf(table);
    for (const row of table.rows) {
      if (row.cells.every((c) => c.col !== undefined)) continue;
      const has = new Map<ColKey, Has>();
      if (no === 2) {
        let paid = false; // a budget's own table lists the line
        for (const f of FAMILIES) {
          const line = row.code ? lineOf(f.table, row.code) : undefined;
          if (line?.row) paid = true;
          const states = f.cols.map(overall);
          // A line the budget's own table does not list has none of that budget's money.
          if (line && !line.row) states.fill('no');
          else if (line?.row && states.filter((s) => s !== 'no').length === 1) states[states.findIndex((s) => s !== 'no')] = 'yes';
          else if (row.code) states.forEach((s, i) => (states[i] = s === 'yes' ? 'maybe' : s));
          f.cols.forEach((c, i) => has.set(c, states[i]!));
        }
        const fiscal = FAMILIES.flatMap((f) => f.cols.map((c) => has.get(c)!));
        has.set('fiscal', paid || fiscal.includes('yes') ? 'yes' : fiscal.includes('maybe') ? 'maybe' : 'no');
        // What the three budgets do not pay for a line is its non-fiscal money: none left, no such column.
        const budgets = FAMILIES.map((f) => lineOf(f.table, row.code));
        const rest = row.code && budgets.every(Boolean) ? (row.cells[0]?.fig.cents ?? 0) - budgets.reduce((a, l) => a + (l!.row?.cells[0]?.fig.cents ?? 0), 0) : undefined;
        for (const c of NONFISCAL) {
          const o = overall(c);
          has.set(c, o === 'no' || rest === 0 ? 'no' : row.code ? 'maybe' : o);
        }
        const left = NONFISCAL.filter((c) => has.get(c) !== 'no');
        if (rest !== undefined && rest > 0 && left.length === 1) has.set(left[0]!, 'yes');
        has.set('total', 'yes');
      } else if (no === 4 || no === 10) {
        has.set('total', 'yes');
        for (const f of FAMILIES) {
          const o = f.cols.map(overall);
          const any: Has = o.includes('yes') ? 'yes' : o.includes('maybe') ? 'maybe' : 'no';
          const line = no === 4 && row.code ? lineOf(f.table, row.code) : undefined;
          has.set(f.whole, line ? (line.row ? 'yes' : 'no') : row.code || no === 10 ? (any === 'no' ? 'no' : 'maybe') : any);
        }
        // Table 10's items each have their own sources: only a document with one source places them.
        if (no === 10) {
          const some = FAMILIES.filter((f) => has.get(f.whole) !== 'no');
          if (some.length === 1) has.set(some[0]!.whole, 'yes');
        }
      } else if (no === 5 && t7) {
        has.set('total', 'yes');
        const project = row.code !== '' && projectCodes.some((c) => c.startsWith(row.code));
        if (row.cells.length === 2) has.set(project ? 'project' : 'basic', 'yes');
      } else if (no === 3 && row.code && row.cells.length === 2) {
        has.set('total', 'yes');
        for (const [key, s] of Object.entries(basicOrProject(row, (no) => lineOf(no, row.code), t))) has.set(key, s);
      } else if (no === 6 && row.code) {
        has.set('total', 'yes');
        has.set(PERSONNEL_CLASSES.has(row.code.slice(0, 3)) ? 'personnel' : 'public', 'yes');
      }
      placeRow(table, row, has);
    }
  }
}

/** Table 3's basic and project columns for a line, from what tables 5, 8 and 9 print for it. */
function basicOrProject(row: Row, lineOf: (no: number) => { row?: Row } | undefined, t: (no: number) => PublishedTable | undefined): Record<string, Has> {
  const unknown = { basic: 'maybe', project: 'maybe' } as const;
  let basic = 0;
  let project = 0;
  let fiscal = 0;
  for (const [no, basicKeys] of [[5, ['basic']], [8, ['personnel', 'public']], [9, ['personnel', 'public']]] as const) {
    const line = lineOf(no);
    if (!line) return unknown;
    if (!line.row) continue;
    const cols = tableInfo(no).cols;
    const at = (key: string) => line.row!.cells.find((c) => c.col === cols.indexOf(key) + 1)?.fig.cents ?? 0;
    if (line.row.cells.some((c) => c.col === undefined) || !t(no)) return unknown;
    fiscal += line.row.cells[0]!.fig.cents;
    basic += (basicKeys as readonly string[]).reduce((a, k) => a + at(k), 0);
    project += at('project');
  }
  // Money the three budgets do not pay for (unit funds, 财政专户, carry-over) may be either.
  const settled = (row.cells[0]?.fig.cents ?? 0) === fiscal;
  const of = (cents: number): Has => (cents !== 0 ? 'yes' : settled ? 'no' : 'maybe');
  return { basic: of(basic), project: of(project) };
}

/** Place a row's figures, left to right, on the columns it surely has, or on those and every column it may have. */
function placeRow(table: PublishedTable, row: Row, has: Map<ColKey, Has>): void {
  const cols = tableInfo(table.id).cols;
  const yes = cols.filter((c) => has.get(c) === 'yes');
  const maybe = cols.filter((c) => has.get(c) === 'yes' || has.get(c) === 'maybe');
  const active = row.cells.length === yes.length ? yes : row.cells.length === maybe.length ? maybe : undefined;
  if (active) row.cells.forEach((c, i) => (c.col = cols.indexOf(active[i]!) + 1 || undefined));
}
