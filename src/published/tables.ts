// What audit knows about the tables of the reference's family: numbered columns and how they add up,
// and the fixed rows of tables 1, 4 and 10, by the id of their layout in src/tables/ (t1 … t11, and
// t10mt: the ten-tables set's 三公 with 会议费 and 培训费). Which table a title names comes from the
// layouts (titles and variants of templates/tables.yaml and a profile's overlay), not from here.
import { rowParents, type TableLayout } from '../tables/index.js';

export type ColKey = string;

export interface TableInfo {
  /** The layout's id (src/tables): `t1` … `t11`, `t10mt`. */
  id: string;
  no: number;
  title: string;
  /** Numbered columns (the `※ 1 2 3 …` row), in order; tables 1 and 4 have none but their expenditure side's. */
  cols: ColKey[];
  /** Column sums that hold in every row: whole = sum of parts (keys of `cols`). */
  sums: [ColKey, ColKey[]][];
  /** Codes are functional (类 款 项) or economic (类 款). */
  codes?: 'functional' | 'economic';
  /** Tables 1 and 4: the income side's fixed rows, in printed order. */
  left?: LeftRow[];
}

export interface LeftRow {
  key: string;
  label: RegExp;
  parent?: string;
}

const CLASS_SUMS: [ColKey, ColKey[]][] = [['total', ['basic', 'project']]];

export const TABLES: readonly TableInfo[] = [
  {
    id: 't1',
    no: 1,
    title: '单位收支总体情况表',
    cols: ['total'],
    sums: [],
    codes: 'functional',
    left: [
      { key: 'income', label: /本年收入/ },
      { key: 'general', label: /^一般公共预算拨款$/, parent: 'income' },
      { key: 'general_own', label: /一般财力/, parent: 'general' },
      { key: 'general_transfer', label: /上级一般公共预算安排/, parent: 'general' },
      { key: 'fund', label: /基金预算拨款$/, parent: 'income' },
      { key: 'fund_own', label: /政府性基金收入/, parent: 'fund' },
      { key: 'fund_transfer', label: /上级政府性基金安排/, parent: 'fund' },
      { key: 'capital', label: /国有资本经营预算拨款$/, parent: 'income' },
      { key: 'capital_own', label: /国有资本经营收入/, parent: 'capital' },
      { key: 'capital_transfer', label: /上级国有资本经营预算安排/, parent: 'capital' },
      { key: 'special', label: /财政专户/, parent: 'income' },
      { key: 'unit', label: /单位资金/, parent: 'income' },
      { key: 'unit_business', label: /^事业收入/, parent: 'unit' },
      { key: 'unit_superior', label: /上级补助收入/, parent: 'unit' },
      { key: 'unit_affiliated', label: /附属单位上缴收入/, parent: 'unit' },
      { key: 'unit_operating', label: /事业单位经营收入/, parent: 'unit' },
      { key: 'unit_other', label: /^其他收入/, parent: 'unit' },
      { key: 'carry', label: /上年结转结余/ },
      { key: 'carry_fiscal', label: /财政拨款结转$/, parent: 'carry' },
      { key: 'carry_general', label: /一般公共预算拨款$/, parent: 'carry_fiscal' },
      { key: 'carry_fund', label: /基金预算拨款$/, parent: 'carry_fiscal' },
      { key: 'carry_capital', label: /国有资本经营预算拨款$/, parent: 'carry_fiscal' },
      { key: 'carry_nonfiscal', label: /非财政拨款结转结余$/, parent: 'carry' },
      { key: 'carry_special', label: /财政专户/, parent: 'carry_nonfiscal' },
      { key: 'carry_unit', label: /单位资金/, parent: 'carry_nonfiscal' },
      { key: 'grand', label: /^收入总计$/ },
    ],
  },
  {
    id: 't2',
    no: 2,
    title: '单位收入总体情况表',
    cols: ['total', 'fiscal', 'general', 'general_transfer', 'fund', 'fund_transfer', 'capital', 'capital_transfer', 'special', 'unit', 'carry_fiscal', 'carry_nonfiscal'],
    sums: [
      ['total', ['fiscal', 'special', 'unit', 'carry_fiscal', 'carry_nonfiscal']],
      ['fiscal', ['general', 'general_transfer', 'fund', 'fund_transfer', 'capital', 'capital_transfer']],
    ],
    codes: 'functional',
  },
  { id: 't3', no: 3, title: '单位支出总体情况表', cols: ['total', 'basic', 'project'], sums: CLASS_SUMS, codes: 'functional' },
  {
    id: 't4',
    no: 4,
    title: '财政拨款收支预算总体情况表',
    cols: ['total', 'general', 'fund', 'capital'],
    sums: [['total', ['general', 'fund', 'capital']]],
    codes: 'functional',
    left: [
      { key: 'fiscal', label: /财政拨款[（(]补助[)）]$/ },
      { key: 'general', label: /^一般公共预算$/, parent: 'fiscal' },
      { key: 'fund', label: /^政府性基金预算$/, parent: 'fiscal' },
      { key: 'capital', label: /^国有资本经营预算$/, parent: 'fiscal' },
      { key: 'carry', label: /上年结转/ },
      { key: 'grand', label: /^收入总计$/ },
    ],
  },
  { id: 't5', no: 5, title: '一般公共预算支出情况表', cols: ['total', 'basic', 'project'], sums: CLASS_SUMS, codes: 'functional' },
  { id: 't6', no: 6, title: '一般公共预算基本支出情况表', cols: ['total', 'personnel', 'public'], sums: [['total', ['personnel', 'public']]], codes: 'economic' },
  {
    id: 't7',
    no: 7,
    title: '一般公共预算项目支出情况表',
    cols: ['total', 'e301', 'e302', 'e303', 'e307', 'e309', 'e310', 'e311', 'e312', 'e313', 'e399'],
    sums: [['total', ['e301', 'e302', 'e303', 'e307', 'e309', 'e310', 'e311', 'e312', 'e313', 'e399']]],
    codes: 'functional',
  },
  { id: 't8', no: 8, title: '政府性基金预算支出情况表', cols: ['total', 'personnel', 'public', 'project'], sums: [['total', ['personnel', 'public', 'project']]], codes: 'functional' },
  { id: 't9', no: 9, title: '国有资本经营预算支出情况表', cols: ['total', 'personnel', 'public', 'project'], sums: [['total', ['personnel', 'public', 'project']]], codes: 'functional' },
  { id: 't10', no: 10, title: '财政拨款“三公”经费支出情况表', cols: ['total', 'general', 'fund', 'capital'], sums: [['total', ['general', 'fund', 'capital']]] },
  {
    id: 't11',
    no: 11,
    title: '上年结转结余情况明细表',
    cols: ['total', 'f_total', 'f_personnel', 'f_public', 'f_project', 'n_total', 'n_personnel', 'n_public', 'n_project'],
    sums: [
      ['total', ['f_total', 'n_total']],
      ['f_total', ['f_personnel', 'f_public', 'f_project']],
      ['n_total', ['n_personnel', 'n_public', 'n_project']],
    ],
  },
];

/** The ten-tables set's 表 7 (`t10mt`): 三公 with 会议费 and 培训费, the prior year first; its rows are the layout's. */
const T10MT: TableInfo = {
  id: 't10mt',
  no: 7,
  title: '“三公”经费、会议费、培训费支出表',
  cols: ['prior', 'total', 'general', 'fund', 'capital'],
  sums: [['total', ['general', 'fund', 'capital']]],
};

/** Table 10's rows: key, label, and the row it is part of. */
export const THREE_PUBLIC_ROWS: readonly LeftRow[] = [
  { key: 'total', label: /^合计$/ },
  { key: 'overseas', label: /因公出国/, parent: 'total' },
  { key: 'reception', label: /公务接待/, parent: 'total' },
  { key: 'vehicles', label: /公务用车购置及运行/, parent: 'total' },
  { key: 'vehicle_purchase', label: /公务用车购置费/, parent: 'vehicles' },
  { key: 'vehicle_operation', label: /公务用车运行(维护)?费/, parent: 'vehicles' },
];

/** What audit knows of a table, by its layout's id (or, for the default set, its number). */
export function tableInfo(id: number | string): TableInfo {
  const key = typeof id === 'number' ? `t${id}` : id;
  return key === T10MT.id ? T10MT : TABLES.find((t) => t.id === key)!;
}

/** Whether audit knows the table of this layout (the performance table is read apart). */
export function knownTable(id: string): boolean {
  return id === T10MT.id || TABLES.some((t) => t.id === id);
}

/** The fixed rows of an `items` table as matchFixedRows takes them, from its layout: each row part of
 * the nearest row above it one level up, the top level of the total (`total`). */
export function itemRows(layout: TableLayout): LeftRow[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rows = layout.body.rows;
  const parents = rowParents(rows);
  return [
    { key: 'total', label: new RegExp(`^${escape(rowLabel(layout.body.total?.label ?? '合计'))}$`) },
    ...rows.map((r, i) => ({
      key: r.key,
      label: new RegExp(`^${escape(rowLabel(r.label)).replace(/运行费$/, '运行(维护)?费')}$`),
      parent: rows[parents[i]!]?.key ?? 'total',
    })),
  ];
}

/** Economic class of table 6's rows that is 人员经费 (the rest is 公用经费). */
export const PERSONNEL_CLASSES = new Set(['301', '303']);

/**
 * A fixed row's label as it is matched: numbering (`1、`, `4.`), `其中：`, white space and quotes
 * (“三公” or "三公") left out, full-width forms made plain.
 */
function rowLabel(label: string): string {
  return label.normalize('NFKC').replace(/^(其中[：:])?([一二三四五六七八九十\d]+[、.．])?(其中[：:])?/, '').replace(/[\s"'“”‘’「」『』]+/g, '');
}

/** Tables 1, 4 (income side) and 10: each fixed row matched in printed order; numbering (`1、`, `4.`)
 * and `其中：` are not part of the label. */
export function matchFixedRows<T extends { label: string } | { name: string }>(rows: readonly T[], spec: readonly LeftRow[]): Map<string, T> {
  const out = new Map<string, T>();
  let k = 0;
  for (const r of rows) {
    const label = rowLabel('label' in r ? r.label : r.name);
    for (let j = k; j < spec.length; j++)
      if (spec[j]!.label.test(label)) {
        out.set(spec[j]!.key, r);
        k = j + 1;
        break;
      }
  }
  return out;
}
