// The sentences of the overview and the explanation (the prose a reader reads: Parts 1 and 3 of the
// default set, the 情况说明 of the ten-table set), in document order, each with the heading it falls
// under; a row of a table inside the explanation (the performance table) counts as one.
import type { Block } from '../render/html-blocks.js';

export interface Sentence {
  /** The id of the section it is in, as the document numbers it: `part-1`, `part-3` (the ten-table set's explanation is `part-2`). */
  part: string;
  /** The nearest heading above it, e.g. `三、关于… 2024 年支出预算情况说明`. */
  context: string;
  text: string;
}

/** The sections' classes that say what they hold, whatever their place: the overview and the explanation. */
export const PROSE_ROLES = ['part1', 'part3'] as const;

/** The id of the numbered section a block is in (`part-3`), as the document numbers it. */
export function sectionOf(block: Block): string | undefined {
  return block.within.find((id) => /^part-\d+$/.test(id));
}

/** Split after each 。 and ；, keeping the mark with its sentence. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[。；])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function sentencesOf(blocks: readonly Block[]): Sentence[] {
  const out: Sentence[] = [];
  const context = new Map<string, string>();
  for (const block of blocks) {
    const role = PROSE_ROLES.find((r) => block.classes.includes(r));
    if (!role) continue;
    const part = sectionOf(block) ?? role;
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
