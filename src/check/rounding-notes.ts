// Wherever a table shows a total whose shown figure differs from the sum of the shown cells it
// totals (a row above its sub-rows, a 合计 column beside its parts), say so once, as a note naming
// the cells: each figure is rounded on its own, so a cent's difference is expected, not an error.
// The reference's table 6 is the example: 301 shows 212.45 (212.454), its 款 shown add up to 212.46.
// Figures are worked and named as the profile shows them (元 and its decimals for a 元 profile):
// a cent's rounding in 万元 may be none in 元, and the note must name what the document prints.
import type { Decimal } from 'decimal.js';
import { catalogFor } from '../catalog/index.js';
import { round2, sum } from '../compute/money.js';
import type { FunctionalTable } from '../compute/functional-rows.js';
import type { Finding } from '../findings.js';
import { leafColumns, rowParents, type TableLayout } from '../tables/index.js';
import { PROJECT_ECONOMIC_CLASSES, THREE_PUBLIC_KEYS } from '../model.js';
import { shownIn, type Cell } from './cells.js';
import { exact, finding, type DataContext, type DataRule } from './context.js';

/** One total and the cells it totals. */
interface Sum {
  table: string;
  row: string;
  column: string;
  /** A row over its sub-rows, or a column over the columns beside it. */
  kind: 'rows' | 'columns';
  total: Decimal;
  parts: Cell[];
  /** Key path of the data the row comes from (looked up only for a row that gets a note). */
  at: () => string;
}

interface Row {
  code: string;
  level: number;
  label: string;
  values: Decimal[];
}

/** A table: rows with a code hierarchy (a row totals the next level's rows under its code), a total row, columns with sums. */
interface Shape {
  /** The table's id in tables.yaml (`t6`); named by its number in the document's set. */
  table: string;
  columns: string[];
  /** [total column, part columns]. */
  across: [number, number[]][];
  total: Decimal[];
  rows: Row[];
  at: (code: string | undefined) => string;
}

function sums(s: Shape): Sum[] {
  const out: Sum[] = [];
  const top = Math.min(...s.rows.map((r) => r.level));
  // Rows come in code order, so a row's sub-rows follow it until the next row of its level or above.
  const under = new Map<Row | undefined, Row[]>([[undefined, s.rows.filter((r) => r.level === top)]]);
  s.rows.forEach((row, i) => {
    const kids: Row[] = [];
    for (let j = i + 1; j < s.rows.length && s.rows[j]!.level > row.level; j++)
      if (s.rows[j]!.level === row.level + 1 && s.rows[j]!.code.startsWith(row.code)) kids.push(s.rows[j]!);
    under.set(row, kids);
  });
  const children = (row: Row | undefined) => under.get(row) ?? [];
  for (const row of [undefined, ...s.rows]) {
    const values = row ? row.values : s.total;
    const name = row ? row.label : '总计';
    const kids = children(row);
    if (kids.length)
      s.columns.forEach((column, c) =>
        out.push({ table: s.table, row: name, column, kind: 'rows', total: values[c]!, parts: kids.map((k) => ({ label: k.label, value: k.values[c]! })), at: () => s.at(row?.code) }));
    for (const [whole, parts] of s.across)
      out.push({ table: s.table, row: name, column: s.columns[whole]!, kind: 'columns', total: values[whole]!, parts: parts.map((p) => ({ label: s.columns[p]!, value: values[p]! })), at: () => s.at(row?.code) });
  }
  return out;
}

function functional(ctx: DataContext, table: string, t: FunctionalTable, columns: string[], across: [number, number[]][]): Shape {
  return {
    table,
    columns,
    across,
    total: t.total,
    rows: t.rows.map((r) => ({ code: r.code, level: r.level, label: `${r.code} ${r.name}`, values: r.values })),
    at: (code) => {
      const i = code === undefined ? -1 : ctx.data.budget.findIndex((l) => l.code.startsWith(code));
      return i < 0 ? 'budget' : `budget[${i}]`;
    },
  };
}

function shapes(ctx: DataContext): Shape[] {
  const { t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11 } = ctx.view.tables;
  const economic = ctx.data.basic_economic;
  const projectColumns = ['项目支出合计', ...PROJECT_ECONOMIC_CLASSES.map((c) => catalogFor(ctx.data).name('economic', c) ?? c)];
  const split = ['合计', '人员经费', '公用经费', '项目支出'];
  const t1Income = (keys: readonly (keyof typeof t1.sources)[]) => keys.map((k) => t1.sources[k]);
  return [
    {
      table: 't1',
      columns: ['支出总计'],
      across: [],
      total: [t1.classes.reduce((a, c) => a.plus(c.amount), t1.total.minus(t1.total))],
      rows: t1.classes.filter((c) => !c.amount.isZero()).map((c) => ({ code: c.code, level: 1, label: `${c.code} ${c.name}`, values: [c.amount] })),
      at: () => 'budget',
    },
    {
      // Income side of table 1 as one row: 收入总计 = 本年收入 + 上年结转结余, each split into its lines.
      table: 't1',
      columns: ['收入总计', '一般公共预算拨款', '基金预算拨款', '国有资本经营预算拨款', '财政专户核拨', '单位资金', '财政拨款结转', '非财政拨款结转结余', '一般财力', '上级一般公共预算安排转移支付'],
      across: [[0, [1, 2, 3, 4, 5, 6, 7]], [1, [8, 9]]],
      total: [t1.total, t1.groups.general_budget, t1.groups.fund_budget, t1.groups.state_capital_budget, t1.sources.special_account, t1.groups.unit, t1.groups.carryover_fiscal, t1.groups.carryover_nonfiscal, ...t1Income(['general', 'general_transfer'])],
      rows: [],
      at: () => 'budget',
    },
    functional(ctx, 't2', t2, ['总计', '财政拨款（补助）小计', '一般公共预算', '上级一般公共预算安排的转移支付', '政府性基金预算', '上级政府性基金安排的转移支付', '国有资本经营预算', '上级国有资本经营预算安排的转移支付', '财政专户', '单位资金', '财政拨款结转', '非财政拨款结转结余'], [[0, [1, 8, 9, 10, 11]], [1, [2, 3, 4, 5, 6, 7]]]),
    functional(ctx, 't3', t3, ['合计', '基本支出', '项目支出'], [[0, [1, 2]]]),
    {
      table: 't4',
      columns: ['合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
      across: [[0, [1, 2, 3]]],
      total: t4.totals,
      rows: t4.classes.filter((c) => c.values.some((v) => !v.isZero())).map((c) => ({ code: c.code, level: 1, label: `${c.code} ${c.name}`, values: c.values })),
      at: () => 'budget',
    },
    functional(ctx, 't5', t5, ['合计', '基本支出', '项目支出'], [[0, [1, 2]]]),
    {
      table: 't6',
      columns: ['合计', '人员经费', '公用经费'],
      across: [[0, [1, 2]]],
      total: t6.totals,
      rows: t6.rows.map((r) => ({ code: r.cls + r.kind, level: r.level, label: `${r.cls + r.kind} ${r.name}`, values: r.values })),
      at: (code) => {
        if (code === undefined) return 'basic_economic';
        if (economic[code]) return `basic_economic.${code}`;
        const first = Object.keys(economic).filter((c) => c.length === 5 && c.startsWith(code)).sort()[0];
        return first ? `basic_economic.${first}` : 'basic_economic';
      },
    },
    {
      table: 't7',
      columns: projectColumns,
      across: [[0, projectColumns.slice(1).map((_, i) => i + 1)]],
      total: t7.total,
      rows: t7.rows.map((r) => ({ code: r.cls + r.kind + r.item, level: r.level, label: r.level === 3 ? `${r.cls + r.kind + r.item} ${r.project}` : `${r.cls + r.kind + r.item} ${r.name}`, values: r.values })),
      at: (code) => {
        const i = code === undefined ? -1 : ctx.data.projects.findIndex((p) => p.code.startsWith(code));
        return i < 0 ? 'projects' : `projects[${i}]`;
      },
    },
    functional(ctx, 't8', t8, split, [[0, [1, 2, 3]]]),
    functional(ctx, 't9', t9, split, [[0, [1, 2, 3]]]),
    {
      table: 't10',
      columns: ['合计', '一般公共预算', '政府性基金', '国有资本经营预算'],
      across: [[0, [1, 2, 3]]],
      total: t10.total,
      rows: [
        { code: 'overseas', level: 1, label: '因公出国（境）费', values: t10.overseas },
        { code: 'reception', level: 1, label: '公务接待费', values: t10.reception },
        { code: 'vehicle', level: 1, label: '公务用车购置及运行费', values: t10.vehicles },
        { code: 'vehicle_purchase', level: 2, label: '公务用车购置费', values: t10.vehicle_purchase },
        { code: 'vehicle_operation', level: 2, label: '公务用车运行费', values: t10.vehicle_operation },
      ],
      at: (code) => (code && (THREE_PUBLIC_KEYS as readonly string[]).includes(code) ? `three_public.${code}` : 'three_public'),
    },
    {
      table: 't11',
      columns: ['总计', '财政拨款合计', '财政拨款人员经费', '财政拨款公用经费', '财政拨款项目支出', '非财政拨款合计', '非财政拨款人员经费', '非财政拨款公用经费', '非财政拨款项目支出'],
      across: [[0, [1, 5]], [1, [2, 3, 4]], [5, [6, 7, 8]]],
      total: t11.total,
      rows: t11.rows.map((r) => ({ code: r.code, level: 1, label: `${r.code} ${r.name}`, values: r.values })),
      at: (code) => {
        const i = code === undefined ? -1 : ctx.data.budget.findIndex((l) => l.code === code);
        return i < 0 ? 'budget' : `budget[${i}]`;
      },
    },
  ];
}

/**
 * The 10-table set's “三公”经费、会议费、培训费支出表 (t10mt), from its layout's rows: a row totals
 * the rows one level below it that follow it.
 */
function meetingTraining(ctx: DataContext, layout: TableLayout): Shape {
  const t = ctx.view.tables.t10mt;
  const codes: string[] = [];
  const parents = rowParents(layout.body.rows);
  const rows = layout.body.rows.map((r, i) => {
    // A code that starts with its parent's, as `sums` finds sub-rows.
    codes.push(`${codes[parents[i]!] ?? ''}${String.fromCharCode(97 + i)}`);
    return { code: codes[i]!, level: r.level as number, label: r.label.replace(/^[一二三四五六七八九十]+、|^其中：/, ''), values: t[r.key as keyof typeof t] ?? [] };
  });
  const keyOf = new Map(rows.map((r, i) => [r.code, layout.body.rows[i]!.key]));
  return {
    table: 't10mt',
    // Its amount columns as its header names them (上年预算数, then 本年预算数's 合计 and sources).
    columns: leafColumns(layout).filter((c) => c.kind === 'amount').map((c) => c.labels[c.labels.length - 1]!),
    across: [[1, [2, 3, 4]]],
    total: t.total,
    rows: rows.filter((r) => r.values.length),
    at: (code) => {
      const key = code === undefined ? undefined : keyOf.get(code);
      if (key === 'meeting' || key === 'training') return key;
      return key && (THREE_PUBLIC_KEYS as readonly string[]).includes(key) ? `three_public.${key}` : 'three_public';
    },
  };
}

/** `表 6`: the table's number in the document's set; undefined for a table the set does not print. */
function tableName(ctx: DataContext, id: string): string | undefined {
  if (!ctx.tables) return id === 't10mt' ? undefined : `表 ${id.slice(1)}`;
  const layout = ctx.tables.tables.find((t) => t.id === id);
  return layout ? (layout.no === null ? layout.title : `表 ${layout.no}`) : undefined;
}

/** A stated 类 subtotal that is not simply the rounded total: check/totals-match reports that row. */
function statedElsewhere(ctx: DataContext, at: string): boolean {
  const m = /^basic_economic\.(\d{3})$/.exec(at);
  const stated = m ? ctx.data.basic_economic[m[1]!] : undefined;
  if (!m || !stated) return false;
  const row = ctx.view.tables.t6.rows.find((r) => r.level === 1 && r.cls === m[1]);
  return !row || !round2(row.values[0]!).equals(stated);
}

export const roundingNotes: DataRule = (ctx) => {
  // Per table and row, the columns whose shown total is not the sum of its shown cells; columns
  // with the same figures are named together (合计、人员经费), and a row described identically by
  // several tables (3 and 5 show the same general-budget figures) gets one note naming them all.
  const notes = new Map<string, { tables: string[]; row: string; at: string; text: string; exactTotals: string[] }>();
  const shown = shownIn(ctx.numbers);
  const unit = ctx.numbers.unit;
  const t10mt = ctx.tables?.tables.find((t) => t.id === 't10mt');
  for (const shape of [...shapes(ctx), ...(t10mt ? [meetingTraining(ctx, t10mt)] : [])]) {
    const table = tableName(ctx, shape.table);
    if (table === undefined) continue;
    type RowNote = { row: string; at: string; columns: Map<string, { columns: string[]; text: string }>; exactTotals: string[] };
    const rows = new Map<string, RowNote>();
    for (const s of sums(shape)) {
      if (s.total.isZero() && s.parts.every((p) => p.value.isZero())) continue; // an empty column
      const total = shown.value(s.total);
      const added = shown.sum(s.parts);
      // Only a difference that rounding explains: the exact figures add up. Anything else is a
      // real disagreement, which the rule for that table reports.
      if (total.equals(added) || !s.total.equals(sum(s.parts.map((p) => p.value)))) continue;
      const cells = s.parts.filter((p) => !shown.value(p.value).isZero());
      const vertical = s.kind === 'rows';
      const text = vertical
        ? `显示 ${shown.text(total)}，其下各行显示数之和为 ${shown.text(added)}（${shown.list(cells)}）`
        : `显示 ${shown.text(total)}，同行 ${shown.list(cells)} 之和为 ${shown.text(added)}`;
      const entry: RowNote = rows.get(s.row) ?? { row: s.row, at: s.at(), columns: new Map(), exactTotals: [] };
      const same: { columns: string[]; text: string } = entry.columns.get(text) ?? { columns: [], text };
      same.columns.push(s.column);
      entry.columns.set(text, same);
      entry.exactTotals.push(exact(ctx.numbers.scale(s.total)));
      rows.set(s.row, entry);
    }
    for (const entry of rows.values()) {
      const text = [...entry.columns.values()].map((c) => `${c.columns.join('、')}列${c.text}`).join('；');
      const key = `${entry.row}|${text}`;
      const seen = notes.get(key);
      if (seen) seen.tables.push(table);
      else notes.set(key, { tables: [table], row: entry.row, at: entry.at, text, exactTotals: entry.exactTotals });
    }
  }
  // A label quoting a word (“三公”经费) quotes it with single marks inside the note's own double ones.
  const nested = (label: string) => label.replace(/“/g, '‘').replace(/”/g, '’');
  const out: Finding[] = [];
  for (const { tables, row, at, text, exactTotals } of notes.values()) {
    if (statedElsewhere(ctx, at)) continue;
    out.push(finding(ctx, 'ROUNDING_NOTE', 'note',
      `${[...new Set(tables)].join('、')}“${nested(row)}”行的${text}。差异系逐格四舍五入所致（精确数 ${[...new Set(exactTotals)].join('、')}${unit === '万元' ? '' : ` ${unit}`}），数据无误，无需修改。 ` +
        `A shown total differs from the sum of its shown cells by rounding only.`, at, { prefer: 'key' }));
  }
  return out;
};
