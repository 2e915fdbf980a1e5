// Text from the data file is escaped once, here, before any template sees it; templates are then
// compiled with noEscape so that Markdown output stays readable (Handlebars would also escape = and ').
import { Decimal } from 'decimal.js';
import { placeholderPattern } from '../placeholder.js';

/** A draft's `【待填写：…】` is marked so the HTML and the PDF highlight it (templates/placeholder.css). */
function escapeText(s: string): string {
  return s
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(placeholderPattern(), (p) => `<mark class="placeholder">${p}</mark>`);
}

export function escapeView<T>(value: T): T {
  if (typeof value === 'string') return escapeText(value) as T;
  if (value === null || typeof value !== 'object' || value instanceof Decimal) return value;
  if (Array.isArray(value)) return value.map(escapeView) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeView(v)])) as T;
}
