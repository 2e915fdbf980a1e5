// Totals split another way, which must add up to the cent: the procurement budget by 组织形式
// (集中 + 分散采购) and by source of funds, and the 资产原值 by class against its stated total. A
// procurement source cannot exceed what the unit's budget has from that source.
import type { Decimal } from 'decimal.js';
import { sum } from '../compute/money.js';
import type { Finding } from '../findings.js';
import { SOURCE_KEYS } from '../model.js';
import { exact, finding, shown, type DataRule } from './context.js';

export const breakdowns: DataRule = (ctx) => {
  const out: Finding[] = [];
  const mismatch = (path: string, zh: string, parts: Decimal, wholeZh: string, whole: Decimal, en: string) =>
    out.push(finding(ctx, 'BREAKDOWN_MISMATCH', 'error',
      `${path} ${zh} ${exact(parts)} 不等于${wholeZh} ${exact(whole)}，相差 ${exact(parts.minus(whole).abs())}：分项之和须与合计分毫不差。 ${en}`,
      path, { prefer: 'key' }));

  const p = ctx.data.procurement;
  const total = sum([p.goods, p.works, p.services]);
  const procurementTotal = '政府采购预算合计（货物 + 工程 + 服务）';
  if (p.centralized || p.decentralized) {
    const parts = sum([p.centralized, p.decentralized]);
    if (!parts.equals(total))
      mismatch(p.centralized ? 'procurement.centralized' : 'procurement.decentralized', '集中采购 + 分散采购', parts, procurementTotal, total,
        'centralized + decentralized procurement does not equal the procurement budget.');
  }
  if (p.sources) {
    const parts = sum(Object.values(p.sources));
    if (!parts.equals(total)) mismatch('procurement.sources', '按资金来源之和', parts, procurementTotal, total, 'The procurement budget by source does not add up to its total.');
    const budget = ctx.view.tables.t1.sources;
    for (const k of SOURCE_KEYS) {
      const v = p.sources[k];
      if (v && v.greaterThan(budget[k]))
        out.push(finding(ctx, 'PART_EXCEEDS_WHOLE', 'error',
          `procurement.sources.${k} 以 ${k} 安排的政府采购 ${shown(v)} 大于本单位该资金来源的预算 ${shown(budget[k])}（budget 中各行 ${k} 之和）。 ` +
            `Procurement from ${k} exceeds the budget from that source.`, `procurement.sources.${k}`));
    }
  }

  const original = ctx.data.assets.original_value;
  if (original) {
    const parts = sum(original.classes.map((c) => c.value));
    if (!parts.equals(original.total))
      mismatch('assets.original_value.total', `资产原值各类之和（${original.classes.map((c) => `${c.name} ${exact(c.value)}`).join(' + ') || '无'}）`, parts, '填报的资产原值合计', original.total,
        'The classes of 资产原值 do not add up to the stated total.');
  }
  return out;
};
