// 十二（二）政府采购: the budget by kind, and where the data gives them its split by 组织形式
// (集中/分散采购), by source of funds, and its comparison with last year's.
import type { Decimal } from 'decimal.js';
import { SOURCE_KEYS, type DisclosureData, type SourceKey } from '../model.js';
import { change } from './change.js';
import { sum, ZERO } from './money.js';
import { GROUPS, ofSources } from './sources.js';

/** The procurement budget by source: each source key, and each group of them as table 1 groups them. */
export type ProcurementSources = Record<SourceKey | keyof typeof GROUPS, Decimal>;

export function procurementView(data: DisclosureData) {
  const { centralized, decentralized, sources, ...p } = data.procurement;
  const total = sum([p.goods, p.works, p.services]);
  const prior = data.prior.procurement;
  const priorTotal = prior ? sum([prior.goods, prior.works, prior.services]) : null;
  const bySource = sources
    ? ({
        ...Object.fromEntries(SOURCE_KEYS.map((k) => [k, ofSources(sources, [k])])),
        ...Object.fromEntries(Object.entries(GROUPS).map(([g, keys]) => [g, ofSources(sources, keys)])),
      } as ProcurementSources)
    : null;
  return {
    ...p,
    /** 政府采购预算: goods + works + services. */
    total,
    /** 按组织形式: 集中采购 and 分散采购 (each zero when not given); null when neither is given. */
    split:
      centralized || decentralized
        ? {
            /** 集中采购. */
            centralized: centralized ?? ZERO,
            /** 分散采购. */
            decentralized: decentralized ?? ZERO,
          }
        : null,
    /** By source of funds: each source and group (一般公共预算 general_budget, 单位资金 unit …); null when not given. */
    bySource,
    /**
     * Compared with `prior.procurement`: the total (with `reasons.procurement`) and each kind; null
     * when no prior-year procurement is given.
     */
    compared: prior
      ? {
          /** 政府采购预算 against last year's, with `reasons.procurement`. */
          total: change(total, priorTotal, { reason: data.reasons.procurement }),
          /** 货物 against last year's. */
          goods: change(p.goods, prior.goods),
          /** 工程 against last year's. */
          works: change(p.works, prior.works),
          /** 服务 against last year's. */
          services: change(p.services, prior.services),
        }
      : null,
  };
}
