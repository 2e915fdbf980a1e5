// Audit findings as a person reads them — `file p.12  error  message  [CODE]` and the quoted text
// under it — and the summary table of a batch, one row per document.
import type { AuditFinding, AuditResult } from './index.js';

const QUOTE_MAX = 160;

export function formatAuditFinding(f: AuditFinding): string {
  const where = f.page > 0 ? `p.${f.page}` : f.line > 0 ? `#${f.line}` : '';
  const head = `${f.file ?? '<input>'}${where ? ' ' + where : ''}  ${f.severity}  ${f.message}  [${f.code}]`;
  if (!f.quote) return head;
  const q = [...f.quote];
  return `${head}\n    「${q.length > QUOTE_MAX ? q.slice(0, QUOTE_MAX).join('') + '…' : f.quote}」`;
}

export function counts(findings: readonly AuditFinding[]): { error: number; warning: number; note: number } {
  const n = (s: AuditFinding['severity']) => findings.filter((f) => f.severity === s).length;
  return { error: n('error'), warning: n('warning'), note: n('note') };
}

/** Display width: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((a, c) => a + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
const pad = (s: string, w: number, right = false) => (right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))));

export function summaryTable(results: readonly AuditResult[]): string {
  const head = ['文件 file', '页 pages', '表 tables', '数字句 figures', '错误 errors', '警告 warnings', '提示 notes'];
  const rows = results.map((r) => {
    const c = counts(r.findings);
    return [r.file, String(r.doc?.pages ?? '—'), String(r.doc?.tables.length ?? '—'), String(r.doc?.mentions.length ?? '—'), String(c.error), String(c.warning), String(c.note)];
  });
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function asJson(results: readonly AuditResult[]) {
  return {
    documents: results.map((r) => ({
      file: r.file,
      kind: r.doc?.kind ?? null,
      pages: r.doc?.pages ?? null,
      tables: r.doc?.tables.map((t) => t.no) ?? [],
      ...counts(r.findings),
      findings: r.findings.map((f) => ({ page: f.page, line: f.line, code: f.code, severity: f.severity, message: f.message, quote: f.quote })),
    })),
  };
}
