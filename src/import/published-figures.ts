// The figures of a published disclosure's tables as the data model holds them: budget lines by source
// (表 2) and basic/project (表 3, 表 5), economic classes (表 6), projects (表 7), 三公 (表 10). Every
// figure is the printed one, except table 6's: where a class subtotal differs from the sum of its
// printed items (the items were rounded from finer figures), the items get a third decimal that makes
// both round as printed — an assumption, said as a finding.
import { Decimal } from 'decimal.js';
import type { Finding } from '../findings.js';
import { THREE_PUBLIC_KEYS, type BudgetLine, type SourceKey, type SourceMap, type ThreePublic } from '../model.js';
import type { PublishedDoc, PublishedTable, Row } from '../published/model.js';
import { matchFixedRows, PERSONNEL_CLASSES, tableInfo } from '../published/tables.js';

export type Say = (page: number, code: string, severity: Finding['severity'], message: string, path?: string) => void;

const dec = (cents: number) => new Decimal(cents).div(100);
export const table = (doc: PublishedDoc, no: number) => doc.tables.find((t) => t.id === `t${no}`);
export const cell = (row: Row | undefined, key: string, no: number): number | undefined => {
  const col = tableInfo(no).cols.indexOf(key) + 1;
  return row?.cells.find((c) => c.col === col)?.fig.cents;
};
export const rowsByCode = (t: PublishedTable | undefined, length: number) => new Map((t?.rows ?? []).filter((r) => r.code.length === length).map((r) => [r.code, r]));

/** 表 1's breakdown decides which source key an aggregate column of 表 2 stands for. */
function keyOf(doc: PublishedDoc, col: string, say: Say, page: number): SourceKey {
  // Table 1's fixed rows, matched in order as audit matches them (`其中：事业收入`, `4.财政专户核拨`).
  const left = matchFixedRows(table(doc, 1)?.left ?? [], tableInfo(1).left!);
  const has = (key: string) => (left.get(key)?.figs[0]?.cents ?? 0) !== 0;
  const pick = (options: [string, SourceKey][], fallback: SourceKey, label: string): SourceKey => {
    const found = options.filter(([key]) => has(key)).map(([, k]) => k);
    if (found.length === 1) return found[0]!;
    say(page, 'IMPORT_ASSUMPTION', 'warning', `表 2 的“${label}”列在表 1 中${found.length ? '有多个来源' : '没有细分'}，按 ${found[0] ?? fallback} 写入。 Table 1 does not say which source of ${label} this is; ${found[0] ?? fallback} assumed.`);
    return found[0] ?? fallback;
  };
  switch (col) {
    case 'general': return 'general';
    case 'general_transfer': return 'general_transfer';
    case 'fund': return 'fund';
    case 'fund_transfer': return 'fund_transfer';
    case 'capital': return 'state_capital';
    case 'capital_transfer': return 'state_capital_transfer';
    case 'special': return 'special_account';
    case 'unit':
      return pick([['unit_business', 'business'], ['unit_superior', 'superior_subsidy'], ['unit_affiliated', 'affiliated'], ['unit_operating', 'operating'], ['unit_other', 'other']], 'other', '单位资金');
    case 'carry_fiscal':
      return 'carryover_general';
    default:
      return 'carryover_unit';
  }
}

const TABLE2_SOURCES = ['general', 'general_transfer', 'fund', 'fund_transfer', 'capital', 'capital_transfer', 'special', 'unit', 'carry_fiscal', 'carry_nonfiscal'];
const GENERAL: SourceKey[] = ['general', 'general_transfer'];

/** Budget lines: sources from 表 2, basic/project from 表 3, the general budget's split from 表 5. */
export function budgetLines(doc: PublishedDoc, say: Say): BudgetLine[] {
  const t2 = rowsByCode(table(doc, 2), 7);
  const t3 = rowsByCode(table(doc, 3), 7);
  const t5 = rowsByCode(table(doc, 5), 7);
  const codes = [...new Set([...t3.keys(), ...t2.keys()])];
  const lines: BudgetLine[] = [];
  for (const code of codes) {
    const r3 = t3.get(code);
    const r2 = t2.get(code);
    const page = (r3 ?? r2)!.page;
    const total = cell(r3, 'total', 3) ?? cell(r2, 'total', 2) ?? 0;
    let basic = cell(r3, 'basic', 3);
    let project = cell(r3, 'project', 3);
    if (basic === undefined && project === undefined) {
      say(page, 'IMPORT_ASSUMPTION', 'warning', `${code}：表 3 的金额列无法定位，全部按基本支出写入。 Table 3 does not place this line's figures; all written as basic.`, 'budget');
      basic = total;
    }
    basic ??= total - (project ?? 0);
    project ??= total - basic;
    // Sources of the line, in table 2's order.
    const sources: [SourceKey, number][] = [];
    for (const col of TABLE2_SOURCES) {
      const c = cell(r2, col, 2);
      if (c) sources.push([keyOf(doc, col, say, r2!.page), c]);
    }
    if (!sources.length) sources.push(['general', total]);
    const b: SourceMap = {};
    const p: SourceMap = {};
    let leftB = basic;
    let leftP = project;
    const put = (k: SourceKey, bc: number, pc: number) => {
      if (bc) b[k] = (b[k] ?? new Decimal(0)).plus(dec(bc));
      if (pc) p[k] = (p[k] ?? new Decimal(0)).plus(dec(pc));
      leftB -= bc;
      leftP -= pc;
    };
    // The general budget's own split (表 5); then the other sources, basic first.
    const general = sources.filter(([k]) => GENERAL.includes(k));
    const r5 = t5.get(code);
    let gB = cell(r5, 'basic', 5) ?? (r5 && cell(r5, 'project', 5) === undefined ? cell(r5, 'total', 5) : undefined) ?? 0;
    let gP = cell(r5, 'project', 5) ?? 0;
    if (!r5 && general.length) [gB, gP] = [Math.min(basic, general.reduce((a, [, c]) => a + c, 0)), 0];
    for (const [k, c] of general) {
      const bc = Math.min(c, gB);
      put(k, bc, c - bc);
      gB -= bc;
      gP -= c - bc;
    }
    const others = sources.filter(([k]) => !GENERAL.includes(k));
    if (others.length > 1 && leftB > 0 && leftP > 0)
      say(page, 'IMPORT_ASSUMPTION', 'warning', `${code}：${others.map(([k]) => k).join('、')} 都有，表中没有各自的基本/项目支出，按先基本支出后项目支出依次计入。 The tables do not split these sources between basic and project; basic first assumed.`, 'budget');
    for (const [k, c] of others) {
      const bc = Math.max(0, Math.min(c, leftB));
      put(k, bc, c - bc);
    }
    lines.push({ code, ...(Object.keys(b).length ? { basic: b } : {}), ...(Object.keys(p).length ? { project: p } : {}) });
  }
  return lines;
}

/** 表 6: 款 figures; a 类 subtotal that its printed items do not make is kept (3-digit key) and the
 * items get thousandths within their rounding so that both print as published. */
export function basicEconomic(doc: PublishedDoc, say: Say): Record<string, Decimal> {
  const t6 = table(doc, 6);
  const out: Record<string, Decimal> = {};
  if (!t6) return out;
  const items = t6.rows.filter((r) => r.code.length === 5).map((r) => ({ code: r.code, milli: (r.cells[0]?.fig.cents ?? 0) * 10, d: 0 }));
  const classes = t6.rows.filter((r) => r.code.length === 3).map((r) => ({ code: r.code, milli: (r.cells[0]?.fig.cents ?? 0) * 10, page: r.page }));
  const totalRow = t6.rows.find((r) => !r.code && /总计|合计/.test(r.name));
  const of = (c: string) => items.filter((i) => i.code.startsWith(c));
  const sumOf = (c: string) => of(c).reduce((a, i) => a + i.milli + i.d, 0);
  const adjusted: string[] = [];
  // A class's sum must print as its subtotal: move its items by at most ±4 thousandths each.
  let owed = 0;
  for (const c of classes) {
    const s = sumOf(c.code);
    if (s >= c.milli - 5 && s < c.milli + 5) continue;
    const target = s > c.milli ? c.milli + 4 : c.milli - 5;
    let need = target - s;
    for (const it of of(c.code)) {
      if (!need) break;
      const step = need > 0 ? Math.min(need, 4 - it.d) : Math.max(need, -5 - it.d);
      it.d += step;
      need -= step;
    }
    owed -= target - s - need;
    adjusted.push(c.code);
    say(c.page, 'IMPORT_ASSUMPTION', 'warning', `表 6 ${c.code} 类小计印为 ${(c.milli / 1000).toFixed(2)}，其各款之和为 ${(s / 1000).toFixed(2)}：各款是由 0.001 万元的数字分别四舍五入的，公开文件没有印出；按各款 ${of(c.code).filter((i) => i.d).map((i) => `${i.code} ${((i.milli + i.d) / 1000).toFixed(3)}`).join('、')} 写入，使小计和各款都与公开文件相同。 The printed items do not add up to the printed subtotal: thousandths assumed.`, 'basic_economic');
  }
  // The grand total stays as printed: other classes take back what was moved, within their own rounding.
  if (owed && totalRow) {
    const personnel = (c: string) => PERSONNEL_CLASSES.has(c.slice(0, 3));
    const order = classes.filter((c) => !adjusted.includes(c.code)).sort((a, b) => Number(personnel(b.code)) - Number(personnel(a.code)));
    for (const c of order) {
      for (const it of of(c.code)) {
        if (!owed) break;
        const room = owed > 0 ? Math.min(owed, 4 - it.d, c.milli + 4 - sumOf(c.code)) : Math.max(owed, -5 - it.d, c.milli - 5 - sumOf(c.code));
        it.d += room;
        owed -= room;
      }
    }
  }
  for (const c of adjusted) out[c] = new Decimal(classes.find((x) => x.code === c)!.milli).div(1000);
  for (const it of items) out[it.code] = new Decimal(it.milli + it.d).div(1000);
  return out;
}

export interface PublishedProject {
  name: string;
  code: string;
  source: SourceKey;
  economic: Record<string, Decimal>;
  page: number;
}

/** 表 7: a project row is `code 项名称 项目名称 amounts`; the 项's own name (from 表 3) is cut off. */
export function projects(doc: PublishedDoc, say: Say): PublishedProject[] {
  const t7 = table(doc, 7);
  const names = new Map([...(table(doc, 3)?.rows ?? []), ...(table(doc, 5)?.rows ?? [])].map((r) => [r.code, r.name]));
  const cols = tableInfo(7).cols;
  const out: PublishedProject[] = [];
  for (const r of t7?.rows ?? []) {
    if (r.code.length !== 7) continue;
    const item = names.get(r.code) ?? '';
    const name = item && r.name.startsWith(item) && r.name.length > item.length ? r.name.slice(item.length) : r.name;
    const economic: Record<string, Decimal> = {};
    const placed = r.cells.filter((c) => c.col && c.col > 1);
    const unplaced = r.cells.slice(1).filter((c) => !c.col);
    for (const c of placed) economic[cols[c.col! - 1]!.slice(1)] = dec(c.fig.cents);
    if (unplaced.length) {
      const rest = (r.cells[0]?.fig.cents ?? 0) - placed.reduce((a, c) => a + c.fig.cents, 0);
      economic['302'] = (economic['302'] ?? new Decimal(0)).plus(dec(rest));
      say(r.page, 'IMPORT_ASSUMPTION', 'warning', `表 7“${name}”的经济分类列无法从文字中定位（抽取的文字没有列位置），${(rest / 100).toFixed(2)} 万元按 302 商品和服务支出写入，请核对。 The text does not say which economic column; 302 assumed.`, 'projects');
    }
    out.push({ name, code: r.code, source: 'general', economic, page: r.page });
  }
  return out;
}

const THREE_ROWS: [RegExp, (typeof THREE_PUBLIC_KEYS)[number]][] = [
  [/因公出国/, 'overseas'],
  [/公务接待/, 'reception'],
  [/公务用车购置费/, 'vehicle_purchase'],
  [/公务用车运行(维护)?费/, 'vehicle_operation'],
];

/** 表 10: each item by source. */
export function threePublic(doc: PublishedDoc): ThreePublic {
  const out = Object.fromEntries(THREE_PUBLIC_KEYS.map((k) => [k, {}])) as ThreePublic;
  for (const r of table(doc, 10)?.rows ?? []) {
    const key = THREE_ROWS.find(([re]) => re.test(r.name))?.[1];
    if (!key) continue;
    const m: SourceMap = {};
    for (const [col, k] of [['general', 'general'], ['fund', 'fund'], ['capital', 'state_capital']] as const) {
      const c = cell(r, col, 10);
      if (c) m[k] = dec(c);
    }
    if (!Object.keys(m).length && r.cells[0]?.fig.cents) m.general = dec(r.cells[0].fig.cents);
    out[key] = m;
  }
  return out;
}
