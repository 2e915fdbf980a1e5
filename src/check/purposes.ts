// Part 3 四 says what each 类 of fiscal spending is mainly for (主要用于): a 类 without its wording,
// or wording for a 类 with no such spending (never printed).
import type { Finding } from '../findings.js';
import { unfilled } from './budget-lines.js';
import { codeLabel, finding, type DataRule } from './context.js';

export const purposes: DataRule = (ctx) => {
  const out: Finding[] = [];
  const { fiscal } = ctx.view.part3;
  const classes = [...fiscal.general_budget.classes, ...fiscal.fund_budget.classes, ...fiscal.state_capital_budget.classes];
  const shownCodes = new Set(classes.map((c) => c.code));
  for (const c of classes)
    if (!ctx.data.purposes[c.code]?.trim())
      out.push(finding(ctx, 'MISSING_PURPOSE', 'warning',
        `purposes.${c.code} 缺少类 ${codeLabel(c.code, c.name)} 的主要用途：第三部分四将只列金额，不写“主要用于……”。 ` +
          `No wording for what class ${c.code} is mainly spent on.`, `purposes.${c.code}`, { prefer: 'key' }));
  // A class whose lines are still to be filled in may yet have spending.
  const pending = new Set(ctx.data.budget.flatMap((line, i) => (unfilled(ctx, `budget[${i}]`) ? [line.code.slice(0, 3)] : [])));
  for (const code of Object.keys(ctx.data.purposes))
    if (!shownCodes.has(code) && !pending.has(code))
      out.push(finding(ctx, 'UNUSED_PURPOSE', 'warning',
        `purposes.${code} 不会被使用：本年财政拨款支出中没有类 ${code}，请核对编码。 ` +
          `There is no fiscal spending in class ${code}: this wording is never shown.`, `purposes.${code}`, { prefer: 'key' }));
  return out;
};
