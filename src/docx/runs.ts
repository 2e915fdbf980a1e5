// Text as Word runs: a draft's 【待填写：…】 highlighted yellow and bold, as the HTML's mark.placeholder.
import { HighlightColor, TextRun, type IRunOptions } from 'docx';
import { placeholderPattern } from '../placeholder.js';

export function runs(text: string, options: IRunOptions = {}): TextRun[] {
  const out: TextRun[] = [];
  let at = 0;
  for (const m of text.matchAll(placeholderPattern())) {
    if (m.index > at) out.push(new TextRun({ ...options, text: text.slice(at, m.index) }));
    out.push(new TextRun({ ...options, text: m[0], highlight: HighlightColor.YELLOW, bold: true, color: 'A8071A' }));
    at = m.index + m[0].length;
  }
  if (at < text.length || out.length === 0) out.push(new TextRun({ ...options, text: text.slice(at) }));
  return out;
}
