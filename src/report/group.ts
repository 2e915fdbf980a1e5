// A draft asks for many findings of one kind (54 unconfirmed figures, 33 placeholders): listed one
// by one they bury the few that need thought. The default text output gives each such kind once,
// with the key paths it concerns; `--verbose` and `--format json` keep every finding.
import type { Finding } from '../findings.js';
import { terminalText } from '../render/escape.js';
import { formatFinding } from './format.js';

/** More warnings or notes than this of one code and severity in one file are shown as one. */
export const GROUP_ABOVE = 3;

/**
 * Findings as text; the warnings (or notes) of a code that occurs more than GROUP_ABOVE times are
 * one entry where the first stood. Errors stay one by one with their source line: each needs its own fix.
 */
export function formatGrouped(findings: readonly Finding[], source?: string): string {
  const key = (f: Finding) => `${f.code}\u0000${f.severity}`;
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(key(f), [...(groups.get(key(f)) ?? []), f]);
  const out: string[] = [];
  for (const f of findings) {
    const group = groups.get(key(f))!;
    if (f.severity === 'error' || group.length <= GROUP_ABOVE) out.push(formatFinding(f, source));
    else if (group[0] === f) out.push(groupLine(group));
  }
  return out.join('\n');
}

function groupLine(group: readonly Finding[]): string {
  const [first] = group;
  const where = `${first!.file ?? '<input>'}:${first!.pos?.line ?? 1}:${first!.pos?.col ?? 1}`;
  const keys = group.map((f) => `${f.path || '(文件 file)'}${f.pos ? `:${f.pos.line}` : ''}`);
  return [
    `${where}  ${first!.severity}  ${first!.code} ×${group.length}：${keys.join(', ')}`,
    `  同类 ${group.length} 处，如：${first!.message}（逐条列出见 --verbose） ${group.length} alike; --verbose lists each.  [${first!.code}]`,
  ].map(terminalText).join('\n');
}
