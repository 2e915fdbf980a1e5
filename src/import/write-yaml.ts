// The imported figures as a data file laid out as data/2024-info-center.yaml, with its Chinese
// comments. What no table holds (overview, reasons, procurement, assets, staffing, purposes, the
// date, last year's figures) is a `【待填写：…】` placeholder or an `!unconfirmed ~` figure, so that
// plain `check` passes with warnings and `check --strict` refuses to publish until all are filled.
import type { Decimal } from 'decimal.js';
import { EDITION_YEARS, makeCatalog, type Catalog } from '../catalog/index.js';
import { check } from '../check/index.js';
import { scalarText } from '../draft/yaml-text.js';
import { loadText } from '../load/load.js';
import { UNCONFIRMED_TAG } from '../load/schema.js';
import { THREE_PUBLIC_KEYS, type BudgetLine, type SourceMap, type ThreePublic } from '../model.js';
import { placeholder } from '../placeholder.js';
import type { Imported, ImportedProject } from './rebuild.js';

const TBD = `${UNCONFIRMED_TAG} ~`;

/** What a published disclosure gives beyond the tables (`yusuan import <published.pdf|.txt|.html>`); each
 * part given replaces its placeholder, and `from` holds the comment saying where it was read (page). */
export interface Known {
  source: string;
  from: Partial<Record<'unit' | 'overview' | 'staffing' | 'budget' | 'basic_economic' | 'projects' | 'three_public' | 'procurement' | 'assets' | 'purposes' | 'prior' | 'reasons' | 'other_matters', string>>;
  published?: string;
  kind?: 'institution' | 'administrative';
  functions?: string[];
  subordinates?: string[];
  departments?: string[];
  staffing?: { authorized: number; groups: Record<'serving' | 'retired' | 'honorary_retired', { count: number; change?: number }> };
  procurement?: Record<'goods' | 'works' | 'services' | 'sme_reserved' | 'small_micro_reserved', string>;
  /** Already-written lines under `assets:` (the shape is fixed and every value is a printed figure). */
  assets?: string[];
  purposes?: Record<string, string>;
  other_matters?: string;
  prior?: { budget: BudgetLine[]; operating_expense?: Decimal; three_public: Partial<ThreePublic> };
  /** Reasons by key path under `reasons.` (`income.general`, `operating_expense`). */
  reasons?: Map<string, string>;
}
const s = (text: string, flow = false) => scalarText(text, flow);
const n = (d: Decimal) => d.toFixed();
const map = (m: SourceMap | undefined) =>
  `{ ${Object.entries(m ?? {}).map(([k, v]) => `${k}: ${n(v!)}`).join(', ')} }`.replace('{  }', '{}');
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(1, width - [...text].reduce((w, c) => w + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0)));

/** One budget line as the data file writes it, its first line indented by `indent` (the `- `). */
export function budgetLineLines(line: BudgetLine, indent: string, catalog: Catalog = makeCatalog(EDITION_YEARS[EDITION_YEARS.length - 1]!)): string[] {
  const name = catalog.name('functional', line.code);
  const out = [`${indent}- code: ${pad(line.code, 21)}# ${name ?? line.name ?? ''}`];
  if (line.name && !name) out.push(`${indent}  name: ${s(line.name)}`);
  for (const part of ['basic', 'personnel', 'public', 'project'] as const) if (line[part]) out.push(`${indent}  ${part}: ${map(line[part])}`);
  return out;
}

/** A project's texts, when a published document gives them (else placeholders). */
export interface ProjectTexts {
  policy_basis?: string;
  allocation?: string;
  owner?: string;
  period?: string;
  /** Comment: where it was read. */
  from?: string;
}

/** One project: its figures and performance text from the workbook, its other texts placeholders. */
export function projectLines(p: ImportedProject & ProjectTexts, indent: string): string[] {
  const out: string[] = [];
  const L = (line: string) => out.push(indent + line);
  L(`- name: ${s(p.name)}`);
  L(`  code: ${p.code}`);
  L(`  source: ${p.source}`);
  if (p.from) L(`  # ${p.from}`);
  L(`  economic: { ${Object.entries(p.economic).map(([k, v]) => `${k}: ${n(v)}`).join(', ')} }`);
  L(`  policy_basis: ${p.policy_basis ? s(p.policy_basis) : placeholder('设立的政策依据')}`);
  if (p.owner) L(`  owner: ${s(p.owner)}`);
  L(`  allocation: ${p.allocation ? s(p.allocation) : placeholder('资金分配情况')}`);
  if (p.period) L(`  period: ${s(p.period)}`);
  if (p.performance) {
    L('  performance:');
    L(`    manager: ${s(p.performance.manager || placeholder('项目负责人'))}`);
    L(`    goal: ${s(p.performance.goal || placeholder('项目总体目标'))}`);
    L(p.performance.indicators.length ? '    indicators:' : '    indicators: []');
    for (const ind of p.performance.indicators)
      L(`      - { ${Object.entries(ind).map(([k, v]) => `${k}: ${s(String(v) || placeholder(k), true)}`).join(', ')} }`);
  }
  return out;
}

/** Last year's figures as the published document's changes give them (prior = current − change). */
function priorLines(prior: NonNullable<Known['prior']>, from?: string): string[] {
  const out = [`# 上年预算数：第三部分的每个比较都以此为基数${from ? `（${from}）` : ''}`, 'prior:'];
  out.push(prior.budget.length ? '  budget:' : '  budget: []');
  for (const line of prior.budget) {
    out.push(`    - code: ${line.code}`);
    for (const part of ['basic', 'personnel', 'public', 'project'] as const) if (line[part]) out.push(`      ${part}: ${map(line[part])}`);
  }
  out.push(`  operating_expense: ${prior.operating_expense ? n(prior.operating_expense) : TBD}`);
  const tp = THREE_PUBLIC_KEYS.filter((key) => Object.keys(prior.three_public[key] ?? {}).length);
  out.push(tp.length ? '  three_public:' : '  three_public: {}');
  for (const key of tp) out.push(`    ${key}: ${map(prior.three_public[key])}`);
  return out;
}

/** The figures of a workbook or of a published document (then with `known`: what its text gives). */
export type ImportedData = Imported & { known?: Known; projects: (ImportedProject & ProjectTexts)[] };

function body(d: ImportedData, year: number, name: string, kind: string, reasons: string[]): string {
  const k = d.known;
  const from = (part: keyof Known['from']) => (k?.from[part] ? `  # ${k.from[part]}` : '');
  const catalog = makeCatalog(year);
  const codeName = (k: 'functional' | 'economic', code: string) => catalog.name(k, code);
  const out: string[] = [];
  const L = (line = '') => out.push(line);
  L('# yaml-language-server: $schema=../schema/yusuan.schema.json');
  L(`# ${name} ${year} 年单位预算公开 —— 数据文件（由 yusuan import 从${k ? `已公开的预算公开文件 ${k.source} ` : '预算系统导出的工作簿'}生成）`);
  L('# 金额单位：万元。每个数字只填一次：合计、小计、占比、增减额和增减幅度都由 yusuan 计算。');
  L(`# 【待填写：…】和 !unconfirmed 是${k ? '公开文件' : '工作簿'}中没有的内容：全部填写、核实后 yusuan check --strict 方可通过。`);
  if (k) L('# 每部分上方的注释说明取自公开文件的哪一页；公开文件不能确定的数字（如 0.01 万元以下的尾数）见 import 的警告。');
  L();
  L(`unit:${from('unit')}`);
  L(`  name: ${s(name)}`);
  L(`  year: ${year}`);
  L(`  published: ${k?.published ?? placeholder('公开日期')}`);
  L(`  kind: ${pad(k?.kind ?? kind, 23)}# institution 事业单位 / administrative 行政单位${k?.kind ? '' : '（按单位名称推定，请核对）'}`);
  L();
  L('# 第一部分 单位概况');
  L(`overview:${from('overview')}`);
  L(`  functions:                   # 主要职能，每段一项`);
  for (const f of k?.functions?.length ? k.functions : [placeholder('主要职能')]) L(`    - ${s(f)}`);
  L(`  subordinates: [${(k?.subordinates ?? []).map((x) => s(x, true)).join(', ')}]             # 下属预算单位`);
  L(`  departments: [${(k?.departments ?? [placeholder('内设科室')]).map((x) => s(x, true)).join(', ')}]`);
  L(`  staffing:${from('staffing')}`);
  L(`    authorized: ${pad(k?.staffing ? String(k.staffing.authorized) : TBD, 16)}# 编制数`);
  for (const [key, label] of [['serving', '在职'], ['retired', '退休'], ['honorary_retired', '离休']] as const) {
    const g = k?.staffing?.groups[key];
    L(`    ${key}: { count: ${g ? g.count : TBD}, change: ${g?.change ?? placeholder('增减人数')} }   # ${label}`);
  }
  L();
  L('# 本年预算，按支出功能分类 项。basic 基本支出 / project 项目支出；资金来源见 README。');
  L(`budget:${from('budget')}`);
  for (const line of d.budget) out.push(...budgetLineLines(line, '  ', catalog));
  if (d.budget.length === 0) out[out.length - 1] = 'budget: []';
  L();
  if (k?.from.basic_economic) L(`# ${k.from.basic_economic}`);
  L('basic_economic:                # 一般公共预算基本支出，按经济分类 款（表 6）。人员经费 = 301、303 类，公用经费 = 其余');
  const economic = Object.entries(d.basic_economic);
  if (economic.length === 0) out[out.length - 1] = 'basic_economic: {}              # 一般公共预算基本支出，按经济分类 款（表 6）';
  for (const [code, amount] of economic)
    L(`  ${pad(`${code}: ${n(amount)}`, 28)}# ${codeName('economic', code) ?? ''}`);
  L();
  L((d.projects.length ? 'projects:' : 'projects: []') + from('projects'));
  for (const p of d.projects) out.push(...projectLines(p, '  '));
  L();
  L('# 财政拨款“三公”经费，按资金来源');
  L(`three_public:${from('three_public')}`);
  const labels: Record<string, string> = { overseas: '因公出国（境）费', vehicle_purchase: '公务用车购置费', vehicle_operation: '公务用车运行费', reception: '公务接待费' };
  for (const k of THREE_PUBLIC_KEYS) L(`  ${pad(`${k}: ${map(d.three_public[k])}`, 29)}# ${labels[k]}`);
  L();
  // 会议费、培训费: only from a workbook that has their table (ten-tables' 表 7).
  if (d.meeting) L(`${pad(`meeting: ${map(d.meeting)}`, 31)}# 会议费，按资金来源`);
  if (d.training) L(`${pad(`training: ${map(d.training)}`, 31)}# 培训费，按资金来源`);
  if (d.meeting || d.training) L();
  L(k?.procurement ? `procurement:${from('procurement') || '  # 政府采购'}` : 'procurement:                   # 政府采购（工作簿中没有：请按采购预算填写）');
  for (const key of ['goods', 'works', 'services', 'sme_reserved', 'small_micro_reserved'] as const) L(`  ${key}: ${k?.procurement?.[key] ?? TBD}`);
  L();
  if (k?.assets) {
    L(`assets:${from('assets') || '  # 截至上年底占用使用国有资产'}`);
    out.push(...k.assets);
  } else {
  L('assets:                        # 截至上年底占用使用国有资产（工作簿中没有：请按资产报表填写）');
  L(`  building_area: ${TBD}        # 平方米`);
  L(`  building_value: ${TBD}`);
  L('  vehicles:');
  for (const k of ['general', 'law_enforcement', 'other']) L(`    ${k}: { count: ${TBD}, value: ${TBD} }`);
  L(`  furniture: ${TBD}`);
  L(`  other: ${TBD}`);
  L(`  equipment_over_50: ${TBD}`);
  L(`  equipment_over_100: ${TBD}`);
  L('  planned:                     # 本年预算安排购置');
  L(`    vehicles: ${TBD}`);
  L(`    equipment_over_50: ${TBD}`);
  L(`    equipment_over_100: ${TBD}`);
  }
  L();
  L(`# 第三部分四：一般公共预算支出按类的主要用途${k?.from.purposes ? `（${k.from.purposes}）` : ''}`);
  const classes = [...new Set([...d.budget.filter((l) => l.basic?.general || l.basic?.general_transfer || l.project?.general || l.project?.general_transfer).map((l) => l.code.slice(0, 3)), ...Object.keys(k?.purposes ?? {})])];
  L(classes.length ? 'purposes:' : 'purposes: {}');
  for (const c of classes) L(`  ${c}: ${k?.purposes?.[c] ? s(k.purposes[c]) : placeholder(`${codeName('functional', c) ?? c}的主要用途`)}`);
  L();
  if (k?.other_matters) {
    L(`other_matters: ${s(k.other_matters)}${from('other_matters')}`);
    L();
  }
  if (k?.prior) out.push(...priorLines(k.prior, k.from.prior));
  else {
  L('# 上年预算数：第三部分的每个比较都以此为基数（工作簿中没有：请按上年公开的预算填写）');
  L('prior:');
  L(d.budget.length ? '  budget:' : '  budget: []');
  for (const line of d.budget) {
    L(`    - code: ${line.code}`);
    for (const part of ['basic', 'personnel', 'public', 'project'] as const)
      if (line[part]) L(`      ${part}: { ${Object.keys(line[part]!).map((k) => `${k}: ${TBD}`).join(', ')} }`);
  }
  L(`  operating_expense: ${TBD}`);
  L('  three_public: {}');
  }
  L();
  L(`# 增减变化的主要原因（不含句末标点；模板接“主要原因是……”）${k?.from.reasons ? `：${k.from.reasons}` : ''}`);
  L(reasons.length ? 'reasons:' : 'reasons: {}');
  const groups = new Map<string, string[]>();
  for (const path of reasons) {
    const [, group, key] = path.split('.');
    if (key === undefined) groups.set(group!, []);
    else groups.set(group!, [...(groups.get(group!) ?? []), key]);
  }
  for (const [group, keys] of groups) {
    const reason = (path: string) => { const r = k?.reasons?.get(path); return r === undefined ? placeholder('主要原因') : s(r); };
    if (keys.length === 0) L(`  ${group}: ${reason(group)}`);
    else {
      L(`  ${group}:`);
      for (const key of keys) L(`    ${key}: ${reason(`${group}.${key}`)}`);
    }
  }
  return out.join('\n') + '\n';
}

export interface WriteOptions {
  year?: number;
  file?: string;
}

/** The data file's text. Reasons are placeholders exactly where `check` asks for one. */
export function dataFileText(d: ImportedData, options: WriteOptions = {}): string {
  const year = options.year ?? d.year ?? new Date().getFullYear();
  const name = d.unitName ?? placeholder('单位名称');
  const kind = /(厅|局|委员会|办公室|委|办)$/.test(name) ? 'administrative' : 'institution';
  let text = body(d, year, name, kind, []);
  const loaded = loadText(text, options.file);
  const missing = loaded.data ? check(loaded).filter((f) => f.code === 'MISSING_REASON').map((f) => f.path) : [];
  const known = [...(d.known?.reasons?.keys() ?? [])].map((key) => `reasons.${key}`);
  if (missing.length || known.length) text = body(d, year, name, kind, [...new Set([...known, ...missing])]);
  return text;
}
