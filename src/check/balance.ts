// Income = expenditure, and the tables that show the same money from different angles agree: table
// 1's expenditure by 类 against its income; each 类 of table 5 against table 4's general-budget
// column and table 3's all-funds figure. Tables 1 and 4 list the catalog's 类, so a line filed under
// a 类 that does not exist unbalances them; the rest holds by construction and guards compute.
import type { Decimal } from 'decimal.js';
import { sum } from '../compute/money.js';
import type { Finding } from '../findings.js';
import { codeLabel, exact, finding, shown, type DataRule } from './context.js';

export const balance: DataRule = (ctx) => {
  const out: Finding[] = [];
  const { t1, t3, t4, t5 } = ctx.view.tables;
  const income = t1.total;
  const expenditure = sum(t1.classes.map((c) => c.amount));
  if (!income.equals(expenditure)) {
    const outside = ctx.lines.filter((l) => !t1.classes.some((c) => l.code.startsWith(c.code))).map((l) => l.code);
    out.push(finding(ctx, 'UNBALANCED', 'error',
      `收入总计 ${shown(income)} 万元不等于支出总计 ${shown(expenditure)} 万元（相差 ${exact(income.minus(expenditure).abs())}）` +
        `${outside.length ? `：编码 ${outside.join('、')} 不属于任何支出功能分类的类` : ''}。 ` +
        `Income ${shown(income)} does not equal expenditure ${shown(expenditure)}.`, 'budget', { prefer: 'key' }));
  }
  const stated = ctx.data.totals;
  if (stated?.income && stated.expenditure && !stated.income.equals(stated.expenditure))
    out.push(finding(ctx, 'UNBALANCED', 'error',
      `totals 中填报的收入总计 ${exact(stated.income)} 与支出总计 ${exact(stated.expenditure)} 不相等：收支必须平衡。 ` +
        `The stated income and expenditure totals differ.`, 'totals.income'));

  const disagree = (at: string, what: string, a: [string, Decimal], b: [string, Decimal | undefined]) => {
    if (b[1] && a[1].equals(b[1])) return;
    out.push(finding(ctx, 'TABLES_DISAGREE', 'error',
      `${what}：${a[0]} ${shown(a[1])}，${b[1] ? `${b[0]} ${shown(b[1])}，相差 ${exact(a[1].minus(b[1]).abs())}` : `${b[0]}没有这一行`}。 ` +
        `${a[0]} and ${b[0]} disagree.`, at, { prefer: 'key' }));
  };
  for (const row of t5.rows.filter((r) => r.level === 1)) {
    const i = ctx.data.budget.findIndex((l) => l.code.startsWith(row.code));
    const at = i < 0 ? 'budget' : `budget[${i}].code`;
    const t3row = t3.rows.find((r) => r.code === row.code);
    disagree(at, `类 ${codeLabel(row.code, row.name)}`, ['表 5', row.values[0]!], ['表 4 一般公共预算', t4.classes.find((c) => c.code === row.code)?.values[1]]);
    if (!t3row || t3row.values[0]!.lessThan(row.values[0]!))
      disagree(at, `类 ${codeLabel(row.code, row.name)}`, ['表 5 一般公共预算', row.values[0]!], ['表 3 全部资金', t3row?.values[0]]);
  }
  return out;
};
