// What audit knows about the eleven tables of the reference's family: titles, numbered columns and how
// they add up, and the fixed rows of tables 1, 4 and 10. All table knowledge of the reader and of
// audit lives here, so it can later come from the shared table layout (src/tables/) instead.

export type ColKey = string;

export interface TableInfo {
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
    no: 2,
    title: '单位收入总体情况表',
    cols: ['total', 'fiscal', 'general', 'general_transfer', 'fund', 'fund_transfer', 'capital', 'capital_transfer', 'special', 'unit', 'carry_fiscal', 'carry_nonfiscal'],
    sums: [
      ['total', ['fiscal', 'special', 'unit', 'carry_fiscal', 'carry_nonfiscal']],
      ['fiscal', ['general', 'general_transfer', 'fund', 'fund_transfer', 'capital', 'capital_transfer']],
    ],
    codes: 'functional',
  },
  { no: 3, title: '单位支出总体情况表', cols: ['total', 'basic', 'project'], sums: CLASS_SUMS, codes: 'functional' },
  {
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
  { no: 5, title: '一般公共预算支出情况表', cols: ['total', 'basic', 'project'], sums: CLASS_SUMS, codes: 'functional' },
  { no: 6, title: '一般公共预算基本支出情况表', cols: ['total', 'personnel', 'public'], sums: [['total', ['personnel', 'public']]], codes: 'economic' },
  {
    no: 7,
    title: '一般公共预算项目支出情况表',
    cols: ['total', 'e301', 'e302', 'e303', 'e307', 'e309', 'e310', 'e311', 'e312', 'e313', 'e399'],
    sums: [['total', ['e301', 'e302', 'e303', 'e307', 'e309', 'e310', 'e311', 'e312', 'e313', 'e399']]],
    codes: 'functional',
  },
  { no: 8, title: '政府性基金预算支出情况表', cols: ['total', 'personnel', 'public', 'project'], sums: [['total', ['personnel', 'public', 'project']]], codes: 'functional' },
  { no: 9, title: '国有资本经营预算支出情况表', cols: ['total', 'personnel', 'public', 'project'], sums: [['total', ['personnel', 'public', 'project']]], codes: 'functional' },
  { no: 10, title: '财政拨款“三公”经费支出情况表', cols: ['total', 'general', 'fund', 'capital'], sums: [['total', ['general', 'fund', 'capital']]] },
  {
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

/** Table 10's rows: key, label, and the row it is part of. */
export const THREE_PUBLIC_ROWS: readonly LeftRow[] = [
  { key: 'total', label: /^合计$/ },
  { key: 'abroad', label: /因公出国/, parent: 'total' },
  { key: 'reception', label: /公务接待/, parent: 'total' },
  { key: 'vehicles', label: /公务用车购置及运行/, parent: 'total' },
  { key: 'vehicle_purchase', label: /公务用车购置费/, parent: 'vehicles' },
  { key: 'vehicle_running', label: /公务用车运行(维护)?费/, parent: 'vehicles' },
];

/** Titles as printed may differ in quotes and brackets: compare them normalised. */
export function normTitle(s: string): string {
  return s.replace(/\s+/g, '').replace(/["“”「」]/g, '"').replace(/[（(]/g, '(').replace(/[）)]/g, ')');
}

export function tableByTitle(text: string): TableInfo | undefined {
  const t = normTitle(text).replace(/^表\d+/, '');
  return TABLES.find((x) => normTitle(x.title) === t);
}

export function tableInfo(no: number): TableInfo {
  return TABLES[no - 1]!;
}

/** Economic class of table 6's rows that is 人员经费 (the rest is 公用经费). */
export const PERSONNEL_CLASSES = new Set(['301', '303']);

/** Tables 1, 4 (income side) and 10: each fixed row matched in printed order; numbering (`1、`, `4.`)
 * and `其中：` are not part of the label. */
export function matchFixedRows<T extends { label: string } | { name: string }>(rows: readonly T[], spec: readonly LeftRow[]): Map<string, T> {
  const out = new Map<string, T>();
  let k = 0;
  for (const r of rows) {
    const label = ('label' in r ? r.label : r.name).replace(/^(其中[：:])?([一二三四五六七八九十\d]+[、.．])?(其中[：:])?/, '').replace(/\s+/g, '');
    for (let j = k; j < spec.length; j++)
      if (spec[j]!.label.test(label)) {
        out.set(spec[j]!.key, r);
        k = j + 1;
        break;
      }
  }
  return out;
}
