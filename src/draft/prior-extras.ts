// The optional prior-year blocks a unit keeps (`prior.basic_economic`, `prior.project_economic`,
// `prior.procurement`) move on with the year like `prior.budget`: where the source has one, next
// year's holds this year's figures — table 6 as written, table 7's columns as computed, the
// procurement budget by kind as written. Where the source has none, none is added, so a unit that
// never gave them keeps the document it had.
import { isMap, isScalar, type Document, type Scalar } from 'yaml';
import { GROUPS } from '../compute/sources.js';
import { sum } from '../compute/money.js';
import { UNCONFIRMED_TAG } from '../load/schema.js';
import { PROJECT_ECONOMIC_CLASSES, type DisclosureData } from '../model.js';
import type { Splice } from './splice.js';
import { columnOf } from './yaml-text.js';

/** A scalar's text as written, with its `!unconfirmed` tag when it has one. */
function written(source: string, node: Scalar): string {
  const text = source.slice(node.range![0], node.range![1]).replace(/\s+$/, '');
  return node.tag === UNCONFIRMED_TAG ? `${UNCONFIRMED_TAG} ${text}` : text;
}

/**
 * Splices giving next year's prior blocks. `copy` copies a block of this year's source text over the
 * prior one (the draft's own, which re-indents and moves the comments' years on); the table 7
 * columns and the procurement figures are written here.
 */
export function priorExtras(source: string, doc: Document, data: DisclosureData, unconfirmed: ReadonlySet<string>, copy: (from: string[], to: string[]) => void): Splice[] {
  const splices: Splice[] = [];
  if (doc.getIn(['prior', 'basic_economic'], true) !== undefined) copy(['basic_economic'], ['prior', 'basic_economic']);

  const columns = doc.getIn(['prior', 'project_economic'], true);
  if (isMap(columns) && columns.range) {
    const general = data.projects.map((p, i) => ({ p, i })).filter(({ p }) => (GROUPS.general_budget as readonly string[]).includes(p.source));
    const entries = PROJECT_ECONOMIC_CLASSES.flatMap((cls) => {
      const amount = sum(general.map(({ p }) => p.economic[cls]));
      if (amount.isZero()) return [];
      const tagged = general.some(({ p, i }) => p.economic[cls] && unconfirmed.has(`projects[${i}].economic.${cls}`));
      // At least the two decimals the documents print: 165.60, not 165.6.
      return [`${cls}: ${tagged ? `${UNCONFIRMED_TAG} ` : ''}${amount.decimalPlaces() <= 2 ? amount.toFixed(2) : amount.toFixed()}`];
    });
    const [start, end] = columns.range;
    const text = columns.flow || entries.length === 0
      ? `{ ${entries.join(', ')} }`.replace('{  }', '{}')
      : entries.join(`${source.includes('\r\n') ? '\r\n' : '\n'}${' '.repeat(columnOf(source, start))}`);
    splices.push({ start, end: start + source.slice(start, end).replace(/\s+$/, '').length, text });
  }

  const procurement = doc.getIn(['prior', 'procurement'], true);
  if (isMap(procurement))
    for (const key of ['goods', 'works', 'services']) {
      const to = procurement.get(key, true);
      const from = doc.getIn(['procurement', key], true);
      if (isScalar(to) && to.range && isScalar(from) && from.range) splices.push({ start: to.range[0], end: to.range[1], text: written(source, from) });
    }
  return splices;
}
