// Whether the document is whole: one that stops before its last part ends inside a table or a part
// (a truncated file); a table with a 类 or 款 printed and none of its items, or with rows the table
// printing the same lines lacks, lost rows (a page left out, a table cut off at a page break).
import type { PublishedDoc, PublishedTable, Row } from '../published/model.js';
import { tableInfo } from '../published/tables.js';
import { rowName } from './cells.js';
import type { Report } from './finding.js';

const PART = ['', '第一部分', '第二部分', '第三部分', '第四部分'];

/** The table the document ends in, when it stops inside Part 2: it may lack rows, so its sums are not checked. */
export function cutTable(doc: PublishedDoc): PublishedTable | undefined {
  const last = Math.max(0, ...doc.parts.map((p) => p.no));
  if (last !== 2 || doc.parts.some((p) => p.no === 4)) return undefined;
  return [...doc.tables].sort((a, b) => a.page - b.page || a.line - b.line).pop();
}

export function completeness(doc: PublishedDoc, report: Report): void {
  const lastPart = Math.max(0, ...doc.parts.map((p) => p.no));
  const end = doc.lines[doc.lines.length - 1];
  // With the tables as an attachment after the text (ten-tables), the text has three parts; a missing
  // table of the attachment is AUDIT_MISSING.
  if (end && lastPart > 0 && lastPart < (doc.annex ? 3 : 4)) {
    const cut = cutTable(doc);
    const where = cut ? `表 ${cut.no}（${cut.title}）` : PART[lastPart]!;
    report({
      page: end.page,
      line: end.line,
      quote: end.text,
      code: 'AUDIT_TRUNCATED',
      severity: 'error',
      message: `文件在${where}中途结束，其后的内容缺失${cut ? `；表 ${cut.no} 可能不完整，未核对它的合计` : ''}。 The document ends early, inside ${cut ? `table ${cut.no}` : `Part ${lastPart}`}${cut ? '; its sums are not checked' : ''}.`,
    });
  }
  for (const t of doc.tables) cutOff(t, report);
  // Tables 2 and 3 print the same lines (by source, by basic and project): a line in one only was lost.
  const [t2, t3] = ['t2', 't3'].map((id) => doc.tables.find((t) => t.id === id));
  if (t2 && t3 && !t2.unordered && !t3.unordered && t2.rows.length && t3.rows.length)
    for (const [a, b] of [[t2, t3], [t3, t2]] as const)
      for (const r of a.rows.filter((r) => r.code && !b.rows.some((x) => x.code === r.code)))
        report({
          page: b.page,
          line: b.line,
          quote: r.quote,
          code: 'AUDIT_CUT_OFF',
          severity: 'error',
          message: `表 ${a.no} 有 ${rowName(a, r)}（第 ${r.page} 页），表 ${b.no} 没有这一行：表 ${b.no} 缺行（如少了一页）。 Table ${b.no} lacks a line table ${a.no} prints: rows are missing.`,
        });
}

/** A 类 with no 款 under it, or a 款 with no 项, in a table that prints 款 and 项 elsewhere: rows were lost after it. */
function cutOff(t: PublishedTable, report: Report): void {
  const coded = t.rows.filter((r) => r.code);
  if (!tableInfo(t.id).codes || t.id === 't1' || t.id === 't4' || t.unordered) return;
  const levels = new Set(coded.map((r) => r.code.length));
  coded.forEach((r, i) => {
    const child = r.code.length === 3 ? 5 : r.code.length === 5 ? 7 : 0;
    if (!child || !levels.has(child)) return;
    const next: Row | undefined = coded[i + 1];
    if (next && next.code.startsWith(r.code) && next.code.length > r.code.length) return;
    report({
      page: r.page,
      line: r.line,
      quote: r.quote,
      code: 'AUDIT_CUT_OFF',
      severity: 'error',
      message: `表 ${t.no} 的 ${rowName(t, r)} 之下没有${child === 5 ? '款' : '项'}：表在此缺行${next ? '' : '（表到此为止）'}。 Table ${t.no} prints ${r.code} and none of its items: rows are missing after it.`,
    });
  });
}
