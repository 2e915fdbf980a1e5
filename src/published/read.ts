// Reading a published 单位预算公开 from text, PDF or HTML into a PublishedDoc: lines first (each
// source its own way), then one reader of parts, tables and Part 3 for all three.
import { readFileSync } from 'node:fs';
import { fig } from './figures.js';
import { inferColumns } from './infer.js';
import { htmlLines } from './lines-html.js';
import { pdfLines } from './lines-pdf.js';
import { textLines } from './lines-text.js';
import type { Line, Part, PublishedDoc, PublishedTable } from './model.js';
import { readStaffing } from './overview.js';
import { readMentions } from './part3.js';
import { readTables } from './read-tables.js';
import { layoutSets, type LayoutSet } from '../tables/index.js';
import type { TemplateSource } from '../profile/resolve.js';
import { knownTable } from './tables.js';
import { joinLines, whereAt } from './text-runs.js';

export type SourceKind = PublishedDoc['kind'];

/** Which reader: by content (`%PDF-`, an HTML tag), else text. */
export function sourceKind(bytes: Uint8Array): SourceKind {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (/^\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html|<section|<body|<h1)/i.test(head.replace(/^\uFEFF/, ''))) return 'html';
  return 'text';
}

/** `source`: the profile (and templates) whose tables the document has; default: the bundled set its titles match best. */
export async function readPublished(file: string, bytes: Uint8Array = readFileSync(file), source: TemplateSource = {}): Promise<PublishedDoc> {
  const kind = sourceKind(bytes);
  const { lines, pages } =
    kind === 'pdf' ? await pdfLines(new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))) : kind === 'html' ? htmlLines(Buffer.from(bytes).toString('utf8')) : textLines(Buffer.from(bytes).toString('utf8'));
  return readLines(file, kind, lines, pages, source);
}

/**
 * The tables of the set whose titles the lines match best: the first set (the default) unless another
 * misses fewer, counting the tables a set expects and lacks and the titles another set knows and it does not.
 */
function tablesOfBestSet(lines: readonly Line[], sets: readonly LayoutSet[]): { set: LayoutSet; tables: PublishedTable[] } {
  const expected = (set: LayoutSet) => set.layouts.tables.filter((l) => knownTable(l.id));
  const readWith = (set: LayoutSet) => ({ set, tables: readTables(lines, set.layouts) });
  const missing = (r: { set: LayoutSet; tables: PublishedTable[] }) => expected(r.set).filter((l) => !r.tables.some((t) => t.id === l.id)).length;
  const first = readWith(sets[0]!);
  if (missing(first) === 0) return first; // the usual case: one reading
  const read = [first, ...sets.slice(1).map(readWith)];
  const titles = new Set(read.flatMap((r) => r.tables.map((t) => `${t.page}:${t.line}`)));
  const misses = (r: (typeof read)[number]) => missing(r) + titles.size - new Set(r.tables.map((t) => `${t.page}:${t.line}`)).size;
  return read.reduce((best, r) => (misses(r) < misses(best) ? r : best));
}

export function readLines(file: string, kind: SourceKind, lines: Line[], pages: number, source: TemplateSource = {}): PublishedDoc {
  const parts: Part[] = [];
  const partAt: number[] = [];
  lines.forEach((l, i) => {
    const m = /^第([一二三四])部分(.*)$/.exec(l.text.replace(/\s+/g, ''));
    if (m) {
      parts.push({ no: '一二三四'.indexOf(m[1]!) + 1, title: m[0], page: l.page, line: l.line });
      partAt.push(i);
    }
  });
  // The ten-tables set prints the tables last, as an attachment (`附件 2025 年单位预算公开表`), after
  // 第二部分 情况说明 and 第三部分 名词解释; the default prints them as 第二部分.
  const tablesPart = parts.find((p) => /公开表$/.test(p.title));
  const annexAt = tablesPart ? -1 : lines.findIndex((l, i) => i > (partAt[0] ?? -1) && /^附件.*(公开表|预算表)$/.test(l.text.replace(/\s+/g, '')));
  const annex = annexAt < 0 ? undefined : { page: lines[annexAt]!.page, line: lines[annexAt]!.line, text: lines[annexAt]!.text };
  const end = annexAt < 0 ? lines.length : annexAt;
  const slice = (no: number) => {
    const k = parts.findIndex((p) => p.no === no);
    return k < 0 || partAt[k]! > end ? [] : lines.slice(partAt[k]! + 1, Math.min(partAt[k + 1] ?? end, end));
  };
  const proseNo = parts.find((p) => /情况说明$/.test(p.title))?.no ?? 3;
  const title1 = parts.find((p) => p.no === 1)?.title ?? '';
  const yearUnit = /部分(\d{4})年(.+?)单位概况/.exec(title1);
  const year = yearUnit ? Number(yearUnit[1]) : Number(/(\d{4})年/.exec(parts.map((p) => p.title).join(''))?.[1]) || undefined;
  let unit = yearUnit?.[2];
  const { set, tables } = tablesOfBestSet(annex ? lines.slice(annexAt + 1) : slice(2), layoutSets(source));
  inferColumns(tables);
  if (!unit) unit = /编制单位[：:](\S+?)单位[：:]/.exec(lines.map((l) => l.text.replace(/\s+/g, '')).find((t) => t.startsWith('编制单位')) ?? '')?.[1];

  // The tables' `单位：元` (the ten-tables profile) or `单位：万元`: the unit Part 3's figures are read in.
  const units = lines.map((l) => /单位[：:](万元|元)/.exec(l.text.replace(/\s+/g, ''))?.[1]).filter(Boolean);
  const currency = units.filter((u) => u === '元').length > units.length / 2 ? '元' : '万元';
  const part1 = slice(1);
  const run1 = joinLines(part1);
  const p3lines = slice(proseNo);
  // The performance table sits inside Part 3: read it apart from the prose.
  const perfStart = p3lines.findIndex((l) => l.text.replace(/\s+/g, '').startsWith('项目支出绩效目标表'));
  const perfEnd = perfStart < 0 ? -1 : p3lines.findIndex((l, i) => i > perfStart && /^[(（]五[)）]/.test(l.text.replace(/\s+/g, '')));
  const prose = perfStart < 0 ? p3lines : [...p3lines.slice(0, perfStart), ...(perfEnd < 0 ? [] : p3lines.slice(perfEnd))];
  const run3 = joinLines(prose);
  let performance: PublishedDoc['performance'];
  if (perfStart >= 0) {
    const perf = joinLines(p3lines.slice(perfStart, perfEnd < 0 ? undefined : perfEnd));
    const get = (re: RegExp) => {
      const m = re.exec(perf.text);
      return m ? fig(m[1]!, whereAt(perf, m.index + m[0].length - m[1]!.length)) : undefined;
    };
    performance = {
      ...whereAt(perf, 0),
      total: get(/年度预算总额(\d+\.\d{2})/),
      fiscal: get(/其中[：:]?财政拨款(\d+\.\d{2})/),
      other: get(/其他资金(\d+\.\d{2})/),
      projectName: /项目名称(.+?)项目负责人/.exec(perf.text)?.[1],
    };
  }
  const paragraphs = part1.filter((l) => !/^[一二三四]、/.test(l.text)).map((l) => l.text.replace(/\s+/g, ''));
  return {
    file,
    kind,
    pages,
    lines,
    parts,
    ...(annex ? { annex } : {}),
    currency,
    grouped: lines.some((l) => /\d,\d{3}\.\d{2}/.test(l.text)),
    set: { name: set.name, tables: set.layouts.tables.filter((l) => knownTable(l.id)).map((l) => ({ id: l.id, no: l.no ?? 0, title: l.title })) },
    unit,
    year,
    overview: { paragraphs, staffing: readStaffing(run1) },
    tables,
    mentions: readMentions(run3, unit, year, currency),
    part3: run3,
    performance,
  };
}
