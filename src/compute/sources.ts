// Groupings of the sources of funds that the tables and Part 3 show.
import type { Decimal } from 'decimal.js';
import type { SourceKey, SourceMap } from '../model.js';
import { sum } from './money.js';

export const GROUPS = {
  general_budget: ['general', 'general_transfer'],
  fund_budget: ['fund', 'fund_transfer'],
  state_capital_budget: ['state_capital', 'state_capital_transfer'],
  fiscal: ['general', 'general_transfer', 'fund', 'fund_transfer', 'state_capital', 'state_capital_transfer'],
  unit: ['business', 'superior_subsidy', 'affiliated', 'operating', 'other'],
  carryover_fiscal: ['carryover_general', 'carryover_fund', 'carryover_state_capital'],
  carryover_nonfiscal: ['carryover_special_account', 'carryover_unit'],
  carryover: ['carryover_general', 'carryover_fund', 'carryover_state_capital', 'carryover_special_account', 'carryover_unit'],
  current: [
    'general', 'general_transfer', 'fund', 'fund_transfer', 'state_capital', 'state_capital_transfer',
    'special_account', 'business', 'superior_subsidy', 'affiliated', 'operating', 'other',
  ],
} as const satisfies Record<string, readonly SourceKey[]>;

export function ofSources(map: SourceMap | undefined, keys: readonly SourceKey[]): Decimal {
  return sum(keys.map((k) => map?.[k]));
}

export function total(map: SourceMap | undefined): Decimal {
  return sum(Object.values(map ?? {}));
}

export function addMaps(...maps: (SourceMap | undefined)[]): SourceMap {
  const out: SourceMap = {};
  for (const m of maps)
    for (const [k, v] of Object.entries(m ?? {}) as [SourceKey, Decimal][]) out[k] = out[k] ? out[k].plus(v) : v;
  return out;
}
