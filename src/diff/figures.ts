// Every figure a data file states, at the finest level it is entered — a budget line's amount of one
// part (基本/项目支出) from one source, an economic 款, a project's class, a 三公 item's, 会议费's or 培训费's source — with
// the tables that print it. Totals, shares and rates are derived: the summary (summary.ts) shows the
// few a reviewer reads first, and no figure is listed twice because it is summed into another.
import type { Decimal } from 'decimal.js';
import { catalogFor } from '../catalog/index.js';
import { GROUPS } from '../compute/sources.js';
import type { BudgetLine, DisclosureData, SourceKey, SourceMap } from '../model.js';
import { MEETING_TRAINING_KEYS, SOURCE_KEYS, THREE_PUBLIC_KEYS } from '../model.js';

export type FigureKind = 'amount' | 'count' | 'text';
export type FigureValue = Decimal | number | string | null;

export interface Figure {
  /** Stable across years and edits, e.g. `budget.2080502.basic.general`, `economic.30107`. */
  key: string;
  /** The section it is listed under, e.g. `预算 按功能分类 项`. */
  group: string;
  label: string;
  kind: FigureKind;
  value: FigureValue;
  /**
   * Where the documents print it: the default set's tables by id (`t2`, `t3`, …; `t10mt` the ten-table
   * set's 三公/会议费/培训费 table) or a part, e.g. `第三部分`. The diff names them as the new document's
   * own set numbers them (index.ts: printedIn).
   */
  tables: string[];
}

export const SOURCE_LABELS: Record<SourceKey, string> = {
  general: '一般公共预算', general_transfer: '上级一般公共预算安排的转移支付', fund: '政府性基金预算', fund_transfer: '上级政府性基金安排的转移支付',
  state_capital: '国有资本经营预算', state_capital_transfer: '上级国有资本经营预算安排的转移支付', special_account: '财政专户管理资金',
  business: '事业收入', superior_subsidy: '上级补助收入', affiliated: '附属单位上缴收入', operating: '事业单位经营收入', other: '其他收入',
  carryover_general: '财政拨款结转：一般公共预算', carryover_fund: '财政拨款结转：政府性基金预算', carryover_state_capital: '财政拨款结转：国有资本经营预算',
  carryover_special_account: '非财政拨款结转结余：财政专户', carryover_unit: '非财政拨款结转结余：单位资金',
};

const PARTS = [['basic', '基本支出'], ['personnel', '人员经费'], ['public', '公用经费'], ['project', '项目支出']] as const;

export const THREE_PUBLIC_LABELS: Record<(typeof THREE_PUBLIC_KEYS)[number], string> = {
  overseas: '因公出国（境）费', vehicle_purchase: '公务用车购置费', vehicle_operation: '公务用车运行费', reception: '公务接待费',
};

/** 会议费 and 培训费 (`meeting:`, `training:`), listed beside the 三公 as the 10-table set prints them. */
export const MEETING_TRAINING_LABELS = { meeting: '会议费', training: '培训费' } as const;

export const GROUP_NAMES = {
  staffing: '第一部分 人员',
  budget: '预算 按功能分类 项 · 支出类型 · 资金来源',
  economic: '一般公共预算基本支出 按经济分类 款',
  projects: '项目支出 按经济分类 类',
  threePublic: '财政拨款“三公”经费',
  meetingTraining: '会议费、培训费',
  procurement: '政府采购',
  assets: '国有资产占用使用',
  prior: '上年数（第三部分比较的基数）',
  priorOfNext: '上年数（第三部分比较的基数）与原文件本年数不同',
} as const;

const in_ = (key: SourceKey, group: readonly string[]) => group.includes(key);

/** The tables that print one 项 row's amount from this source. */
function lineTables(source: SourceKey): string[] {
  const out = ['t2', 't3'];
  if (in_(source, GROUPS.general_budget)) out.push('t5');
  if (in_(source, GROUPS.fund_budget)) out.push('t8');
  if (in_(source, GROUPS.state_capital_budget)) out.push('t9');
  if (in_(source, GROUPS.carryover)) out.push('t11');
  return out;
}

type Names = { functional(code: string): string; economic(code: string): string };

function namesOf(data: DisclosureData): Names {
  const catalog = catalogFor(data);
  return {
    functional: (code) => catalog.name('functional', code) ?? data.budget.find((l) => l.code === code)?.name ?? data.prior.budget.find((l) => l.code === code)?.name ?? '',
    economic: (code) => catalog.name('economic', code) ?? '',
  };
}

class Collector {
  readonly figures: Figure[] = [];
  add(group: string, key: string, label: string, value: FigureValue, tables: string[], kind: FigureKind = 'amount'): void {
    this.figures.push({ key, group, label, kind, value, tables });
  }
  sources(group: string, key: string, label: string, map: SourceMap | undefined, tables: (s: SourceKey) => string[]): void {
    for (const s of SOURCE_KEYS) {
      const v = map?.[s];
      if (v !== undefined) this.add(group, `${key}.${s}`, `${label} · ${SOURCE_LABELS[s]}`, v, tables(s));
    }
  }
}

function budgetLines(c: Collector, group: string, prefix: string, lines: readonly BudgetLine[], names: Names, tables: (s: SourceKey) => string[]): void {
  for (const line of lines) {
    const name = names.functional(line.code);
    for (const [part, partLabel] of PARTS)
      c.sources(group, `${prefix}.${line.code}.${part}`, `${line.code}${name ? ` ${name}` : ''} · ${partLabel}`, line[part], tables);
  }
}

/** The figures one data file states; `names` of codes may come from the other file (a removed line keeps its name). */
export function figuresOf(data: DisclosureData, names: Names = namesOf(data)): Figure[] {
  const c = new Collector();
  const g = GROUP_NAMES;
  const s = data.overview.staffing;
  const p1 = ['第一部分'];
  c.add(g.staffing, 'staffing.authorized', '编制数', s.authorized, p1, 'count');
  if (s.actual !== undefined) c.add(g.staffing, 'staffing.actual', '实有人数', s.actual, p1, 'count');
  for (const [k, label] of [['serving', '在职人数'], ['retired', '退休人数'], ['honorary_retired', '离休人数']] as const)
    c.add(g.staffing, `staffing.${k}`, label, s[k].count, p1, 'count');

  budgetLines(c, g.budget, 'budget', data.budget, names, lineTables);

  // 3-digit keys are stated 类 subtotals, checked but never printed.
  for (const [code, v] of Object.entries(data.basic_economic))
    if (code.length === 5 && v !== undefined) c.add(g.economic, `economic.${code}`, `${code} ${names.economic(code)}`.trim(), v, ['t6']);

  for (const p of data.projects) {
    const key = `project.${p.name}`;
    const shown = in_(p.source, GROUPS.general_budget) ? ['t7'] : ['第三部分'];
    c.add(g.projects, `${key}.code`, `${p.name} · 功能分类`, p.code, shown, 'text');
    c.add(g.projects, `${key}.source`, `${p.name} · 资金来源`, SOURCE_LABELS[p.source], shown, 'text');
    for (const [cls, v] of Object.entries(p.economic))
      if (v !== undefined) c.add(g.projects, `${key}.${cls}`, `${p.name} · ${cls} ${names.economic(cls)}`.trim(), v, shown);
  }

  for (const k of THREE_PUBLIC_KEYS) c.sources(g.threePublic, `three_public.${k}`, THREE_PUBLIC_LABELS[k], data.three_public[k], () => ['t10', 't10mt']);
  for (const k of MEETING_TRAINING_KEYS) c.sources(g.meetingTraining, k, MEETING_TRAINING_LABELS[k], data[k], () => ['t10mt']);

  const p3 = ['第三部分'];
  const pr = data.procurement;
  for (const [k, label] of [['goods', '货物'], ['works', '工程'], ['services', '服务'], ['sme_reserved', '面向中小企业预留'], ['small_micro_reserved', '其中小微企业预留']] as const)
    c.add(g.procurement, `procurement.${k}`, label, pr[k], p3);

  const a = data.assets;
  c.add(g.assets, 'assets.building_area', '房屋面积（平方米）', a.building_area, p3);
  c.add(g.assets, 'assets.building_value', '房屋价值', a.building_value, p3);
  for (const [k, label] of [['general', '一般公务用车'], ['law_enforcement', '执法执勤用车'], ['other', '其他车辆']] as const) {
    c.add(g.assets, `assets.vehicles.${k}.count`, `${label}（辆）`, a.vehicles[k].count, p3, 'count');
    c.add(g.assets, `assets.vehicles.${k}.value`, `${label}价值`, a.vehicles[k].value, p3);
  }
  c.add(g.assets, 'assets.furniture', '办公家具价值', a.furniture, p3);
  c.add(g.assets, 'assets.other', '其他资产价值', a.other, p3);
  c.add(g.assets, 'assets.equipment_over_50', '单位价值50万元以上大型设备（台）', a.equipment_over_50, p3, 'count');
  c.add(g.assets, 'assets.equipment_over_100', '单位价值100万元以上大型设备（套）', a.equipment_over_100, p3, 'count');
  c.add(g.assets, 'assets.planned.vehicles', '本年预算安排购置车辆经费', a.planned.vehicles, p3);
  c.add(g.assets, 'assets.planned.equipment_over_50', '本年预算安排购置50万元以上设备（台）', a.planned.equipment_over_50, p3, 'count');
  c.add(g.assets, 'assets.planned.equipment_over_100', '本年预算安排购置100万元以上设备（套）', a.planned.equipment_over_100, p3, 'count');
  return c.figures;
}

/**
 * The prior-year figures Part 3 compares with, keyed like this year's so that a file's `prior:` can
 * be set against the other file's current figures (next year's base is this year's budget).
 */
export function priorFiguresOf(data: DisclosureData, names: Names = namesOf(data)): Figure[] {
  const c = new Collector();
  const g = GROUP_NAMES.prior;
  budgetLines(c, g, 'budget', data.prior.budget, names, () => ['第三部分']);
  for (const k of THREE_PUBLIC_KEYS) c.sources(g, `three_public.${k}`, THREE_PUBLIC_LABELS[k], data.prior.three_public[k], () => ['第三部分']);
  for (const k of MEETING_TRAINING_KEYS) c.sources(g, k, MEETING_TRAINING_LABELS[k], data.prior[k], () => ['第三部分']);
  c.add(g, 'operating_expense', '运行经费', data.prior.operating_expense, ['第三部分']);
  return c.figures;
}

/** Names from either file: the new file's first, the old one's for what only it has. */
export function sharedNames(before: DisclosureData, after: DisclosureData): Names {
  const [a, b] = [namesOf(after), namesOf(before)];
  return { functional: (code) => a.functional(code) || b.functional(code), economic: (code) => a.economic(code) || b.economic(code) };
}
