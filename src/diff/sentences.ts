// The sentences of Parts 1 and 3 (the prose a reader reads), in document order, each with the
// heading it falls under; a row of a table inside Part 3 (the performance table) counts as one.
import type { Block } from '../render/html-blocks.js';

export interface Sentence {
  /** `part-1` or `part-3`: the id of the section it is in. */
  part: string;
  /** The nearest heading above it, e.g. `三、关于… 2024 年支出预算情况说明`. */
  context: string;
  text: string;
}

export const PROSE_PARTS = ['part-1', 'part-3'] as const;

/** Split after each 。 and ；, keeping the mark with its sentence. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[。；])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function sentencesOf(blocks: readonly Block[], parts: readonly string[] = PROSE_PARTS): Sentence[] {
  const out: Sentence[] = [];
  const context = new Map<string, string>();
  for (const block of blocks) {
    const part = parts.find((p) => block.within.includes(p));
    if (!part) continue;
    if (block.kind === 'heading') {
      if (block.level > 1) context.set(part, block.text);
      out.push({ part, context: context.get(part) ?? '', text: block.text });
    } else if (block.kind === 'paragraph') {
      for (const text of splitSentences(block.text)) out.push({ part, context: context.get(part) ?? '', text });
    } else {
      for (const row of block.rows) {
        const text = row.map((c) => c.text).filter(Boolean).join(' | ');
        if (text) out.push({ part, context: context.get(part) ?? '', text });
      }
    }
  }
  return out;
}
