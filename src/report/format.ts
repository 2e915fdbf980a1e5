// Findings as a person reads them: `file:line:col  severity  message  [CODE]`, then the source line
// with a marker under the offending key or value.
import type { Finding } from '../findings.js';

// The last source's lines, split once: re-splitting it per finding made `check` quadratic in findings.
let split: { source: string; lines: string[] } | undefined;
function sourceLines(source: string): string[] {
  if (split?.source !== source) split = { source, lines: source.split('\n') };
  return split.lines;
}

export function formatFinding(f: Finding, source?: string): string {
  const where = `${f.file ?? '<input>'}:${f.pos?.line ?? 1}:${f.pos?.col ?? 1}`;
  const head = `${where}  ${f.severity}  ${f.message}${f.path && !f.message.includes(f.path) ? `  (${f.path})` : ''}  [${f.code}]`;
  if (!source || !f.pos) return head;
  const lineText = sourceLines(source)[f.pos.line - 1]?.replace(/\r$/, '');
  if (lineText === undefined || lineText.length > 300 || /[\u0000-\u0008]/.test(lineText)) return head;
  const width = Math.max(1, Math.min(f.pos.end - f.pos.start, lineText.length - (f.pos.col - 1)));
  const pad = [...lineText.slice(0, f.pos.col - 1)].map((c) => (c === '\t' ? '\t' : /[\u1100-\uffff]/.test(c) ? '  ' : ' ')).join('');
  const marker = [...lineText.slice(f.pos.col - 1, f.pos.col - 1 + width)].map((c) => (/[\u1100-\uffff]/.test(c) ? '^^' : '^')).join('');
  return `${head}\n  ${f.pos.line} | ${lineText}\n  ${' '.repeat(String(f.pos.line).length)} | ${pad}${marker}`;
}

export function formatFindings(findings: readonly Finding[], source?: string): string {
  return findings.map((f) => formatFinding(f, source)).join('\n');
}
