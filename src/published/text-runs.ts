// Prose as one string without white space (extraction breaks lines anywhere, even between a number
// and its unit), with the page and line of every character kept for findings.
import type { Line, Where } from './model.js';

export interface Run {
  text: string;
  at: Where[];
}

export function joinLines(lines: readonly Line[]): Run {
  let text = '';
  const at: Where[] = [];
  for (const l of lines)
    for (const ch of l.text.replace(/\s+/g, '')) {
      text += ch;
      at.push({ page: l.page, line: l.line });
    }
  return { text, at };
}

export function whereAt(run: Run, index: number): Where {
  return run.at[Math.min(Math.max(index, 0), run.at.length - 1)] ?? { page: 0, line: 0 };
}
