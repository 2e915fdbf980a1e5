// `yusuan audit <published.pdf|.txt|.html>... [--format text|json]`: recompute each published
// disclosure from its own printed figures; exit 1 when any document has an error (notes allowed).
import { auditFile, type AuditResult } from '../audit/index.js';
import { asJson, counts, formatAuditFinding, summaryTable } from '../audit/format.js';
import { parseCommand, UsageError, type Command } from './usage.js';

const FORMATS = ['text', 'json'] as const;

export const auditCommand: Command = async (args) => {
  const { values, positionals } = parseCommand('audit', args);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`未知的输出格式 Unknown format: ${values.format} (${FORMATS.join(', ')})`);
  if (positionals.length === 0) throw new UsageError('缺少要核查的公开文件 Missing published document.');

  const results: AuditResult[] = [];
  for (const [i, file] of positionals.entries()) {
    const t = performance.now();
    const r = await auditFile(file, { profile: values.profile, templates: values.templates });
    results.push(r);
    const c = counts(r.findings);
    // One progress line per document, on stderr so that stdout stays the report.
    if (positionals.length > 1) process.stderr.write(`[${i + 1}/${positionals.length}] ${file}: ${c.error} 个错误，${c.warning} 个警告，${c.note} 个提示 (${Math.round(performance.now() - t)} ms)\n`);
    if (format === 'text') {
      const lines = r.findings.map(formatAuditFinding);
      lines.push(`${file}: ${c.error} 个错误，${c.warning} 个警告，${c.note} 个提示 (${c.error} errors, ${c.warning} warnings, ${c.note} notes)`);
      process.stdout.write(`${lines.join('\n')}\n`);
    }
  }
  if (format === 'json') process.stdout.write(`${JSON.stringify(asJson(results), null, 2)}\n`);
  else process.stdout.write(`\n${summaryTable(results)}\n`);
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
};
