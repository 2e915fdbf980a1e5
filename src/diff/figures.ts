// Every figure a document shows, read from its computed view with a stable key and a label a
// finance officer recognises: the staffing of Part 1, each cell of tables 1–11, each compared item
// of Part 3 (this year, last year, change, rate, share) and the other figures of Part 3.
import { Decimal } from 'decimal.js';
import { edition, EDITION_YEARS } from '../catalog/index.js';
import type { View } from '../compute/index.js';
import { PROJECT_ECONOMIC_CLASSES, SOURCE_KEYS } from '../model.js';

export type FigureKind = 'amount' | 'percent' | 'count';
/** A placeholder (in a draft's staffing change) is a string. */
export type FigureValue = Decimal | number | string | null;

export interface Figure {
  /** Stable across years and edits, e.g. `t3.2080502.basic`, `part3.income.general.prior`. */
  key: string;
  /** Where it is shown, e.g. `表3 单位支出总体情况表`. */
  group: string;
  label: string;
  kind: FigureKind;
  value: FigureValue;
}

const SOURCE_LABELS: Record<(typeof SOURCE_KEYS)[number], string> = {
  general: '一般财力', general_transfer: '上级一般公共预算安排转移支付', fund: '政府性基金收入', fund_transfer: '上级政府性基金安排转移支付',
  state_capital: '国有资本经营收入', state_capital_transfer: '上级国有资本经营预算安排转移支付', special_account: '财政专户核拨',
  business: '事业收入', superior_subsidy: '上级补助收入', affiliated: '附属单位上缴收入', operating: '事业单位经营收入', other: '其他收入',
  carryover_general: '财政拨款结转：一般公共预算拨款', carryover_fund: '财政拨款结转：基金预算拨款', carryover_state_capital: '财政拨款结转：国有资本经营预算拨款',
  carryover_special_account: '非财政拨款结转结余：财政专户核拨', carryover_unit: '非财政拨款结转结余：单位资金',
};

const T1_GROUPS: [string, string][] = [
  ['current', '本年收入'], ['general_budget', '一般公共预算拨款'], ['fund_budget', '基金预算拨款'], ['state_capital_budget', '国有资本经营预算拨款'],
  ['unit', '单位资金'], ['carryover', '上年结转结余'], ['carryover_fiscal', '财政拨款结转'], ['carryover_nonfiscal', '非财政拨款结转结余'],
];

type Columns = [key: string, label: string][];
const col = (...labels: [string, string][]): Columns => labels;
const BASIC_PROJECT = col(['total', '合计'], ['basic', '基本支出'], ['project', '项目支出']);
const SPLIT = col(['total', '合计'], ['personnel', '人员经费'], ['public', '公用经费'], ['project', '项目支出']);
const BY_BUDGET = col(['total', '合计'], ['general_budget', '一般公共预算'], ['fund_budget', '政府性基金预算'], ['state_capital_budget', '国有资本经营预算']);
const T2 = col(
  ['total', '总计'], ['fiscal', '财政拨款（补助）小计'], ['general', '一般公共预算'], ['general_transfer', '上级一般公共预算安排的转移支付'],
  ['fund', '政府性基金预算'], ['fund_transfer', '上级政府性基金安排的转移支付'], ['state_capital', '国有资本经营预算'],
  ['state_capital_transfer', '上级国有资本经营预算安排的转移支付'], ['special_account', '财政专户'], ['unit', '单位资金'],
  ['carryover_fiscal', '财政拨款结转'], ['carryover_nonfiscal', '非财政拨款结转结余'],
);
const T6 = col(['total', '合计'], ['personnel', '人员经费'], ['public', '公用经费']);
// Column headings only: the four project classes (301 302 303 310) read the same in every edition.
const T7: Columns = [['total', '合计'], ...PROJECT_ECONOMIC_CLASSES.map((c): [string, string] => [c, edition(EDITION_YEARS[0]).economic.get(c) ?? c])];
const T11 = col(
  ['total', '总计'], ['fiscal', '财政拨款合计'], ['fiscal_personnel', '财政拨款人员经费'], ['fiscal_public', '财政拨款公用经费'], ['fiscal_project', '财政拨款项目支出'],
  ['nonfiscal', '非财政拨款合计'], ['nonfiscal_personnel', '非财政拨款人员经费'], ['nonfiscal_public', '非财政拨款公用经费'], ['nonfiscal_project', '非财政拨款项目支出'],
);

const TABLE_NAMES: Record<string, string> = {
  t1: '表1 单位收支总体情况表', t2: '表2 单位收入总体情况表', t3: '表3 单位支出总体情况表', t4: '表4 财政拨款收支预算总体情况表',
  t5: '表5 一般公共预算支出情况表', t6: '表6 一般公共预算基本支出情况表', t7: '表7 一般公共预算项目支出情况表',
  t8: '表8 政府性基金预算支出情况表', t9: '表9 国有资本经营预算支出情况表', t10: '表10 财政拨款“三公”经费支出情况表', t11: '表11 上年结转结余情况明细表',
};

class Collector {
  readonly figures: Figure[] = [];
  add(group: string, key: string, label: string, value: FigureValue, kind: FigureKind = 'amount'): void {
    this.figures.push({ key, group, label, kind, value });
  }
  row(table: string, rowKey: string, rowLabel: string, values: readonly Decimal[], columns: Columns): void {
    values.forEach((v, i) => {
      const [k, label] = columns[i] ?? [String(i + 1), String(i + 1)];
      this.add(TABLE_NAMES[table]!, `${table}.${rowKey}.${k}`, `${rowLabel} · ${label}`, v);
    });
  }
}

function tables(c: Collector, t: View['tables']): void {
  const g1 = TABLE_NAMES.t1!;
  for (const [k, label] of T1_GROUPS) c.add(g1, `t1.income.${k}`, `收入 · ${label}`, t.t1.groups[k as keyof typeof t.t1.groups]);
  for (const k of SOURCE_KEYS) c.add(g1, `t1.income.${k}`, `收入 · ${SOURCE_LABELS[k]}`, t.t1.sources[k]);
  for (const cls of t.t1.classes) c.add(g1, `t1.spending.${cls.code}`, `支出 · ${cls.code} ${cls.name}`, cls.amount);
  c.add(g1, 't1.total', '收入总计 / 支出总计', t.t1.total);

  const functional = (name: 't2' | 't3' | 't5' | 't8' | 't9', columns: Columns) => {
    c.row(name, 'total', '总计', t[name].total, columns);
    for (const r of t[name].rows) c.row(name, r.code, `${r.code} ${r.name}`, r.values, columns);
  };
  functional('t2', T2);
  functional('t3', BASIC_PROJECT);
  c.row('t4', 'total', '支出总计', t.t4.totals, BY_BUDGET);
  c.add(TABLE_NAMES.t4!, 't4.income.fiscal', '收入 · 财政拨款（补助）', t.t4.fiscal);
  for (const cls of t.t4.classes) c.row('t4', cls.code, `${cls.code} ${cls.name}`, cls.values, BY_BUDGET);
  functional('t5', BASIC_PROJECT);
  c.row('t6', 'total', '总计', t.t6.totals, T6);
  for (const r of t.t6.rows) c.row('t6', r.cls + r.kind, `${r.cls}${r.kind ? ` ${r.kind}` : ''} ${r.name}`, r.values, T6);
  c.row('t7', 'total', '总计', t.t7.total, T7);
  for (const r of t.t7.rows) {
    const code = r.cls + r.kind + r.item;
    c.row('t7', r.project ? `${code}.${r.project}` : code, `${code} ${r.name}${r.project ? ` ${r.project}` : ''}`, r.values, T7);
  }
  functional('t8', SPLIT);
  functional('t9', SPLIT);
  const t10: [keyof typeof t.t10, string][] = [
    ['total', '合计'], ['overseas', '因公出国（境）费'], ['reception', '公务接待费'], ['vehicles', '公务用车购置及运行费'],
    ['vehicle_purchase', '公务用车购置费'], ['vehicle_operation', '公务用车运行费'],
  ];
  for (const [k, label] of t10) c.row('t10', k, label, t.t10[k], BY_BUDGET);
  c.row('t11', 'total', '总计', t.t11.total, T11);
  for (const r of t.t11.rows) c.row('t11', r.code, `${r.code} ${r.name}`, r.values, T11);
}

/** Part 3's sections in document order, with the groups their figures are listed under. */
const PART3_GROUPS: [string, string][] = [
  ['total', '第三部分 一、收支总体情况'], ['income', '第三部分 二、收入预算'], ['expenditure', '第三部分 三、支出预算'],
  ['fiscal', '第三部分 四、财政拨款收支预算'], ['general_budget', '第三部分 五、一般公共预算当年拨款'], ['basic', '第三部分 六、一般公共预算基本支出'],
  ['projects', '第三部分 七、一般公共预算项目支出'], ['fund_budget', '第三部分 八、政府性基金预算拨款'],
  ['state_capital_budget', '第三部分 九、国有资本经营预算拨款'], ['three_public', '第三部分 十、财政拨款“三公”经费'],
  ['carryover', '第三部分 十一、上年结转结余'], ['operating_expense', '第三部分 十二、运行经费'], ['procurement', '第三部分 十二、政府采购'],
  ['assets', '第三部分 十二、国有资产占用使用'], ['projectCounts', '第三部分 十二、预算绩效'], ['performance', '第三部分 项目支出绩效目标表'],
];

const LABELS: Record<string, string> = {
  total: '合计', general: '一般公共预算', general_transfer: '上级一般公共预算安排的转移支付', fund: '政府性基金预算',
  fund_transfer: '上级政府性基金安排的转移支付', state_capital: '国有资本经营预算', state_capital_transfer: '上级国有资本经营预算安排的转移支付',
  special_account: '财政专户管理资金', unit: '单位资金', carryover_fiscal: '财政拨款结转', carryover_nonfiscal: '非财政拨款结转结余',
  basic: '基本支出', project: '项目支出', general_budget: '一般公共预算', fund_budget: '政府性基金预算', state_capital_budget: '国有资本经营预算',
  classes: '按类', lines: '按项', personnel: '人员经费', public: '公用经费', amount: '金额', change: '',
  overseas: '因公出国（境）费', vehicle_purchase: '公务用车购置费', vehicle_operation: '公务用车运行费', reception: '公务接待费',
  goods: '货物', works: '工程', services: '服务', sme_reserved: '面向中小企业预留', small_micro_reserved: '小微企业预留',
  building_area: '房屋面积（平方米）', building_value: '房屋价值', vehicles: '车辆', law_enforcement: '执法执勤用车', count: '数量', value: '价值',
  furniture: '办公家具价值', equipment_over_50: '单位价值50万元以上大型设备（台）', equipment_over_100: '单位价值100万元以上大型设备（套）',
  planned: '本年预算安排购置', vehicleCount: '车辆数', vehicleValue: '车辆价值', nonfiscal: '非财政拨款项目', share: '占比（%）',
  'vehicles.general': '一般公务用车', 'vehicles.other': '其他车辆', 'assets.other': '其他资产价值', 'planned.vehicles': '车辆经费',
  'projectCounts.fiscal': '财政拨款项目', 'fiscal.total': '财政拨款收支总预算', 'performance.fiscal': '其中：财政拨款', 'performance.other': '其他资金',
  'performance.amount': '年度预算总额', 'projects.amount': '预算安排规模', 'expenditure.total': '支出预算', 'general_budget.total': '一般公共预算拨款合计',
};

const CHANGE_PARTS: [string, string, FigureKind][] = [
  ['amount', '本年预算', 'amount'], ['prior', '上年预算', 'amount'], ['change', '比上年增减', 'amount'], ['pct', '增减幅度（%）', 'percent'], ['share', '占比（%）', 'percent'],
];
const SKIPPED_KEYS = new Set(['level', 'rowspan', 'economic', 'rows', 'delta', 'up', 'zero', 'isNew']);

type Changeish = { amount: Decimal; prior: Decimal | null; pct: Decimal | null; up: boolean; share: Decimal | null; delta: Decimal };
const isChange = (v: object): v is Changeish => 'delta' in v && 'up' in v && 'isNew' in v;

function labelOf(parent: string, key: string): string {
  return LABELS[`${parent}.${key}`] ?? LABELS[key] ?? key;
}

function rowOf(item: unknown, index: number): [key: string, label: string] {
  const o = item as { code?: string; name?: string; itemName?: string; project?: string };
  const name = o.itemName ?? o.name ?? o.project;
  if (o.code) return [o.code, `${o.code}${name ? ` ${name}` : ''}`];
  if (name) return [name, name];
  return [String(index + 1), String(index + 1)];
}

/** `within` is the name the children's labels are looked up under (an array's items share its name). */
function walk(c: Collector, group: string, node: unknown, key: string, label: string[], within: string): void {
  const text = () => label.filter(Boolean).join(' · ');
  if (node instanceof Decimal) return c.add(group, key, text(), node, /\.(share|pct)$/.test(key) ? 'percent' : 'amount');
  if (typeof node === 'number') return c.add(group, key, text(), node, 'count');
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      const [k, l] = rowOf(item, i);
      walk(c, group, item, `${key}.${k}`, [...label, l], within);
    });
    return;
  }
  if (isChange(node)) {
    const values: Record<string, FigureValue> = {
      amount: node.amount,
      prior: node.prior,
      change: node.amount.minus(node.prior ?? 0),
      pct: node.pct && (node.up ? node.pct : node.pct.negated()),
      share: node.share,
    };
    for (const [part, partLabel, kind] of CHANGE_PARTS)
      if (part !== 'share' || node.share !== null) c.add(group, `${key}.${part}`, [...label, partLabel].filter(Boolean).join(' · '), values[part]!, kind);
    return;
  }
  for (const [k, v] of Object.entries(node)) if (!SKIPPED_KEYS.has(k)) walk(c, group, v, `${key}.${k}`, [...label, labelOf(within, k)], k);
}

export function figuresOf(view: View): Figure[] {
  const c = new Collector();
  const s = view.overview.staffing;
  const g1 = '第一部分 机构设置及人员情况';
  c.add(g1, 'staffing.authorized', '编制数', s.authorized, 'count');
  c.add(g1, 'staffing.actual', '实有人数', s.actual, 'count');
  for (const [k, label] of [['serving', '在职'], ['retired', '退休'], ['honorary_retired', '离休']] as const) {
    c.add(g1, `staffing.${k}.count`, `${label}人数`, s[k].count, 'count');
    c.add(g1, `staffing.${k}.change`, `${label}人数比上年增减`, s[k].placeholder ?? s[k].change, 'count');
  }
  tables(c, view.tables);
  const part3 = view.part3 as unknown as Record<string, unknown>;
  for (const [k, group] of PART3_GROUPS) walk(c, group, part3[k], `part3.${k}`, k === 'total' ? ['收支总预算'] : [], k);
  return c.figures;
}
