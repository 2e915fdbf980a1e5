// Findings as a person reads them: `file:line:col  severity  message  [CODE]`, then the source line
// with a marker under the offending key or value. Data reaches the terminal here (the source line, a
// key or text quoted in a message), so control characters are shown visibly: a file cannot send the
// terminal an escape sequence.
import type { Finding } from '../findings.js';
import { terminalText } from '../render/escape.js';

/** Columns a source character takes once shown: a control character's visible spelling, a wide one 2. */
function shownWidth(c: string): number {
  if (c === '\t') return 1;
  const shown = terminalText(c);
  return shown !== c ? shown.length : /[\u1100-\uffff]/.test(c) ? 2 : 1;
}

// The last source's lines, split once: re-splitting it per finding made `check` quadratic in findings.
let split: { source: string; lines: string[] } | undefined;
function sourceLines(source: string): string[] {
  if (split?.source !== source) split = { source, lines: source.split('\n') };
  return split.lines;
}

export function formatFinding(f: Finding, source?: string): string {
  const where = f.cell
    ? `${f.file ?? '<input>'}${f.cell.sheet ? ` [${f.cell.sheet}]` : ''}${f.cell.ref ? ` ${f.cell.ref}` : ''}`
    : `${f.file ?? '<input>'}:${f.pos?.line ?? 1}:${f.pos?.col ?? 1}`;
  const head = terminalText(`${where}  ${f.severity}  ${f.message}${f.path && !f.message.includes(f.path) ? `  (${f.path})` : ''}  [${f.code}]`);
  if (!source || !f.pos) return head;
  const lineText = sourceLines(source)[f.pos.line - 1]?.replace(/\r$/, '');
  if (lineText === undefined || lineText.length > 300) return head;
  const width = Math.max(1, Math.min(f.pos.end - f.pos.start, lineText.length - (f.pos.col - 1)));
  const pad = [...lineText.slice(0, f.pos.col - 1)].map((c) => (c === '\t' ? '\t' : ' '.repeat(shownWidth(c)))).join('');
  const marker = [...lineText.slice(f.pos.col - 1, f.pos.col - 1 + width)].map((c) => '^'.repeat(shownWidth(c))).join('');
  return `${head}\n  ${f.pos.line} | ${terminalText(lineText)}\n  ${' '.repeat(String(f.pos.line).length)} | ${pad}${marker}`;
}

export function formatFindings(findings: readonly Finding[], source?: string): string {
  return findings.map((f) => formatFinding(f, source)).join('\n');
}
