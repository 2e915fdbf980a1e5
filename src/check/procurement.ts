// 政府采购: the amounts reserved for small and medium enterprises are part of the procurement
// budget, and the small-and-micro reservation part of that.
import type { Finding } from '../findings.js';
import { sum } from '../compute/money.js';
import { finding, shown, type DataRule } from './context.js';

export const procurement: DataRule = (ctx) => {
  const out: Finding[] = [];
  const p = ctx.data.procurement;
  const total = sum([p.goods, p.works, p.services]);
  if (p.sme_reserved.greaterThan(total))
    out.push(finding(ctx, 'PART_EXCEEDS_WHOLE', 'error',
      `procurement.sme_reserved 面向中小企业预留 ${shown(p.sme_reserved)} 大于政府采购预算合计 ${shown(total)}（货物 + 工程 + 服务）。 ` +
        `The SME reservation exceeds the procurement budget.`, 'procurement.sme_reserved'));
  if (p.small_micro_reserved.greaterThan(p.sme_reserved))
    out.push(finding(ctx, 'PART_EXCEEDS_WHOLE', 'error',
      `procurement.small_micro_reserved 小微企业预留 ${shown(p.small_micro_reserved)} 大于面向中小企业预留 ${shown(p.sme_reserved)}（小微企业预留是其中的一部分）。 ` +
        `The small-and-micro reservation exceeds the SME reservation it is part of.`, 'procurement.small_micro_reserved'));
  return out;
};
