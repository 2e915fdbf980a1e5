// A reason that speaks only of the opposite direction: 增加/增长 where the figure fell, 减少/下降
// where it rose. A reason naming both (人员减少 but 工资普调 raised the base) explains a net change
// and is left alone, as is a draft placeholder.
import type { Finding } from '../findings.js';
import { comparedItems } from './compared-items.js';
import { finding, money, type DataRule } from './context.js';

const UP = ['增加', '增长', '增多', '上升', '上涨', '上调', '提高', '调增', '新增', '扩大', '追加'];
const DOWN = ['减少', '下降', '降低', '压缩', '压减', '缩减', '削减', '调减', '核减', '减小', '下调', '减半'];
const NEGATION = /[未不没无]有?$/;

/** The direction words a text uses, leaving out negated ones (未增加, 没有减少). */
function words(text: string, list: readonly string[]): string[] {
  const found: string[] = [];
  for (const w of list) {
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length))
      if (!NEGATION.test(text.slice(Math.max(0, i - 2), i))) found.push(w);
  }
  return [...new Set(found)];
}

export const reasonDirection: DataRule = (ctx) => {
  const out: Finding[] = [];
  for (const item of comparedItems(ctx)) {
    const { change, reason } = item;
    if (!reason || reason.includes('【待填写') || change.zero) continue;
    const up = words(reason, UP);
    const down = words(reason, DOWN);
    const against = change.up ? down : up;
    const along = change.up ? up : down;
    if (against.length === 0 || along.length > 0) continue;
    const figure = change.isNew ? `新增 ${money(ctx, change.amount)}` : `${change.up ? '增加' : '减少'} ${money(ctx, change.delta)}`;
    out.push(finding(ctx, 'REASON_CONTRADICTS', 'warning',
      `${item.reasonPath} 的原因说“${against.join('、')}”，但 ${item.label} 比上年${figure}：请核对原因的表述或数字。 ` +
        `The reason speaks of ${change.up ? 'a decrease' : 'an increase'}, but the figure ${change.up ? 'rose' : 'fell'}.`, item.reasonPath));
  }
  return out;
};
