// `audit`: recompute a published disclosure from the figures it prints itself. Findings are sorted by
// page and line; notes are differences that rounding of the printed figures explains.
import { amountsOf } from '../published/figures.js';
import { readPublished } from '../published/read.js';
import type { TemplateSource } from '../profile/resolve.js';
import { PdfReadError } from '../published/lines-pdf.js';
import type { PublishedDoc } from '../published/model.js';
import { allocationChecks } from './allocation.js';
import { completeness, cutTable } from './completeness.js';
import { conventions } from './conventions.js';
import { crossTables } from './cross-tables.js';
import type { AuditFinding } from './finding.js';
import { tableSums } from './table-sums.js';
import { textChecks } from './text-checks.js';
import { ordered, unorderedTables } from './unordered.js';

export type { AuditFinding } from './finding.js';

export function auditDoc(doc: PublishedDoc): AuditFinding[] {
  const out: AuditFinding[] = [];
  const report = (f: Omit<AuditFinding, 'file'>) => out.push({ ...f, file: doc.file });
  const finalAccounts = doc.lines.slice(0, 40).find((l) => /决算/.test(l.text));
  if (finalAccounts) {
    report({ page: finalAccounts.page, line: finalAccounts.line, quote: finalAccounts.text, code: 'AUDIT_NOT_DISCLOSURE', severity: 'error', message: '这是决算，不是单位预算公开：audit 只核对预算公开。 A final account (决算), not a budget disclosure.' });
    return out;
  }
  if (doc.tables.length < 3) {
    report({ page: 1, line: 1, quote: '', code: 'AUDIT_NOT_DISCLOSURE', severity: 'error', message: '不是单位预算公开：找不到“第二部分 … 单位预算公开表”和表 1 至表 11。 Not a unit budget disclosure (no Part 2 tables found).' });
    return out;
  }
  // A table the document ends in may lack rows: its sums would only restate that.
  const cut = cutTable(doc);
  const whole = cut ? { ...doc, tables: doc.tables.filter((t) => t !== cut) } : doc;
  unorderedTables(doc.tables, report);
  for (const t of ordered(whole.tables)) tableSums(t, report, amountsOf(doc));
  crossTables(whole, report);
  textChecks(whole, report);
  allocationChecks(whole, report);
  conventions(doc, report);
  completeness(doc, report);
  return out.sort((a, b) => a.page - b.page || a.line - b.line);
}

export interface AuditResult {
  file: string;
  doc?: PublishedDoc;
  findings: AuditFinding[];
}

/** `source`: the profile (and templates) whose tables the document prints; default: recognised by their titles. */
export async function auditFile(file: string, source: TemplateSource = {}): Promise<AuditResult> {
  let doc: PublishedDoc;
  try {
    doc = await readPublished(file, undefined, source);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const message =
      e instanceof PdfReadError
        ? e.reason === 'encrypted'
          ? 'PDF 已加密，无法读取文字。 The PDF is encrypted.'
          : e.reason === 'no-text'
            ? 'PDF 没有文字层（扫描件或图片），audit 不做文字识别（OCR）。 The PDF has no text layer; OCR is not done.'
            : `无法读取 PDF：${e.message}。 Not a readable PDF.`
        : err.code
          ? `无法读取文件：${err.code}。 Cannot read the file (${err.code}).`
          : `无法读取文件：${err.message}。`;
    if (!(e instanceof PdfReadError) && !err.code) throw e;
    return { file, findings: [{ file, page: 0, line: 0, quote: '', code: 'AUDIT_UNREADABLE', severity: 'error', message }] };
  }
  return { file, doc, findings: auditDoc(doc) };
}
