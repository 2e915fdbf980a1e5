// Text from the data file is escaped once, here, before any template sees it; templates are then
// compiled with noEscape so that Markdown output stays readable (Handlebars would also escape = and ').
// The text lands both in Markdown paragraphs and inside HTML blocks (tables), so it is escaped with
// entities, which mean the same literal character in both: HTML specials, and the Markdown
// punctuation that could make a link, emphasis or code of a finance officer's text.
import { Decimal } from 'decimal.js';
import { placeholderPattern } from '../placeholder.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;',
  '*': '&#42;', _: '&#95;', '[': '&#91;', ']': '&#93;', '`': '&#96;', '\\': '&#92;', '|': '&#124;',
};

/**
 * A draft's `【待填写：…】` is marked so the HTML and the PDF highlight it (templates/placeholder.css).
 * Line breaks are folded (a blank line would end the paragraph or the table it sits in), and a
 * marker that would open a Markdown block at the start of a line (# heading, - list, 1. list) is
 * escaped too.
 */
function escapeText(s: string): string {
  return s
    .replace(/[&<>"*_[\]`\\|]/g, (c) => ENTITIES[c]!)
    .replace(/[ \t]*\r?\n\s*/g, '')
    .replace(/^(\s*)(#|[-+](?=\s)|\d+(?=[.)]\s))/, (_, space: string, marker: string) => `${space}${marker.replace(/^./, (c) => `&#${c.charCodeAt(0)};`)}`)
    .replace(placeholderPattern(), (p) => `<mark class="placeholder">${p}</mark>`);
}

/** The text an escaped value stands for, where entities are not decoded (CSS strings, PDF metadata). */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', quot: '"' };
  return text
    .replace(/&(lt|gt|quot|#\d+);/g, (_, e: string) => named[e] ?? String.fromCharCode(Number(e.slice(1))))
    .replace(/&amp;/g, '&');
}

export function escapeView<T>(value: T): T {
  if (typeof value === 'string') return escapeText(value) as T;
  if (value === null || typeof value !== 'object' || value instanceof Decimal) return value;
  if (Array.isArray(value)) return value.map(escapeView) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeView(v)])) as T;
}
