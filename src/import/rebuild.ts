// The recognised tables → the data model's figures. Each figure comes from the table that holds it
// at the finest grain: sources by line (表 2), basic/project by line (表 3), the general budget's
// (表 5), government-fund and state-capital lines with personnel/public (表 8, 9), carry-over (表 11),
// economic classes (表 6), projects (表 7), 三公 (表 10). Where the tables leave a figure open (a line
// with two sources and both basic and project spending), the split assumed is said as a finding.
import { Decimal } from 'decimal.js';
import { GROUPS } from '../compute/sources.js';
import type { Finding } from '../findings.js';
import { MEETING_TRAINING_KEYS, THREE_PUBLIC_KEYS, type BudgetLine, type Indicator, type MeetingTrainingKey, type SourceKey, type SourceMap, type ThreePublic, type ThreePublicKey } from '../model.js';
import { parseAmount } from './amount.js';
import type { ParsedTable, Row } from './rows.js';

const ZERO = new Decimal(0);

export interface ImportedProject {
  name: string;
  code: string;
  source: SourceKey;
  economic: Record<string, Decimal>;
  performance?: { manager: string; goal: string; indicators: Indicator[] };
}

export interface Imported {
  unitName?: string;
  year?: number;
  budget: BudgetLine[];
  basic_economic: Record<string, Decimal>;
  /** 表 6's 类 rows: written by --into over a stated subtotal the file has, when the workbook is exact (元). */
  subtotals: Record<string, Decimal>;
  /** Every table in 元: figures exact, not rounded to 0.01 万元. */
  exact: boolean;
  projects: ImportedProject[];
  three_public: ThreePublic;
  /** 会议费 and 培训费, when the workbook has a table of them (the ten-tables set's 表 7, `t10mt`). */
  meeting?: SourceMap;
  training?: SourceMap;
  /** Key paths (as the data file spells them) of every figure the workbook gave. */
  confirmed: Set<string>;
}

type Tables = Map<string, ParsedTable>;

function note(t: ParsedTable, row: Row | undefined, code: string, severity: Finding['severity'], message: string, key = 'code'): Finding {
  return { code, severity, message, path: '', file: t.sheet.file, cell: { sheet: t.sheet.name, ref: row?.refs[key] ?? row?.refs.code ?? '' } };
}

const v = (row: Row | undefined, key: string) => row?.values[key] ?? ZERO;
const itemRows = (t: ParsedTable | undefined, length = 7) => (t?.rows ?? []).filter((r) => r.kind === 'line' && r.code?.length === length);
const byCode = (t: ParsedTable | undefined) => new Map(itemRows(t).map((r) => [r.code!, r]));

/** Fills `keys` in order up to what each still has left (a running budget per key, e.g. 表 1's totals). */
class Pool {
  constructor(private readonly left: Map<SourceKey, Decimal>) {}
  take(amount: Decimal, keys: readonly SourceKey[]): { map: SourceMap; assumed: boolean } {
    const map: SourceMap = {};
    const open = keys.filter((k) => this.left.get(k)?.greaterThan(0));
    let rest = amount;
    for (const k of open) {
      if (rest.isZero()) break;
      const part = Decimal.min(rest, this.left.get(k)!);
      map[k] = part;
      this.left.set(k, this.left.get(k)!.minus(part));
      rest = rest.minus(part);
    }
    if (!rest.isZero()) {
      const k = open[open.length - 1] ?? keys[0]!;
      map[k] = (map[k] ?? ZERO).plus(rest);
    }
    return { map, assumed: Object.keys(map).length > 1 || open.length > 1 };
  }
}

/** Amounts by key split into two parts (basic first, then project), key by key in order. */
function splitInOrder(amounts: SourceMap, first: Decimal): [SourceMap, SourceMap] {
  const a: SourceMap = {};
  const b: SourceMap = {};
  let left = first;
  for (const [k, amount] of Object.entries(amounts) as [SourceKey, Decimal][]) {
    if (amount.isZero()) continue;
    const part = Decimal.min(left, amount);
    if (!part.isZero()) a[k] = part;
    if (!amount.minus(part).isZero()) b[k] = amount.minus(part);
    left = left.minus(part);
  }
  return [a, b];
}

const add = (into: SourceMap, from: SourceMap) => {
  for (const [k, x] of Object.entries(from) as [SourceKey, Decimal][]) if (!x.isZero()) into[k] = (into[k] ?? ZERO).plus(x);
};
const total = (m: SourceMap) => Object.values(m).reduce((s: Decimal, x) => s.plus(x ?? ZERO), ZERO);

export function rebuild(tables: Tables, performance: ParsedTable[], findings: Finding[]): Imported {
  const t1 = tables.get('t1');
  const t2 = tables.get('t2')!;
  const [t3, t5, t6, t7, t8, t9, t10, t11] = ['t3', 't5', 't6', 't7', 't8', 't9', 't10', 't11'].map((id) => tables.get(id));
  const confirmed = new Set<string>();
  const t1Row = (key: string) => t1?.rows.find((r) => r.key === key);
  const poolOf = (keys: readonly SourceKey[]) => new Pool(new Map(keys.map((k) => [k, v(t1Row(k), 'income')])));
  const unitPool = poolOf(GROUPS.unit);
  const carryFiscalPool = poolOf(GROUPS.carryover_fiscal);
  const carryNonfiscalPool = poolOf(GROUPS.carryover_nonfiscal);
  const [r3, r5, r8, r9, r11] = [t3, t5, t8, t9].map(byCode).concat([new Map(itemRows(t11).map((r) => [r.code!, r]))]) as Map<string, Row>[];
  const assume = (row: Row, what: string) =>
    findings.push(note(t2, row, 'IMPORT_ASSUMPTION', 'warning', `${row.code} ${row.name}：${what} The tables do not determine this split; the one assumed is stated.`));

  // A line with no amount at all (some exports list every 项 of a 款) is no budget line.
  const lines = itemRows(t2).filter((r) => Object.values(r.values).some((x) => !x.isZero()));
  const budget: BudgetLine[] = lines.map((row, i) => {
    const code = row.code!;
    const basic: SourceMap = {};
    const personnel: SourceMap = {};
    const publicPart: SourceMap = {};
    const project: SourceMap = {};
    let split = false;
    const pick = (keys: readonly SourceKey[]): SourceMap => Object.fromEntries(keys.filter((k) => !v(row, k).isZero()).map((k) => [k, v(row, k)]));
    // 一般公共预算: 表 5 gives basic/project by line, 表 2 the source.
    const general = pick(GROUPS.general_budget);
    if (total(general).greaterThan(0)) {
      const [b, p] = splitInOrder(general, v(r5?.get(code), 'basic'));
      if (Object.keys(general).length > 1 && !v(r5?.get(code), 'basic').isZero() && !v(r5?.get(code), 'project').isZero())
        assume(row, `一般公共预算和上级转移支付都有，基本支出 ${v(r5?.get(code), 'basic').toFixed()} 按先一般公共预算后转移支付计入。`);
      add(basic, b);
      add(project, p);
    }
    // 政府性基金、国有资本经营: 表 8、9 give personnel/public/project by line.
    for (const [keys, t] of [[GROUPS.fund_budget, r8], [GROUPS.state_capital_budget, r9]] as const) {
      const amounts = pick(keys);
      if (total(amounts).isZero()) continue;
      const r = t?.get(code);
      const [pe, rest] = splitInOrder(amounts, v(r, 'personnel'));
      const [pu, p] = splitInOrder(rest, v(r, 'public'));
      if (Object.keys(amounts).length > 1) assume(row, `${keys.join('、')} 两个来源并存，人员经费、公用经费、项目支出按来源先后计入。`);
      add(personnel, pe);
      add(publicPart, pu);
      add(project, p);
      split ||= Object.keys(pe).length + Object.keys(pu).length > 0;
    }
    // 上年结转结余: the group amount from 表 2, its source from 表 1's totals, the parts from 表 11.
    for (const [group, pool, prefix] of [['carryover_fiscal', carryFiscalPool, 'fiscal'], ['carryover_nonfiscal', carryNonfiscalPool, 'nonfiscal']] as const) {
      const amount = v(row, group);
      if (amount.isZero()) continue;
      const taken = pool.take(amount, GROUPS[group]);
      if (taken.assumed) assume(row, `${group} ${amount.toFixed()} 的来源按表 1 各来源合计依次计入：${JSON.stringify(Object.fromEntries(Object.entries(taken.map).map(([k, x]) => [k, x!.toFixed()])))}。`);
      const r = r11?.get(code);
      const [pe, rest] = splitInOrder(taken.map, v(r, `${prefix}_personnel`));
      const [pu, p] = splitInOrder(rest, v(r, `${prefix}_public`));
      add(personnel, pe);
      add(publicPart, pu);
      add(project, p);
      split ||= Object.keys(pe).length + Object.keys(pu).length > 0;
    }
    // 财政专户、单位资金: what 表 3 has beyond the above.
    const rest: SourceMap = pick(['special_account']);
    if (!v(row, 'unit').isZero()) {
      const taken = unitPool.take(v(row, 'unit'), GROUPS.unit);
      if (taken.assumed) assume(row, `单位资金 ${v(row, 'unit').toFixed()} 的来源按表 1 各来源合计依次计入。`);
      add(rest, taken.map);
    }
    if (total(rest).greaterThan(0)) {
      const known = total(basic).plus(total(personnel)).plus(total(publicPart));
      const basicRest = Decimal.max(ZERO, v(r3?.get(code), 'basic').minus(known));
      const [b, p] = splitInOrder(rest, basicRest);
      if (Object.keys(rest).length > 1 && !basicRest.isZero() && total(p).greaterThan(0))
        assume(row, `财政专户、单位资金的基本支出 ${basicRest.toFixed()} 按来源先后计入。`);
      add(basic, b);
      add(project, p);
    }
    if (split && total(basic).greaterThan(0)) {
      assume(row, `表 8、9、11 分列人员经费和公用经费，而其余来源的基本支出 ${total(basic).toFixed()} 未分列：按人员经费计入。`);
      add(personnel, basic);
      for (const k of Object.keys(basic)) delete basic[k as SourceKey];
    }
    const line: BudgetLine = { code };
    for (const [part, map] of [['basic', basic], ['personnel', personnel], ['public', publicPart], ['project', project]] as const) {
      if (Object.keys(map).length === 0) continue;
      line[part] = map;
      for (const k of Object.keys(map)) confirmed.add(`budget[${i}].${part}.${k}`);
    }
    if (row.name) line.name = row.name;
    return line;
  });

  // 款 only: a 类 row is a subtotal, already checked against its 款 (crosscheck); restated from a
  // workbook in 万元 it would not match the sum of the rounded 款 it now totals.
  const basic_economic: Record<string, Decimal> = {};
  const subtotals: Record<string, Decimal> = {};
  for (const row of t6?.rows ?? []) {
    if (row.kind !== 'line' || !row.code) continue;
    if (row.code.length === 3) {
      subtotals[row.code] = v(row, 'total');
      continue;
    }
    basic_economic[row.code] = v(row, 'total');
    confirmed.add(`basic_economic.${row.code}`);
  }

  const projects: ImportedProject[] = [];
  for (const row of t7?.rows ?? []) {
    const name = row.texts.project?.trim();
    if (row.kind !== 'line' || !name || row.code?.length !== 7) continue;
    const economic: Record<string, Decimal> = {};
    for (const k of Object.keys(row.values)) if (/^\d{3}$/.test(k) && !row.values[k]!.isZero()) economic[k] = row.values[k]!;
    const line = budget.find((l) => l.code === row.code);
    const source: SourceKey = line?.project?.general || !line?.project?.general_transfer ? 'general' : 'general_transfer';
    projects.push({ name, code: row.code, source, economic });
  }
  projects.forEach((p, i) => Object.keys(p.economic).forEach((k) => confirmed.add(`projects[${i}].economic.${k}`)));

  for (const perf of performance) {
    const name = perf.fields.project?.text;
    const p = projects.find((x) => x.name === name);
    const at = (key: string) => ({ path: '', file: perf.sheet.file, cell: { sheet: perf.sheet.name, ref: perf.fields[key]?.ref ?? perf.rec.titleRef } });
    if (!p && !t7) {
      // A set without a table of projects (ten-tables): the workbook names no project's code or economic classes.
      findings.push({ ...at('project'), code: 'IMPORT_SKIPPED', severity: 'note', message: `工作簿中没有一般公共预算项目支出表，绩效目标表的项目“${name ?? ''}”未读取：请在 projects 中填写。 No table of projects in the workbook; the performance table's project was not imported.` });
      continue;
    }
    if (!p) {
      findings.push({ ...at('project'), code: 'IMPORT_SKIPPED', severity: 'warning', message: `绩效目标表的项目“${name ?? ''}”不在表 7 中，未读取。 The performance table's project is not in table 7.` });
      continue;
    }
    if (p.performance) {
      findings.push({ ...at('project'), code: 'DUPLICATE_TABLE', severity: 'error', message: `项目“${name}”的绩效目标表出现两次：每个项目只能有一份。 Two performance tables for one project.` });
      continue;
    }
    // 年度预算总额 (万元, as its label says) against the project's amount in 表 7.
    const stated = perf.fields.amount && parseAmount({ text: perf.fields.amount.text, numeric: false }, '万元');
    const amount = Object.values(p.economic).reduce((a, b) => a.plus(b), ZERO);
    if (stated && 'error' in stated)
      findings.push({ ...at('amount'), code: 'NOT_A_NUMBER', severity: 'error', message: `年度预算总额“${stated.error}”不是数字。 Not a number.` });
    else if (stated && stated.minus(amount).abs().greaterThan(perf.unit === '万元' || !/\.\d{3,}/.test(perf.fields.amount!.text) ? '0.005' : '0'))
      findings.push({ ...at('amount'), code: 'TABLES_DISAGREE', severity: 'error',
        message: `绩效目标表的年度预算总额 ${stated.toFixed()} 不等于表 7 中该项目的金额 ${amount.toFixed()}。 The performance table's budget does not equal the project's amount in table 7.` });
    p.performance = {
      manager: perf.fields.manager?.text ?? '',
      goal: perf.fields.goal?.text ?? '',
      indicators: perf.rows.map((r) => ({
        level1: r.texts.level1 ?? '', level2: r.texts.level2 ?? '', name: r.texts.name ?? '', target: r.texts.target ?? '', basis: r.texts.basis ?? '',
        last_year: r.texts.last_year ?? '', weight: r.texts.weight ?? '', scoring: r.texts.scoring ?? '', evidence: r.texts.evidence ?? '',
      })),
    };
  }

  // 三公 from 表 10, or from a set's table of 三公 with 会议费 and 培训费 (ten-tables' 表 7, same columns).
  const three_public = Object.fromEntries(THREE_PUBLIC_KEYS.map((k) => [k, {}])) as ThreePublic;
  const extra: Partial<Record<MeetingTrainingKey, SourceMap>> = {};
  const tp = t10 ?? tables.get('t10mt');
  const isMeetingTraining = (key: string): key is MeetingTrainingKey => (MEETING_TRAINING_KEYS as readonly string[]).includes(key);
  const isThreePublic = (key: string): key is ThreePublicKey => (THREE_PUBLIC_KEYS as readonly string[]).includes(key);
  for (const row of tp?.rows ?? []) {
    const key = row.key ?? '';
    if (row.kind !== 'fixed' || !(isThreePublic(key) || isMeetingTraining(key))) continue;
    const into = isMeetingTraining(key) ? (extra[key] = {}) : three_public[key];
    const path = isMeetingTraining(key) ? key : `three_public.${key}`;
    for (const [col, source] of [['general_budget', 'general'], ['fund_budget', 'fund'], ['state_capital_budget', 'state_capital']] as const)
      if (!v(row, col).isZero()) {
        into[source] = v(row, col);
        confirmed.add(`${path}.${source}`);
      }
    confirmed.add(path);
  }

  const recs = [...tables.values()].map((t) => t.rec);
  return {
    unitName: recs.find((r) => r.unitName)?.unitName ?? performance[0]?.fields.unit?.text,
    year: recs.find((r) => r.year)?.year,
    budget,
    basic_economic,
    subtotals,
    exact: [...tables.values()].every((t) => t.unit === '元'),
    projects,
    three_public,
    ...extra,
    confirmed,
  };
}
