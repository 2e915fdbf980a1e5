// The 项目支出绩效目标表 inside Part 3, as tokens in reading order: each indicator row has one
// 指标值设置依据 (`…标准`), followed by 上年完成值, 分值, 赋分规则 and 佐证资料; before it come the
// 三级指标 name and its 指标值, and — when the row starts a new group — the 一级/二级指标 names, which
// extraction breaks into pieces (`满意 / 度指 / 标`) and are recognised from the standard list.
import type { Indicator } from '../model.js';
import type { Line, PublishedDoc } from '../published/model.js';
import type { Say } from './published-figures.js';

const LEVEL1 = ['产出指标', '效益指标', '满意度指标', '成本指标'];
const LEVEL2 = ['数量指标', '质量指标', '时效指标', '经济成本指标', '社会成本指标', '生态环境成本指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标', '满意度指标'];
const BASIS = /^(历史标准|行业标准|计划标准|预算支出标准|其他标准|其他|标准)$|标准$/;

export interface PerformanceRead {
  page: number;
  projectName?: string;
  performance?: { manager: string; goal: string; indicators: Indicator[] };
}

/** Tokens at the end of `ts` that join to one of `names`: how many, and which name. */
function tail(ts: string[], names: string[]): [number, string] | undefined {
  for (let n = 1; n <= Math.min(4, ts.length); n++) {
    const t = ts.slice(-n).join('');
    if (names.includes(t)) return [n, t];
  }
  return undefined;
}

export function performanceTable(doc: PublishedDoc, say: Say): PerformanceRead | undefined {
  const perf = doc.performance;
  if (!perf) return undefined;
  const from = doc.lines.findIndex((l) => l.page === perf.page && l.line === perf.line);
  const to = doc.lines.findIndex((l, i) => i > from && /^([(（]五[)）]|第四部分)/.test(l.text.replace(/\s+/g, '')));
  const lines = doc.lines.slice(from, to < 0 ? undefined : to);
  const run = lines.map((l) => l.text.replace(/\s+/g, '')).join('');
  const manager = /项目负责人(.+?)(?:项目资金|年度预算总额)/.exec(run)?.[1] ?? '';
  // A PDF puts the goal's first line above its label (the label is centred in the cell): cut the label out.
  const goal = (/其他资金[\d.,]+(.+?)(?:指标分值|一级指标)/.exec(run.replace('项目总体目标', '')) ?? /项目总体目标(.+?)(?:指标分值|一级指标)/.exec(run))?.[1] ?? '';
  const positioned = lines.some((l) => l.y !== undefined && l.tokens[0]?.x !== undefined);
  const read = positioned ? byPosition(lines) : byOrder(lines);
  if (!read) {
    say(perf.page, 'IMPORT_ASSUMPTION', 'warning', '绩效目标表的指标行无法可靠地读出（抽取的文字打乱了单元格）：指标待填写。 The indicator rows could not be read reliably; left to fill in.', 'projects');
    return { page: perf.page, projectName: perf.projectName, performance: { manager, goal, indicators: [] } };
  }
  return { page: perf.page, projectName: perf.projectName, performance: { manager, goal, indicators: read } };
}

/** Text extraction: tokens in reading order, rows found by their 指标值设置依据. */
function byOrder(lines: Line[]): Indicator[] | undefined {
  const tokens = lines.flatMap((l) => l.tokens.map((t) => t.text));
  const head = tokens.lastIndexOf('佐证资料');
  const ts = tokens.slice(head + 1);
  const bases = ts.map((t, i) => (BASIS.test(t) ? i : -1)).filter((i) => i >= 0);
  const indicators: Indicator[] = [];
  let level1 = '';
  let level2 = '';
  let start = 0; // first token after the previous row's 分值
  let ok = bases.length > 0;
  for (const [k, b] of bases.entries()) {
    const before = ts.slice(start, b);
    // The previous row's 赋分规则 and 佐证资料, then this row's levels, name and 指标值.
    const target = before.findIndex((t) => /^[≥≤=<>＞＜]/.test(t));
    const nameAt = target > 0 ? target - 1 : before.length - 2;
    let lead = before.slice(0, Math.max(nameAt, 0));
    const l2 = tail(lead, LEVEL2);
    if (l2) {
      level2 = l2[1];
      lead = lead.slice(0, -l2[0]);
      const l1 = tail(lead, LEVEL1);
      if (l1) {
        level1 = l1[1];
        lead = lead.slice(0, -l1[0]);
      }
    }
    if (k > 0) {
      const prev = indicators[k - 1]!;
      prev.evidence = lead[lead.length - 1] ?? '';
      prev.scoring = lead.slice(0, -1).join('');
    }
    const lastYear = ts[b + 1] ?? '';
    const weight = ts[b + 2] ?? '';
    if (!/^\d+(\.\d+)?$/.test(weight) || nameAt < 0) ok = false;
    indicators.push({ level1, level2, name: before[nameAt] ?? '', target: before.slice(nameAt + 1).join(''), basis: ts[b]!, last_year: lastYear, weight, scoring: '', evidence: '' });
    start = b + 3;
  }
  const last = indicators[indicators.length - 1];
  if (last) {
    const rest = ts.slice(start);
    last.evidence = rest[rest.length - 1] ?? '';
    last.scoring = rest.slice(0, -1).join('');
  }
  return ok && complete(indicators) ? indicators : undefined;
}

const complete = (list: Indicator[]) => list.length > 0 && list.every((i) => i.level1 && i.level2 && i.name && i.target && i.scoring && i.evidence);

/** PDF: a row is a line with a 指标值设置依据; the 一级/二级指标 cells span rows and their text sits at
 * the middle of the rows they span, so each takes the run of rows whose mean baseline is its own. */
function byPosition(lines: Line[]): Indicator[] | undefined {
  const header = lines.find((l) => l.tokens.some((t) => t.text === '一级指标') && l.tokens.some((t) => t.text === '二级指标'));
  if (!header) return undefined;
  const edge = (name: string) => (header.tokens.find((t) => t.text === name)?.x2 ?? 0) + 5;
  const [l1Edge, l2Edge] = [edge('一级指标'), edge('二级指标')];
  const body = lines.slice(lines.indexOf(header) + 1);
  const rows: { y: number; ind: Indicator }[] = [];
  const levels: { col: 1 | 2; parts: { text: string; y: number }[] }[] = [];
  for (const l of body) {
    const level = l.tokens.filter((t) => (t.x ?? 0) < l2Edge);
    for (const t of level) {
      const col = (t.x ?? 0) < l1Edge ? 1 : 2;
      const prev = [...levels].reverse().find((c) => c.col === col);
      const last = prev?.parts[prev.parts.length - 1];
      // A wrapped level cell: its next piece one line (≤ 15 pt) below, unless the piece before is whole.
      if (prev && last && last.y - (l.y ?? 0) < 15 && !/指标$/.test(prev.parts.map((p) => p.text).join(''))) prev.parts.push({ text: t.text, y: l.y ?? 0 });
      else levels.push({ col, parts: [{ text: t.text, y: l.y ?? 0 }] });
    }
    const ts = l.tokens.filter((t) => (t.x ?? 0) >= l2Edge).map((t) => t.text);
    const b = ts.findIndex((t) => BASIS.test(t));
    if (b < 2 || ts.length < b + 5) continue;
    rows.push({ y: l.y ?? 0, ind: { level1: '', level2: '', name: ts.slice(0, b - 1).join(''), target: ts[b - 1]!, basis: ts[b]!, last_year: ts[b + 1]!, weight: ts[b + 2]!, scoring: ts.slice(b + 3, -1).join(''), evidence: ts[ts.length - 1]! } });
  }
  for (const col of [1, 2] as const) {
    let at = 0;
    for (const cell of levels.filter((c) => c.col === col)) {
      const y = cell.parts.reduce((a, p) => a + p.y, 0) / cell.parts.length;
      const text = cell.parts.map((p) => p.text).join('');
      let n = 1;
      while (at + n <= rows.length && Math.abs(rows.slice(at, at + n).reduce((a, r) => a + r.y, 0) / n - y) > 3) n++;
      if (at + n > rows.length) return undefined;
      for (const r of rows.slice(at, at + n)) r.ind[col === 1 ? 'level1' : 'level2'] = text;
      at += n;
    }
  }
  const out = rows.map((r) => r.ind);
  return complete(out) ? out : undefined;
}
