// Reading and writing YAML at the level of its source text: where the comments are, how a new
// scalar must be written to read back as the same string, how a copied block is re-indented.
import { visit, type Document, type Scalar } from 'yaml';
import { displayWidth } from '../render/text.js';

export interface Comment {
  /** Offset of the `#`. */
  start: number;
  /** End of the line (excluding the newline). */
  end: number;
  /** Something other than spaces precedes it on its line. */
  trailing: boolean;
}

/** Every comment of the source: a `#` after a space or at a line start, outside every scalar. */
export function commentsOf(source: string, doc: Document): Comment[] {
  const spans: [number, number][] = [];
  visit(doc, {
    Scalar(_, node) {
      if (node.range) spans.push([node.range[0], node.range[1]]);
    },
  });
  spans.sort((a, b) => a[0] - b[0]);
  const inScalar = (at: number) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [s, e] = spans[mid]!;
      if (at < s) hi = mid - 1;
      else if (at >= e) lo = mid + 1;
      else return true;
    }
    return false;
  };
  const out: Comment[] = [];
  for (const m of source.matchAll(/(?<=^|[ \t])#[^\n]*/gm)) {
    if (inScalar(m.index)) continue;
    const lineStart = source.lastIndexOf('\n', m.index - 1) + 1;
    out.push({ start: m.index, end: m.index + m[0].replace(/\r$/, '').length, trailing: source.slice(lineStart, m.index).trim() !== '' });
  }
  return out;
}

/** A string as a YAML scalar that reads back as the same string: plain when safe, else double-quoted. */
export function scalarText(value: string, inFlow: boolean): string {
  const unsafe =
    value === '' ||
    /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) ||
    /\s$/.test(value) ||
    /: |:$| #|[\n\r\t]/.test(value) ||
    (inFlow && /[,[\]{}]/.test(value)) ||
    /^(~|null|true|false|yes|no|on|off|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?)$/i.test(value);
  return unsafe ? JSON.stringify(value) : value;
}

/** Lines after the first moved right (or left) by `shift` columns; blank lines stay empty. */
export function reindent(text: string, shift: number): string {
  if (shift === 0) return text;
  return text
    .split('\n')
    .map((line, i) => {
      if (i === 0 || line.trim() === '') return line;
      if (shift > 0) return ' '.repeat(shift) + line;
      const lead = line.length - line.trimStart().length;
      return line.slice(Math.min(lead, -shift));
    })
    .join('\n');
}

/** Column (0-based, in characters) of an offset within its line. */
export function columnOf(source: string, offset: number): number {
  return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}

/** Display width from the line start to an offset (CJK counts 2, as editors align comments). */
export function displayColumn(text: string, offset: number): number {
  return displayWidth(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset));
}

export function isBlockScalar(node: Scalar): boolean {
  return node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
}

