// Draft leftovers: a `【待填写：…】` placeholder in any text, a figure tagged `!unconfirmed`.
// A warning while drafting; an error under `--strict`, which is what publication runs.
import type { Finding } from '../findings.js';
import { UNCONFIRMED_TAG } from '../load/schema.js';
import { finding, type Rule } from './context.js';
import { scalars } from './walk.js';

const PLACEHOLDER = '【待填写';

export const placeholders: Rule = (ctx) => {
  const severity = ctx.strict ? 'error' : 'warning';
  const out: Finding[] = [];
  for (const { path, node } of scalars(ctx)) {
    const text = typeof node.source === 'string' ? node.source : String(node.value ?? '');
    if (node.tag === UNCONFIRMED_TAG) {
      const figure = node.value === null ? '（空）' : text;
      const f = finding(ctx, 'UNCONFIRMED', severity,
        `${path} 的数字 ${figure} 标为 ${UNCONFIRMED_TAG}（草稿中带入或待核实），公开前须核实并删去该标记。 ` +
          `${path} is marked ${UNCONFIRMED_TAG}: confirm the figure and remove the tag before publishing.`, path);
      // Point at the tag itself, which the value's range does not include.
      const range = node.range;
      const tagAt = range ? ctx.source.lastIndexOf(UNCONFIRMED_TAG, range[0]) : -1;
      if (range && tagAt >= 0 && ctx.lineCounter && ctx.source.slice(tagAt + UNCONFIRMED_TAG.length, range[0]).trim() === '') {
        const { line, col } = ctx.lineCounter.linePos(tagAt);
        f.pos = { line, col, start: tagAt, end: range[1] };
      }
      out.push(f);
    }
    if (text.includes(PLACEHOLDER)) {
      const start = text.indexOf(PLACEHOLDER);
      const end = text.indexOf('】', start);
      const mark = text.slice(start, end < 0 ? start + 20 : end + 1);
      out.push(finding(ctx, 'PLACEHOLDER', severity,
        `${path} 仍有草稿占位“${mark}”，公开前须填写。 ${path} still holds a draft placeholder.`, path));
    }
  }
  return out;
};
