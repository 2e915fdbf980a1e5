// The budget lists themselves: one line per 项 (a code twice would be added silently), and no line
// that carries no amount at all.
import { catalogFor } from '../catalog/index.js';
import type { Finding } from '../findings.js';
import { functionalName } from '../compute/functional-rows.js';
import { locate } from '../load/locate.js';
import { hasPlaceholder } from '../placeholder.js';
import { finding, type DataContext, type DataRule } from './context.js';

/** True when the figures at `path` still hold a 【待填写：…】 (a file from `yusuan init`): unfilled, not empty. */
export function unfilled(ctx: DataContext, path: string): boolean {
  const range = ctx.doc ? locate(ctx.doc, path).value?.range : undefined;
  return range != null && hasPlaceholder(ctx.source.slice(range[0], range[1]));
}

export const budgetLines: DataRule = (ctx) => {
  const out: Finding[] = [];
  for (const [list, lines] of [['budget', ctx.data.budget], ['prior.budget', ctx.data.prior.budget]] as const) {
    const first = new Map<string, number>();
    lines.forEach((line, i) => {
      const seen = first.get(line.code);
      if (seen === undefined) first.set(line.code, i);
      else
        out.push(finding(ctx, 'DUPLICATE_CODE', 'error',
          `${list}[${i}].code 功能分类编码 ${line.code} 与 ${list}[${seen}] 重复：同一项的各资金来源应写在一行。 ` +
            `${line.code} already appears at ${list}[${seen}]; give each 项 one line.`, `${list}[${i}].code`));
    });
  }
  ctx.lines.forEach((line, i) => {
    if (Object.values(line.all).every((v) => !v || v.isZero()) && !unfilled(ctx, `budget[${i}]`))
      out.push(finding(ctx, 'EMPTY_LINE', 'warning',
        `budget[${i}] ${line.code} ${functionalName(catalogFor(ctx.data), line.code, ctx.lines)} 没有任何金额，不会出现在任何表中：如本年未安排，请删去此行。 ` +
          `budget[${i}] has no amount and appears in no table.`, `budget[${i}]`, { at: `budget[${i}].code` }));
  });
  return out;
};
