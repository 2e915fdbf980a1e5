// The texts of a published disclosure for its data file: Part 1's paragraphs, subordinates,
// departments and staffing, the date under the signature, and Part 3's purposes (四), projects (七),
// procurement, assets and other matters (十二). Each comes with the page it was read on.
import type { Known, ProjectTexts } from './write-yaml.js';
import type { Line, PublishedDoc } from '../published/model.js';
import { whereAt } from '../published/text-runs.js';
import { sections } from '../published/part3.js';

const width = (text: string) => [...text].reduce((w, c) => w + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
const squash = (t: string) => t.replace(/\s+/g, '');

/** Part 1 一's paragraphs. Extraction breaks lines at the page width: a line well short of the
 * widest one ends its paragraph (HTML keeps one block a paragraph). */
export function paragraphs(lines: readonly Line[], kind: PublishedDoc['kind'], margin?: number): string[] {
  if (kind === 'html') return lines.map((l) => squash(l.text));
  const out: string[] = [];
  let current = '';
  const flush = () => {
    if (current) out.push(current);
    current = '';
  };
  // PDF: a paragraph starts with an indented line.
  const xs = lines.map((l) => l.tokens[0]?.x).filter((x): x is number => x !== undefined);
  if (xs.length === lines.length && xs.length) {
    const left = Math.min(margin ?? Infinity, ...xs);
    for (const l of lines) {
      if (l.tokens[0]!.x! > left + 8) flush();
      current += squash(l.text);
    }
    flush();
    return out;
  }
  // Text: the indent is lost; a line well short of the widest one ends its paragraph, and a first line
  // (indented in print) only when far shorter.
  const max = Math.max(0, ...lines.map((l) => width(squash(l.text))));
  for (const l of lines) {
    const limit = current ? 0.92 : 0.8;
    current += squash(l.text);
    if (width(squash(l.text)) < max * limit) flush();
  }
  flush();
  return out;
}

function part1Lines(doc: PublishedDoc): Line[] {
  const p1 = doc.parts.find((p) => p.no === 1);
  const p2 = doc.parts.find((p) => p.no === 2);
  if (!p1) return [];
  const i = doc.lines.findIndex((l) => l.page === p1.page && l.line === p1.line);
  const j = p2 ? doc.lines.findIndex((l) => l.page === p2.page && l.line === p2.line) : doc.lines.length;
  return doc.lines.slice(i + 1, j);
}

export interface Overview {
  functions: string[];
  subordinates: string[];
  departments?: string[];
  page: number;
}

export function overview(doc: PublishedDoc): Overview {
  const lines = part1Lines(doc);
  const h2 = lines.findIndex((l) => /^二、/.test(squash(l.text)));
  const fnLines = lines.slice(lines.findIndex((l) => /^一、/.test(squash(l.text))) + 1, h2 < 0 ? undefined : h2);
  const rest = squash(lines.slice(h2 + 1).map((l) => l.text).join(''));
  const subs = /有下属预算单位\d+个[（(](.+?)[)）]/.exec(rest)?.[1];
  const deps = /分别是[：:](.+?)。/.exec(rest)?.[1];
  return {
    functions: paragraphs(fnLines, doc.kind, Math.min(...lines.map((l) => l.tokens[0]?.x ?? Infinity))),
    subordinates: subs ? subs.split(/[、，,]/) : [],
    departments: deps ? deps.split(/[、，,]/) : /未设|无内设/.test(rest) ? [] : undefined,
    page: lines[0]?.page ?? 1,
  };
}

/** `2024 年 3 月 1 日` under the signature, as YYYY-MM-DD. */
export function publishedDate(doc: PublishedDoc): { date: string; page: number } | undefined {
  for (const l of doc.lines.slice(-6).reverse()) {
    const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(squash(l.text));
    if (m) return { date: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`, page: l.page };
  }
  return undefined;
}

/** The text of Part 3's section `no` (whitespace removed), with the page it starts on. */
export function sectionText(doc: PublishedDoc, no: number): { text: string; page: number; start: number } | undefined {
  const secs = sections(doc.part3);
  const k = secs.findIndex((s) => s.no === no);
  if (k < 0) return undefined;
  const start = secs[k]!.start + secs[k]!.title.length;
  return { text: doc.part3.text.slice(start, secs[k + 1]?.start ?? doc.part3.text.length), page: whereAt(doc.part3, secs[k]!.start).page, start };
}

/** Part 3 四: `社会保障和就业支出68.52万元，主要用于…；` by class name. */
export function purposes(doc: PublishedDoc): Map<string, string> {
  const out = new Map<string, string>();
  const s = sectionText(doc, 4);
  if (!s) return out;
  for (const m of s.text.matchAll(/(?<=^|[：；，。])([^：；，。]+?)\d+(?:\.\d+)?万元，主要用于(.+?)[；。]/g)) out.set(m[1]!, m[2]!);
  return out;
}

/** Part 3 七: each project's texts by name. */
export function projectTexts(doc: PublishedDoc): Map<string, ProjectTexts & { page: number }> {
  const out = new Map<string, ProjectTexts & { page: number }>();
  const s = sectionText(doc, 7);
  if (!s) return out;
  const re = /项目名称[：:](.+?)设立的政策依据[：:](.*?)预算安排规模[：:][\d.,]+万元(?:项目承担单位[：:](.*?))?资金分配情况[：:](.*?)(?:资金执行时间[：:](.*?))?(?=[（(][一二三四五六七八九十]+[)）]项目名称|$)/g;
  for (const m of s.text.matchAll(re))
    out.set(m[1]!, { policy_basis: m[2], owner: m[3], allocation: m[4], period: m[5], page: whereAt(doc.part3, s.start + m.index!).page });
  return out;
}

type Figures = Record<string, string>;

/** 十二(二) 政府采购: the five printed figures. */
export function procurement(doc: PublishedDoc): { values: Known['procurement']; page: number } | undefined {
  const s = sectionText(doc, 12);
  if (!s) return undefined;
  const get = (re: RegExp) => re.exec(s.text)?.[1];
  const v: Figures = {};
  const keys = {
    goods: /政府采购货物预算([\d.,]+)万元/,
    works: /政府采购工程预算([\d.,]+)万元/,
    services: /政府采购服务预算([\d.,]+)万元/,
    sme_reserved: /面向中小企业预留政府采购项目预算金额([\d.,]+)万元/,
    small_micro_reserved: /小微企业预留政府采购项目预算金额([\d.,]+)万元/,
  };
  for (const [k, re] of Object.entries(keys)) {
    const x = get(re);
    if (x === undefined) return undefined;
    v[k] = x.replace(/,/g, '');
  }
  const at = s.text.indexOf('政府采购');
  return { values: v as Known['procurement'], page: whereAt(doc.part3, s.start + at).page };
}

/** 十二(三) 国有资产: the lines under `assets:`, every value as printed. */
export function assets(doc: PublishedDoc): { lines: string[]; page: number } | undefined {
  const s = sectionText(doc, 12);
  if (!s) return undefined;
  const t = s.text;
  const at = t.search(/国有资产占用使用情况/);
  const a = at < 0 ? t : t.slice(at);
  const g = (re: RegExp) => re.exec(a)?.[1]?.replace(/,/g, '');
  const area = /房屋([\d.,]+)平方米，价值([\d.,]+)万元/.exec(a);
  const car = (name: string) => new RegExp(`${name}(\\d+)辆，价值([\\d.,]+)万元`).exec(a);
  const planned = a.slice(a.search(/\d{4}年单位预算/));
  const values = {
    furniture: g(/办公家具价值([\d.,]+)万元/),
    other: g(/其他资产价值([\d.,]+)万元/),
    over50: g(/单位价值50万元以上大型设备(\d+)台/),
    over100: g(/单位价值100万元以上大型设备(\d+)套/),
    pVehicles: /未安排购置车辆经费/.test(planned) ? '0' : /安排购置车辆经费([\d.,]+)万元/.exec(planned)?.[1],
    p50: /安排购置50万元以上大型设备(\d+)台/.exec(planned)?.[1],
    p100: /单位价值100万元以上大型设备(\d+)台/.exec(planned)?.[1],
  };
  const cars = { general: car('一般公务用车'), law_enforcement: car('执法执勤用车'), other: car('其他车辆') };
  if (!area || Object.values(values).some((x) => x === undefined) || Object.values(cars).some((c) => !c)) return undefined;
  return {
    page: whereAt(doc.part3, s.start + Math.max(at, 0)).page,
    lines: [
      `  building_area: ${area[1]}        # 平方米`,
      `  building_value: ${area[2]}`,
      '  vehicles:',
      ...(['general', 'law_enforcement', 'other'] as const).map((k) => `    ${k}: { count: ${cars[k]![1]}, value: ${cars[k]![2]} }`),
      `  furniture: ${values.furniture}`,
      `  other: ${values.other}`,
      `  equipment_over_50: ${values.over50}`,
      `  equipment_over_100: ${values.over100}`,
      '  planned:                     # 本年预算安排购置',
      `    vehicles: ${values.pVehicles}`,
      `    equipment_over_50: ${values.p50}`,
      `    equipment_over_100: ${values.p100}`,
    ],
  };
}

/** 十二(五): the text after its heading, unless it says there is nothing. */
export function otherMatters(doc: PublishedDoc): { text?: string; page: number } | undefined {
  const i = doc.part3.text.lastIndexOf('其他需说明的事项');
  if (i < 0) return undefined;
  const text = doc.part3.text.slice(i + '其他需说明的事项'.length).replace(/^[：:]/, '');
  return { text: /^本单位无其他需说明事项。?$/.test(text) || !text ? undefined : text, page: whereAt(doc.part3, i).page };
}

/** 事业单位运行经费 / 机关运行经费 in 十二(一) says which kind of unit it is. */
export function unitKind(doc: PublishedDoc): Known['kind'] {
  const s = sectionText(doc, 12)?.text ?? '';
  return /事业单位运行经费/.test(s) ? 'institution' : /机关运行经费/.test(s) ? 'administrative' : undefined;
}
