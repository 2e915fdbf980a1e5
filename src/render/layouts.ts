// The tables' layout (templates/tables.yaml) as the HTML partials read it: `layouts.<id>` with the
// figures a template cannot work out itself (width, the columns before the first amount, the ※/1/2
// row, a two-sided table's rows), and each table's empty-table sentence as a partial
// `layouts/<id>-empty` (the performance table's year line as `layouts/performance-year`).
import { unitLine } from '../profile/index.js';
import { leafColumns, type TableLayouts } from '../tables/index.js';

/** Names of the properties that are identifiers the templates look figures up by, not wording. */
const IDENTIFIERS = new Set(['id', 'key', 'kind', 'orientation']);

/**
 * Wording reaches the page as data text does (`text` gives it a token, escaped where it lands: the same
 * label goes to the HTML, the workbook and Word as plain text); identifiers stay as they are.
 */
function wording(value: unknown, text: (s: string) => string, name = ''): unknown {
  if (typeof value === 'string') return IDENTIFIERS.has(name) ? value : text(value);
  if (Array.isArray(value)) return value.map((v) => wording(v, text));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wording(v, text, k)]));
}

/** `unit` is the display unit, put wherever the wording says `{unit}` (the 单位 line, 项目资金({unit})). */
export function layoutContext(layouts: TableLayouts, text: (s: string) => string, unit = '万元') {
  return wording({
    meta: { ...layouts.meta, unit: unitLine(layouts.meta.unit, unit) },
    ...Object.fromEntries(
      layouts.tables.map((t) => {
        const leaves = leafColumns(t);
        const lead = leaves.findIndex((c) => c.kind === 'amount');
        const slots = t.body.height === null ? [] : Array.from({ length: t.body.height }, (_, i) => ({ row: t.body.rows[i] ?? null }));
        return [t.id, { ...t, width: leaves.length, lead: lead < 0 ? leaves.length : lead, numbers: leaves.map((c) => c.number), slots }];
      }),
    ),
  }, (s) => text(unitLine(s, unit))) as Record<string, unknown>;
}

export function layoutPartials(layouts: TableLayouts): Record<string, string> {
  const partials: Record<string, string> = {};
  for (const t of layouts.tables) {
    if (t.empty !== null) partials[`layouts/${t.id}-empty`] = t.empty;
    if (t.body.year !== null) partials[`layouts/${t.id}-year`] = t.body.year;
  }
  return partials;
}
