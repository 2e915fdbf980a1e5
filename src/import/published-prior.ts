// Last year's figures and the reasons, from Part 3's sentences: a prior-year figure is the current one
// less the change the text states (`比上年预算减少 8.83 万元` → prior = current + 8.83), at the level the
// text states it — each 项 of the general budget (五(三)), basic/project (三, 五(一)), each source of
// income (二), 运行经费 (十二(一)), each 三公 item (十). What the text leaves open (which line or source a
// prior figure of another source belonged to) is assumed and said as a finding.
import { Decimal } from 'decimal.js';
import { THREE_PUBLIC_KEYS, type BudgetLine, type SourceKey, type SourceMap, type ThreePublic } from '../model.js';
import type { Mention, PublishedDoc } from '../published/model.js';
import type { Say } from './published-figures.js';

// Amounts here are in thousandths of 万元 (integers), the finest grain a data file needs.
const dec = (milli: number) => new Decimal(milli).div(1000);
const milli = (d: Decimal | undefined) => (d ? Math.round(d.times(1000).toNumber()) : 0);
const signed = (m: Mention) => (m.change ? (m.change.dir === 'down' ? -1 : 1) * m.change.fig.cents : undefined);
const show = (milli: number) => (milli / 1000).toFixed(2);

/** Last year's figure from this year's (exact) and the printed change and rate: current − change, moved by
 * at most ±0.005 when only such a figure gives back both the printed change and the printed rate. */
export function solvePrior(current: number, change: number, rate?: number): { prior: number; exact: boolean } {
  const round = (d: Decimal) => d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  const base = current - change * 10;
  for (const k of [0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5]) {
    const p = base + k;
    const d = current - p;
    if (round(new Decimal(d).div(10)) !== change) continue;
    if (rate !== undefined && p > 0 && round(new Decimal(Math.abs(d)).times(10000).div(p)) !== rate) continue;
    return { prior: p, exact: k === 0 };
  }
  return { prior: base, exact: true };
}

let onInexact: ((m: Mention, prior: number) => void) | undefined;
/** The prior-year figure a mention implies, in thousandths. */
function priorOf(m: Mention | undefined, current = m?.amount ? m.amount.cents * 10 : undefined): number | undefined {
  if (!m?.change || current === undefined) return undefined;
  const r = solvePrior(current, signed(m)!, m.rate?.fig.cents);
  if (!r.exact) onInexact?.(m, r.prior);
  return r.prior;
}

const INCOME: [RegExp, string, SourceKey[]][] = [
  [/^一般公共预算$/, 'general', ['general']],
  [/^上级一般公共预算安排的转移支付/, 'general_transfer', ['general_transfer']],
  [/^政府性基金预算$/, 'fund', ['fund']],
  [/^上级政府性基金安排的转移支付/, 'fund_transfer', ['fund_transfer']],
  [/^国有资本经营预算$/, 'state_capital', ['state_capital']],
  [/^上级国有资本经营预算安排的转移支付/, 'state_capital_transfer', ['state_capital_transfer']],
  [/^财政专户/, 'special_account', ['special_account']],
  [/^单位资金/, 'unit', ['business', 'superior_subsidy', 'affiliated', 'operating', 'other']],
  [/^财政拨款结转/, 'carryover_fiscal', ['carryover_general', 'carryover_fund', 'carryover_state_capital']],
  [/^非财政拨款结转结余/, 'carryover_nonfiscal', ['carryover_special_account', 'carryover_unit']],
];
const THREE: [RegExp, (typeof THREE_PUBLIC_KEYS)[number]][] = [
  [/因公出国/, 'overseas'],
  [/公务用车购置费/, 'vehicle_purchase'],
  [/公务用车运行(维护)?费/, 'vehicle_operation'],
  [/公务接待费/, 'reception'],
];
const GENERAL: SourceKey[] = ['general', 'general_transfer'];

const sumOf = (m: SourceMap | undefined, keys?: readonly SourceKey[]) =>
  Object.entries(m ?? {}).filter(([k]) => !keys || keys.includes(k as SourceKey)).reduce((a, [, v]) => a + milli(v), 0);

export interface PriorResult {
  budget: BudgetLine[];
  operating_expense?: Decimal;
  three_public: Partial<ThreePublic>;
  reasons: Map<string, string>;
  page?: number;
}

/** `operating`: this year's 运行经费 as imported (thousandths), the base its change is taken from. */
export function priorAndReasons(doc: PublishedDoc, lines: BudgetLine[], three: ThreePublic, operating: number | undefined, say: Say): PriorResult {
  const ms = doc.mentions;
  onInexact = (m, prior) =>
    say(m.page, 'IMPORT_ASSUMPTION', 'warning', `“${m.subject}”的上年数：本年数减所写的增减额 ${m.change!.fig.text} 万元得不出所写的幅度 ${m.rate?.fig.text}%，按上年 ${(prior / 1000).toFixed(3)} 万元写入（公开文件没有印出 0.01 万元以下的尾数）。 The prior figure needs thousandths the document does not print; assumed.`, 'prior');
  const reasons = new Map<string, string>();
  const reason = (path: string, m: Mention | undefined) => {
    if (m?.reason !== undefined && !reasons.has(path)) reasons.set(path, m.reason.replace(/[。；]$/, ''));
  };
  const inSection = (no: number, sub?: number) => ms.filter((m) => m.section === no && (sub === undefined || m.sub === sub));
  const first = (list: Mention[], re: RegExp) => list.find((m) => re.test(m.subject) && m.change);

  // 二: each source of income.
  const income = new Map<string, { prior: number; m: Mention; keys: SourceKey[] }>();
  for (const [re, item, keys] of INCOME) {
    const m = first(inSection(2), re);
    reason(`income.${item}`, m);
    const p = priorOf(m);
    if (m && p !== undefined) income.set(item, { prior: p, m, keys });
  }
  // 三 and 五(一): basic and project, of all sources and of the general budget.
  const exp = { basic: first(inSection(3), /^基本支出$/), project: first(inSection(3), /^项目支出$/) };
  const gen = { basic: first(inSection(5, 1), /^基本支出$/), project: first(inSection(5, 1), /^项目支出$/) };
  reason('expenditure.basic', exp.basic);
  reason('expenditure.project', exp.project);
  reason('general_budget.basic', gen.basic);
  reason('general_budget.project', gen.project);

  // 五(三): each 项 of the general budget, matched to its code by the names of 类 and 项.
  const names = new Map((doc.tables.find((t) => t.id === 't3')?.rows ?? []).concat(doc.tables.find((t) => t.id === 't5')?.rows ?? []).map((r) => [r.code, r.name]));
  const priorGeneral = new Map<string, number>();
  for (const m of inSection(5, 3)) {
    const nm = /^(.+?)（类）(?:.+?（款）)?(.+?)（项）$/.exec(m.subject);
    const code = nm && [...names.keys()].find((c) => c.length === 7 && names.get(c) === nm[2] && names.get(c.slice(0, 3)) === nm[1]);
    if (!code) {
      say(m.page, 'IMPORT_ASSUMPTION', 'warning', `“${m.subject}”在各表中找不到对应的项，其上年数未导入。 No table line matches this 项; its prior-year figure is not imported.`, 'prior.budget');
      continue;
    }
    reason(`lines.${code}`, m);
    const p = priorOf(m);
    if (p !== undefined) priorGeneral.set(code, p);
  }

  // The prior general budget per line, split into basic and project: a line with only one of them
  // now had only that one; the text's 五(一) totals decide the rest.
  const prior = new Map<string, { basic: SourceMap; project: SourceMap }>();
  const entry = (code: string) => prior.get(code) ?? (prior.set(code, { basic: {}, project: {} }), prior.get(code)!);
  const genProjectPrior = priorOf(gen.project);
  let projectLeft = genProjectPrior ?? 0;
  const mixed: string[] = [];
  for (const l of lines) {
    const p = priorGeneral.get(l.code);
    if (p === undefined) {
      if (sumOf(l.basic, GENERAL) + sumOf(l.project, GENERAL))
        say(doc.part3.at[0]?.page ?? 1, 'IMPORT_ASSUMPTION', 'warning', `${l.code}：第三部分五(三)没有写它比上年的变化，上年数按本年数写入。 The text states no change for this line; prior = current assumed.`, 'prior.budget');
      continue;
    }
    const b = sumOf(l.basic, GENERAL);
    const pr = sumOf(l.project, GENERAL);
    if (pr && !b) {
      entry(l.code).project.general = dec(p);
      projectLeft -= p;
    } else if (b && !pr) entry(l.code).basic.general = dec(p);
    else mixed.push(l.code);
  }
  for (const code of mixed) {
    const p = priorGeneral.get(code)!;
    const pr = Math.max(0, Math.min(p, projectLeft));
    projectLeft -= pr;
    if (p - pr) entry(code).basic.general = dec(p - pr);
    if (pr) entry(code).project.general = dec(pr);
    if (genProjectPrior === undefined || (p - pr && pr))
      say(gen.project?.page ?? 1, 'IMPORT_ASSUMPTION', 'warning', `${code}：上年一般公共预算 ${show(p)} 万元在基本支出和项目支出之间如何划分，公开文件没有写明；按五(一)的项目支出上年数推定。 The text does not split this line's prior figure between basic and project; assumed from the 五(一) totals.`, 'prior.budget');
  }
  // 上级转移支付 of the prior general budget: moved from `general` of the first lines that hold enough.
  const transfer = income.get('general_transfer')?.prior ?? 0;
  if (transfer > 0) {
    let left = transfer;
    for (const [code, e] of prior)
      for (const part of ['project', 'basic'] as const) {
        const g = milli(e[part].general);
        const take = Math.min(g, left);
        if (!take) continue;
        e[part].general = dec(g - take);
        if (g === take) delete e[part].general;
        e[part].general_transfer = dec(take);
        left -= take;
        say(income.get('general_transfer')!.m.page, 'IMPORT_ASSUMPTION', 'warning', `上年上级一般公共预算转移支付 ${show(take)} 万元计入 ${code} 的${part === 'basic' ? '基本' : '项目'}支出：公开文件没有写它属于哪一项。 Which line the prior transfer belonged to is not stated; assumed.`, 'prior.budget');
      }
  }

  // Other sources: the prior figure each income sentence implies, placed on a line that has that source
  // now (else the first project line, else the first line), in basic first as far as 三's basic total allows.
  const genBasicPrior = [...prior.values()].reduce((a, e) => a + sumOf(e.basic), 0);
  let otherBasic = (priorOf(exp.basic) ?? genBasicPrior) - genBasicPrior;
  for (const [item, { prior: p, m, keys }] of income) {
    if (item === 'general' || item === 'general_transfer' || p <= 0) continue;
    const current = lines.find((l) => keys.some((k) => l.basic?.[k] || l.project?.[k]));
    const key = keys.find((k) => current && (current.basic?.[k] || current.project?.[k])) ?? (item === 'unit' ? 'other' : item === 'carryover_nonfiscal' ? 'carryover_unit' : keys[0]!);
    const inBasic = Math.max(0, Math.min(p, otherBasic));
    otherBasic -= inBasic;
    const target = (part: 'basic' | 'project') => current?.code ?? (lines.find((l) => l[part]) ?? lines[0])?.code;
    for (const [part, amount] of [['basic', inBasic], ['project', p - inBasic]] as const) {
      if (!amount) continue;
      const code = target(part);
      if (!code) continue;
      entry(code)[part][key] = dec(amount);
      say(m.page, 'IMPORT_ASSUMPTION', 'warning', `上年“${m.subject}”${show(amount)} 万元（本年数减所写的变化）计入 ${code} 的${part === 'basic' ? '基本' : '项目'}支出、来源 ${key}：公开文件没有写它属于哪一项、哪种来源。 The text gives this prior figure but not its line or source; assumed.`, 'prior.budget');
    }
  }
  const budget: BudgetLine[] = [...prior.entries()]
    .sort(([a], [b]) => lines.findIndex((l) => l.code === a) - lines.findIndex((l) => l.code === b))
    .map(([code, e]) => ({ code, ...(Object.keys(e.basic).length ? { basic: e.basic } : {}), ...(Object.keys(e.project).length ? { project: e.project } : {}) }));

  // 十: each 三公 item.
  const three_public: Partial<ThreePublic> = {};
  const s10 = inSection(10);
  for (const [re, key] of THREE) {
    const m = s10.find((x) => re.test(x.subject) && x.change);
    reason(`three_public.${key}`, m);
    if (!m) continue;
    const now = sumOf(three[key]);
    const p = solvePrior(now, signed(m)!, m.rate?.fig.cents).prior;
    const source = (Object.keys(three[key]) as SourceKey[])[0] ?? 'general';
    if (p) three_public[key] = { [source]: dec(p) };
  }
  // 十二(一): 运行经费.
  const op = inSection(12, 1).find((m) => m.change);
  reason('operating_expense', op);
  const opPrior = op ? priorOf(op, operating ?? (op.amount ? op.amount.cents * 10 : undefined)) : undefined;
  if (opPrior === undefined) say(doc.part3.at[doc.part3.at.length - 1]?.page ?? 1, 'IMPORT_ASSUMPTION', 'warning', '第三部分没有写运行经费比上年的变化：上年运行经费待填写。 The text states no prior-year operating expense.', 'prior.operating_expense');
  for (const [no, key] of [[8, 'fund_budget'], [9, 'state_capital_budget'], [11, 'carryover']] as const) reason(key, inSection(no).find((m) => m.reason !== undefined));
  return { budget, operating_expense: opPrior === undefined ? undefined : dec(opPrior), three_public, reasons, page: inSection(2)[0]?.page };
}
