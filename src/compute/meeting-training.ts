// 会议费 and 培训费 beside the 三公 (optional `meeting:` and `training:`, by source like a 三公 item):
// compared with the prior year as Part 3 compares 三公 (财政拨款), and the one table a 10-table
// set prints them in with 三公 (“三公”经费、会议费、培训费支出表). Absent keys count as zero, so a
// template may print the table for any unit; `stated` says whether the data gives them at all.
import type { Decimal } from 'decimal.js';
import { THREE_PUBLIC_KEYS, type DisclosureData, type SourceMap } from '../model.js';
import { change, type Change } from './change.js';
import { sum } from './money.js';
import { GROUPS, ofSources } from './sources.js';

const g = GROUPS;
const FISCAL = [...g.general_budget, ...g.fund_budget, ...g.state_capital_budget];

/** 会议费 and 培训费 (财政拨款) compared with the prior year, each with its reason. */
export interface MeetingTraining {
  /** The data gives `meeting:` or `training:` (this year's or the prior year's); false when neither. */
  stated: boolean;
  /** 会议费 (财政拨款) compared with the prior year's, with `reasons.meeting`. */
  meeting: Change;
  /** 培训费 (财政拨款) compared with the prior year's, with `reasons.training`. */
  training: Change;
}

export function meetingTrainingComparison(data: DisclosureData): MeetingTraining {
  const item = (now: SourceMap | undefined, before: SourceMap | undefined, reason: string | undefined) =>
    change(ofSources(now, FISCAL), ofSources(before, FISCAL), { reason });
  return {
    stated: [data.meeting, data.training, data.prior.meeting, data.prior.training].some((m) => m !== undefined),
    meeting: item(data.meeting, data.prior.meeting, data.reasons.meeting),
    training: item(data.training, data.prior.training, data.reasons.training),
  };
}

/**
 * Each row: [上年预算数 (财政拨款), 本年 财政拨款 合计, 一般公共预算, 政府性基金预算, 国有资本经营预算].
 * Row keys are those of the layout's fixed rows (tables.yaml `body.rows`).
 */
export interface MeetingTrainingTable {
  /** 一、“三公”经费: the four items. */
  three_public: Decimal[];
  /** 因公出国（境）费. */
  overseas: Decimal[];
  /** 公务接待费. */
  reception: Decimal[];
  /** 公务用车购置及运行费: purchase + operation. */
  vehicles: Decimal[];
  /** 其中：公务用车购置费. */
  vehicle_purchase: Decimal[];
  /** 公务用车运行费. */
  vehicle_operation: Decimal[];
  /** 二、会议费. */
  meeting: Decimal[];
  /** 三、培训费. */
  training: Decimal[];
  /** 合计: “三公”经费 + 会议费 + 培训费. */
  total: Decimal[];
}

export function meetingTrainingTable(data: DisclosureData): MeetingTrainingTable {
  const current = (m: SourceMap | undefined) => [ofSources(m, FISCAL), ofSources(m, g.general_budget), ofSources(m, g.fund_budget), ofSources(m, g.state_capital_budget)];
  const row = (now: readonly (SourceMap | undefined)[], before: readonly (SourceMap | undefined)[]) => {
    const values = now.map(current);
    return [sum(before.map((m) => ofSources(m, FISCAL))), ...values[0]!.map((_, i) => sum(values.map((v) => v[i])))];
  };
  const tp = data.three_public;
  const prior = data.prior.three_public;
  const all = (m: typeof tp) => THREE_PUBLIC_KEYS.map((k) => m[k]);
  return {
    three_public: row(all(tp), all(prior)),
    overseas: row([tp.overseas], [prior.overseas]),
    reception: row([tp.reception], [prior.reception]),
    vehicles: row([tp.vehicle_purchase, tp.vehicle_operation], [prior.vehicle_purchase, prior.vehicle_operation]),
    vehicle_purchase: row([tp.vehicle_purchase], [prior.vehicle_purchase]),
    vehicle_operation: row([tp.vehicle_operation], [prior.vehicle_operation]),
    meeting: row([data.meeting], [data.prior.meeting]),
    training: row([data.training], [data.prior.training]),
    total: row([...all(tp), data.meeting, data.training], [...all(prior), data.prior.meeting, data.prior.training]),
  };
}
