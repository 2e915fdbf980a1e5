// Reading a published 单位预算公开 from text, PDF or HTML into a PublishedDoc: lines first (each
// source its own way), then one reader of parts, tables and Part 3 for all three.
import { readFileSync } from 'node:fs';
import { fig } from './figures.js';
import { inferColumns } from './infer.js';
import { htmlLines } from './lines-html.js';
import { pdfLines } from './lines-pdf.js';
import { textLines } from './lines-text.js';
import type { Line, Part, PublishedDoc } from './model.js';
import { readStaffing } from './overview.js';
import { readMentions } from './part3.js';
import { readTables } from './read-tables.js';
import { joinLines, whereAt } from './text-runs.js';

export type SourceKind = PublishedDoc['kind'];

/** Which reader: by content (`%PDF-`, an HTML tag), else text. */
export function sourceKind(bytes: Uint8Array): SourceKind {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (/^\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html|<section|<body|<h1)/i.test(head.replace(/^\uFEFF/, ''))) return 'html';
  return 'text';
}

export async function readPublished(file: string, bytes: Uint8Array = readFileSync(file)): Promise<PublishedDoc> {
  const kind = sourceKind(bytes);
  const { lines, pages } =
    kind === 'pdf' ? await pdfLines(new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))) : kind === 'html' ? htmlLines(Buffer.from(bytes).toString('utf8')) : textLines(Buffer.from(bytes).toString('utf8'));
  return readLines(file, kind, lines, pages);
}

export function readLines(file: string, kind: SourceKind, lines: Line[], pages: number): PublishedDoc {
  const parts: Part[] = [];
  const partAt: number[] = [];
  lines.forEach((l, i) => {
    const m = /^第([一二三四])部分(.*)$/.exec(l.text.replace(/\s+/g, ''));
    if (m) {
      parts.push({ no: '一二三四'.indexOf(m[1]!) + 1, title: m[0], page: l.page, line: l.line });
      partAt.push(i);
    }
  });
  const slice = (no: number) => {
    const k = parts.findIndex((p) => p.no === no);
    return k < 0 ? [] : lines.slice(partAt[k]! + 1, partAt[k + 1] ?? lines.length);
  };
  const title1 = parts.find((p) => p.no === 1)?.title ?? '';
  const yearUnit = /部分(\d{4})年(.+?)单位概况/.exec(title1);
  const year = yearUnit ? Number(yearUnit[1]) : Number(/(\d{4})年/.exec(parts.map((p) => p.title).join(''))?.[1]) || undefined;
  let unit = yearUnit?.[2];
  const tables = readTables(slice(2));
  inferColumns(tables);
  if (!unit) unit = /编制单位[：:](\S+?)单位[：:]/.exec(lines.map((l) => l.text.replace(/\s+/g, '')).find((t) => t.startsWith('编制单位')) ?? '')?.[1];

  const part1 = slice(1);
  const run1 = joinLines(part1);
  const p3lines = slice(3);
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
    unit,
    year,
    overview: { paragraphs, staffing: readStaffing(run1) },
    tables,
    mentions: readMentions(run3, unit, year),
    part3: run3,
    performance,
  };
}
