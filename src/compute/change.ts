// Year-on-year change of one compared item, exact; the template words it (增加/减少, 增长/下降, 新增).
import type { Decimal } from 'decimal.js';
import { percent, ZERO } from './money.js';

export interface Change {
  /** This year's figure. */
  amount: Decimal;
  /** Prior-year figure; null when the prior year had no such item. */
  prior: Decimal | null;
  /** |amount − prior|. */
  delta: Decimal;
  /** |change| / prior × 100; null when there is no base to compare with. */
  pct: Decimal | null;
  /** An increase or no change (the reference words a zero change as 增加 0.00 万元，增长 0.00%). */
  up: boolean;
  /** No change at all. */
  zero: boolean;
  /** Nothing was budgeted the year before, something is now. */
  isNew: boolean;
  /** Share of the whole it belongs to, in percent; null where no share is shown. */
  share: Decimal | null;
  /** 主要原因 as the data gives it (without final punctuation); null when none is given. */
  reason: string | null;
}

export function change(amount: Decimal, prior: Decimal | null, opts: { whole?: Decimal; reason?: string } = {}): Change {
  const base = prior ?? ZERO;
  const diff = amount.minus(base);
  return {
    amount,
    prior,
    delta: diff.abs(),
    pct: percent(diff.abs(), base),
    up: !diff.isNegative() || diff.isZero(),
    zero: diff.isZero(),
    isNew: base.isZero() && !amount.isZero(),
    share: opts.whole ? percent(amount, opts.whole) : null,
    reason: opts.reason ?? null,
  };
}
