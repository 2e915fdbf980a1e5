// Reading figures back out of a published table: a blank cell is 0; a figure whose column could not
// be placed (text extraction of a sparse row) makes the row's other columns unknown.
import type { Fig, PublishedTable, Row, SideRow } from '../published/model.js';
import { tableInfo } from '../published/tables.js';

export { matchFixedRows } from '../published/tables.js';

export function colIndex(table: PublishedTable, key: string): number {
  return tableInfo(table.id).cols.indexOf(key) + 1;
}

/** The figure in column `key`, 0 when blank, undefined when the row has figures in unknown columns. */
export function cell(table: PublishedTable, row: Row, key: string): number | undefined {
  const col = colIndex(table, key);
  const hit = row.cells.find((c) => c.col === col);
  if (hit) return hit.fig.cents;
  return row.cells.some((c) => c.col === undefined) ? undefined : 0;
}

export function cellFig(table: PublishedTable, row: Row, key: string): Fig | undefined {
  const col = colIndex(table, key);
  return row.cells.find((c) => c.col === col)?.fig;
}

export function totalRow(table: PublishedTable | undefined): Row | undefined {
  return table?.rows.find((r) => !r.code && /^(总计|合计|支出总计)$/.test(r.name.replace(/\s+/g, '')));
}

export function rowName(table: PublishedTable, row: Row): string {
  return row.code ? `${row.code.slice(0, 3)}${row.code.length > 3 ? ' ' + row.code.slice(3, 5) : ''}${row.code.length > 5 ? ' ' + row.code.slice(5) : ''} ${row.name}` : row.name;
}

export function colName(table: PublishedTable, key: string): string {
  return COL_NAMES[key] ?? key;
}

const COL_NAMES: Record<string, string> = {
  total: '合计',
  prior: '上年预算数',
  basic: '基本支出',
  project: '项目支出',
  personnel: '人员经费',
  public: '公用经费',
  fiscal: '财政拨款(补助)小计',
  general: '一般公共预算',
  fund: '政府性基金预算',
  capital: '国有资本经营预算',
  special: '财政专户',
  unit: '单位资金',
  general_transfer: '上级一般公共预算安排的转移支付',
  fund_transfer: '上级政府性基金安排的转移支付',
  capital_transfer: '上级国有资本经营预算安排的转移支付',
  carry_fiscal: '财政拨款结转',
  carry_nonfiscal: '非财政拨款结转结余',
};

export function sideAmount(r: SideRow | undefined): number {
  return r?.figs[0]?.cents ?? 0;
}

