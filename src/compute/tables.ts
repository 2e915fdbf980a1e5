// Figures of the eleven statutory tables (Part 2). Labels and layout live in templates/tables.yaml.
import type { Decimal } from 'decimal.js';
import type { Catalog } from '../catalog/index.js';
import { PROJECT_ECONOMIC_CLASSES, SOURCE_KEYS, THREE_PUBLIC_KEYS, type DisclosureData, type SourceKey, type ThreePublicItems, type ThreePublicKey } from '../model.js';
import { functionalName, functionalRows, type FunctionalTable } from './functional-rows.js';
import type { Line } from './lines.js';
import { sum, ZERO } from './money.js';
import { GROUPS, ofSources, total } from './sources.js';

export interface ClassAmount {
  /** The 类 (3 digits). */
  code: string;
  /** Its name. */
  name: string;
  /** Its amounts, one a column of the expenditure side. */
  values: Decimal[];
}

export interface EconomicRow {
  /** 1 类, 2 款 (经济分类). */
  level: 1 | 2;
  /** The 类 digits (3). */
  cls: string;
  /** The 款 digits (2); empty on a 类 row. */
  kind: string;
  /** The code's name. */
  name: string;
  /** [合计, 人员经费, 公用经费]. */
  values: Decimal[];
}

export interface ProjectRow {
  /** 1 类, 2 款, 3 项 (功能分类); a 项 row is one project. */
  level: 1 | 2 | 3;
  /** The 类 digits (3). */
  cls: string;
  /** The 款 digits (2). */
  kind: string;
  /** The 项 digits (2). */
  item: string;
  /** The code's name. */
  name: string;
  /** The project's name on a 项 row; empty above. */
  project: string;
  /** [合计, then one a 经济分类 类 column]. */
  values: Decimal[];
}

export interface CarryoverRow {
  /** The 项 (7 digits). */
  code: string;
  /** Its name. */
  name: string;
  /** [合计, 财政拨款结转 合计/人员/公用/项目, 非财政拨款结转结余 合计/人员/公用/项目]. */
  values: Decimal[];
}

const g = GROUPS;

/** Every 类 of the catalog with its amounts (tables 1 and 4 list them all, even when empty). */
function allClasses(catalog: Catalog, lines: readonly Line[], valuesOf: (l: Line) => Decimal[], width: number): ClassAmount[] {
  return catalog.functionalClasses.map((code) => {
    const values = new Array<Decimal>(width).fill(ZERO);
    for (const l of lines) if (l.code.startsWith(code)) valuesOf(l).forEach((v, i) => (values[i] = values[i]!.plus(v)));
    return { code, name: catalog.name('functional', code) ?? code, values };
  });
}

export function table1(catalog: Catalog, lines: readonly Line[]) {
  const sources = Object.fromEntries(SOURCE_KEYS.map((k) => [k, ZERO])) as Record<SourceKey, Decimal>;
  for (const l of lines) for (const [k, v] of Object.entries(l.all) as [SourceKey, Decimal][]) sources[k] = (sources[k] ?? ZERO).plus(v);
  const of = (keys: readonly SourceKey[]) => sum(keys.map((k) => sources[k]));
  const groups = Object.fromEntries(Object.entries(g).map(([name, keys]) => [name, of(keys)])) as Record<keyof typeof g, Decimal>;
  return {
    /** Each source of funds (a key of the data's source maps), summed over the lines. */
    sources,
    /** Each group of sources (一般公共预算, 财政拨款, 单位资金, 上年结转结余 …). */
    groups,
    /** The income side by the keys of its rows in tables.yaml: a source or a group of sources. */
    income: { ...sources, ...groups } as Record<SourceKey | keyof typeof g, Decimal>,
    /** 收入总计 = 支出总计. */
    total: of(Object.keys(sources) as SourceKey[]),
    /** The expenditure side: every 类 of the catalog, with its amount (zero included). */
    classes: allClasses(catalog, lines, (l) => [total(l.all)], 1).map((c) => ({
      ...c,
      /** The 类's amount. */
      amount: c.values[0]!,
    })),
  };
}

export function table2(catalog: Catalog, lines: readonly Line[]): FunctionalTable {
  return functionalRows(catalog, lines, 12, (l) => [
    total(l.all),
    ofSources(l.all, g.fiscal),
    ...(['general', 'general_transfer', 'fund', 'fund_transfer', 'state_capital', 'state_capital_transfer', 'special_account'] as const).map((k) => ofSources(l.all, [k])),
    ofSources(l.all, g.unit),
    ofSources(l.all, g.carryover_fiscal),
    ofSources(l.all, g.carryover_nonfiscal),
  ]);
}

/** Tables 3 and 5: 合计 / 基本支出 / 项目支出, over all sources or some. */
export function basicProjectTable(catalog: Catalog, lines: readonly Line[], keys?: readonly SourceKey[]): FunctionalTable {
  const of = (m: Line['all']) => (keys ? ofSources(m, keys) : total(m));
  return functionalRows(catalog, lines, 3, (l) => [of(l.all), of(l.basic), of(l.project)]);
}

export function table4(catalog: Catalog, lines: readonly Line[]) {
  const valuesOf = (l: Line) => [ofSources(l.all, g.fiscal), ofSources(l.all, g.general_budget), ofSources(l.all, g.fund_budget), ofSources(l.all, g.state_capital_budget)];
  const classes = allClasses(catalog, lines, valuesOf, 4);
  const totals = [0, 1, 2, 3].map((i) => sum(classes.map((c) => c.values[i])));
  const income = {
    /** 财政拨款 in all. */
    fiscal: totals[0]!,
    /** 一般公共预算拨款. */
    general_budget: totals[1]!,
    /** 政府性基金预算拨款. */
    fund_budget: totals[2]!,
    /** 国有资本经营预算拨款. */
    state_capital_budget: totals[3]!,
  };
  return {
    /** The expenditure side: every 类, [合计, 一般公共预算, 政府性基金预算, 国有资本经营预算]. */
    classes,
    /** The 支出总计 row, as `classes`' values. */
    totals,
    ...income,
    /** The income side by the keys of its rows in tables.yaml. */
    income,
  };
}

const PERSONNEL_CLASSES = ['301', '303'];

export function isPersonnel(economicCode: string): boolean {
  return PERSONNEL_CLASSES.includes(economicCode.slice(0, 3));
}

/** Table 6: general-public-budget basic expenditure by economic classification. */
export function table6(catalog: Catalog, basicEconomic: DisclosureData['basic_economic']) {
  // 3-digit keys are stated 类 subtotals, checked by check/totals-match, never added.
  const codes = Object.keys(basicEconomic).filter((c) => c.length === 5).sort();
  const rows: EconomicRow[] = [];
  const totals = [ZERO, ZERO, ZERO];
  for (const cls of [...new Set(codes.map((c) => c.slice(0, 3)))]) {
    const kinds = codes.filter((c) => c.startsWith(cls));
    const personnel = isPersonnel(cls);
    const row = (code: string, amount: Decimal, level: 1 | 2): EconomicRow => ({
      level,
      cls,
      kind: level === 2 ? code.slice(3) : '',
      name: catalog.name('economic', code) ?? code,
      values: [amount, personnel ? amount : ZERO, personnel ? ZERO : amount],
    });
    const classTotal = sum(kinds.map((k) => basicEconomic[k]));
    rows.push(row(cls, classTotal, 1), ...kinds.map((k) => row(k, basicEconomic[k]!, 2)));
    totals[0] = totals[0]!.plus(classTotal);
    totals[personnel ? 1 : 2] = totals[personnel ? 1 : 2]!.plus(classTotal);
  }
  const namesOf = (personnel: boolean) =>
    codes.filter((c) => isPersonnel(c) === personnel && !basicEconomic[c]!.isZero()).map((c) => catalog.name('economic', c) ?? c);
  return {
    /** 经济分类 类 / 款 rows in code order. */
    rows,
    /** 基本支出 in all. */
    total: totals[0]!,
    /** 人员经费 (301, 303). */
    personnel: totals[1]!,
    /** 公用经费. */
    public: totals[2]!,
    /** The 合计 row: [合计, 人员经费, 公用经费]. */
    totals,
    /** Names of the 人员经费 款 with a figure. */
    personnelNames: namesOf(true),
    /** Names of the 公用经费 款 with a figure. */
    publicNames: namesOf(false),
    /** No row: the table is printed empty. */
    empty: rows.length === 0,
  };
}

/** Table 7: general-public-budget projects by economic class. */
export function table7(catalog: Catalog, data: DisclosureData, lines: readonly Line[]) {
  const projects = data.projects.filter((p) => (g.general_budget as readonly string[]).includes(p.source));
  const valuesOf = (economic: (typeof projects)[number]['economic']) => {
    const cols = PROJECT_ECONOMIC_CLASSES.map((c) => economic[c] ?? ZERO);
    return [sum(cols), ...cols];
  };
  const rolled = functionalRows(
    catalog,
    projects.map((p) => ({ code: p.code, economic: p.economic, name: lines.find((l) => l.code === p.code)?.name })),
    11,
    (p) => valuesOf(p.economic),
  );
  const rows: ProjectRow[] = [];
  for (const r of rolled.rows) {
    if (r.level < 3) rows.push({ ...r, level: r.level, project: '' });
    else
      for (const p of projects.filter((p) => p.code === r.code))
        rows.push({ ...r, level: 3, project: p.name, values: valuesOf(p.economic) });
  }
  return {
    /** 类 / 款 rows, then one row a project. */
    rows,
    /** The 合计 row. */
    total: rolled.total,
    /** No project: the table is printed empty. */
    empty: rows.length === 0,
  };
}

/** Tables 8 and 9: one budget's expenditure, basic split into personnel/public. */
export function splitBudgetTable(catalog: Catalog, lines: readonly Line[], keys: readonly SourceKey[]): FunctionalTable {
  return functionalRows(catalog, lines, 4, (l) => {
    const personnel = ofSources(l.personnel, keys);
    const publicPart = ofSources(l.public, keys);
    const basic = ofSources(l.basic, keys);
    const project = ofSources(l.project, keys);
    return [basic.plus(project), personnel, publicPart, project];
  });
}

export function table10(threePublic: DisclosureData['three_public']) {
  const valuesOf = (m: DisclosureData['three_public'][keyof DisclosureData['three_public']]) => [
    ofSources(m, [...g.general_budget, ...g.fund_budget, ...g.state_capital_budget]),
    ofSources(m, g.general_budget),
    ofSources(m, g.fund_budget),
    ofSources(m, g.state_capital_budget),
  ];
  const items = Object.fromEntries(THREE_PUBLIC_KEYS.map((k) => [k, valuesOf(threePublic[k])])) as Record<ThreePublicKey, Decimal[]> as ThreePublicItems<Decimal[]>;
  const add = (...rows: Decimal[][]) => rows[0]!.map((_, i) => sum(rows.map((r) => r[i])));
  const vehicles = add(items.vehicle_purchase, items.vehicle_operation);
  const total = add(items.overseas, items.reception, vehicles);
  return {
    ...items,
    /** 公务用车购置及运行费: purchase + operation. */
    vehicles,
    /** The “三公” total. */
    total,
    /** No “三公” at all: the table is printed empty, with its sentence, as tables 8, 9 and 11 are. */
    empty: total[0]!.isZero(),
  };
}

/** Table 11: carry-over by functional line. */
export function table11(catalog: Catalog, lines: readonly Line[]) {
  const parts = (l: Line, keys: readonly SourceKey[]) => {
    const personnel = ofSources(l.personnel, keys);
    const publicPart = ofSources(l.public, keys);
    const project = ofSources(l.project, keys);
    return [ofSources(l.all, keys), personnel, publicPart, project];
  };
  const rows: CarryoverRow[] = lines
    .map((l) => {
      const fiscal = parts(l, g.carryover_fiscal);
      const nonfiscal = parts(l, g.carryover_nonfiscal);
      return { code: l.code, name: functionalName(catalog, l.code, lines), values: [fiscal[0]!.plus(nonfiscal[0]!), ...fiscal, ...nonfiscal] };
    })
    .filter((r) => !r.values[0]!.isZero());
  const totals = Array.from({ length: 9 }, (_, i) => sum(rows.map((r) => r.values[i])));
  return {
    /** One row a 项 with a carry-over. */
    rows,
    /** The 合计 row. */
    total: totals,
    /** No carry-over: the table is printed empty. */
    empty: rows.length === 0,
  };
}
