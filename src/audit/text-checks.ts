// Part 3 against the tables and against itself: each figure against the table cell it states, each
// share against its whole, each change against the prior-year figure it implies and the printed
// rate, the direction words, and each group of shares that must make 100 %.
import { Decimal } from 'decimal.js';
import { largestRemainder } from '../profile/shares.js';
import { amountsOf, show } from '../published/figures.js';
import type { Mention, PublishedDoc } from '../published/model.js';
import type { Report } from './finding.js';
import { rateCheck, shareRoundingAdmits, sharePrinted, sumVerdict } from './rounding.js';
import { targetOf } from './text-figures.js';

const pct = (h: number) => `${show(h)}%`;

export function textChecks(doc: PublishedDoc, report: Report): void {
  const base = (m: Mention) => ({ page: m.page, line: m.line, quote: m.quote });
  for (const m of doc.mentions) {
    // Figure against its table.
    if (m.amount) {
      const target = targetOf(m, doc);
      if (target && target.cents !== m.amount.cents)
        report({
          ...base(m),
          page: m.amount.page,
          line: m.amount.line,
          code: 'AUDIT_TEXT_TABLE',
          severity: 'error',
          message: `“${m.subject}”文字为 ${m.amount.text} ${doc.currency}，${target.label}（第 ${target.page} 页）为 ${amountsOf(doc)(target.cents)} ${doc.currency}。 The text says ${m.amount.text}, the table ${amountsOf(doc)(target.cents)}.`,
        });
    }
    // Change and rate.
    if (m.change && m.rate) {
      if (m.change.dir !== m.rate.dir && m.change.fig.cents !== 0)
        report({
          ...base(m),
          page: m.rate.fig.page,
          line: m.rate.fig.line,
          code: 'AUDIT_DIRECTION',
          severity: 'error',
          message: `“${m.subject}”${m.change.word} ${m.change.fig.text} ${doc.currency}，却写“${m.rate.word}”：方向矛盾，应为“${m.change.dir === 'up' ? '增长' : '下降'}”。 '${m.change.word}' (${m.change.dir}) with '${m.rate.word}': the direction words disagree.`,
        });
      const current = m.amount?.cents ?? currentFromEarlier(doc, m);
      if (current !== undefined) checkRate(m, current, report, doc);
    }
    if (m.change && !m.rate && m.change.fig.cents !== 0 && m.section !== 10) checkNoRate(m, doc, report);
  }
  shares(doc, report);
  changeSums(doc, report);
}

/** A change printed without a rate is right only for an item new this year (`增加X万元（上年未安排）`),
 * whose prior-year figure is 0: then the change must be the whole current figure. */
function checkNoRate(m: Mention, doc: PublishedDoc, report: Report): void {
  const change = m.change!;
  const where = { page: change.fig.page, line: change.fig.line, quote: m.quote };
  const current = m.amount?.cents ?? currentFromEarlier(doc, m);
  const fromNothing = change.dir === 'up' && current === change.fig.cents;
  if (fromNothing) return;
  if (change.isNew && current !== undefined)
    report({ ...where, code: 'AUDIT_RATE', severity: 'error', message: `“${m.subject}”写“上年未安排”，但本年 ${amountsOf(doc)(current)} ${doc.currency}${change.word} ${change.fig.text} ${doc.currency}，推得上年数为 ${amountsOf(doc)(current - change.fig.cents)} ${doc.currency}，不是 0。 Said to be new, but the change implies a prior-year ${amountsOf(doc)(current - change.fig.cents)}.` });
  else if (!change.isNew)
    report({ ...where, code: 'AUDIT_RATE', severity: 'error', message: `“${m.subject}”有增减额而没有增减幅。 A change without its rate.` });
}

/** `其中：因公出国（境）费增加0.00万元`: the current figure was stated earlier in the section. */
function currentFromEarlier(doc: PublishedDoc, m: Mention): number | undefined {
  const key = (s: string) => s.replace(/^(财政拨款)?/, '').replace(/预算$/, '');
  const earlier = doc.mentions.find((x) => x.section === m.section && x.amount && x !== m && key(x.subject) === key(m.subject));
  return earlier?.amount?.cents;
}

function checkRate(m: Mention, current: number, report: Report, doc: Pick<PublishedDoc, 'currency' | 'grouped'>): void {
  const change = m.change!;
  const rate = m.rate!;
  const up = change.dir === 'up';
  const r = rateCheck(current, change.fig.cents, up, rate.fig.cents);
  const where = { page: rate.fig.page, line: rate.fig.line, quote: m.quote };
  if (r.expected === null) {
    // No prior-year base: from nothing, only 0 % (no change) can be printed.
    if (change.fig.cents === 0 && rate.fig.cents !== 0)
      report({ ...where, code: 'AUDIT_RATE', severity: 'error', message: `“${m.subject}”增减额为 0，增减幅应为 0.00%，印为 ${rate.fig.text}%。 No change, but a rate of ${rate.fig.text}%.` });
    else if (r.prior < 0)
      report({ ...where, code: 'AUDIT_RATE', severity: 'error', message: `“${m.subject}”本年 ${amountsOf(doc)(current)} ${doc.currency}${change.word} ${change.fig.text} ${doc.currency}，推得上年数为负（${amountsOf(doc)(r.prior)}）。 The change implies a negative prior-year figure.` });
    return;
  }
  if (r.expected === rate.fig.cents) return;
  const priorText = `上年数 = ${amountsOf(doc)(current)} ${up ? '−' : '+'} ${change.fig.text} = ${amountsOf(doc)(r.prior)} ${doc.currency}`;
  if (r.roundingAdmits) {
    const range = r.priorRange ? `；${change.fig.text} ${doc.currency}与 ${rate.fig.text}% 对应的上年数在 [${amountsOf(doc)(r.priorRange[0])}, ${amountsOf(doc)(r.priorRange[1])}] 之间` : '';
    report({
      ...where,
      code: 'AUDIT_ROUNDING',
      severity: 'note',
      message: `“${m.subject}”${rate.word} ${rate.fig.text}%：由印出数计算（${priorText}）为 ${pct(r.expected)}${range}，差异可由本年数、增减额的四舍五入解释。 The printed figures give ${pct(r.expected)}; rounding of the printed amount and change admits ${rate.fig.text}%.`,
    });
    return;
  }
  report({
    ...where,
    code: 'AUDIT_RATE',
    severity: 'error',
    message: `“${m.subject}”${rate.word} ${rate.fig.text}% 与印出数不符：${priorText}，${change.fig.text} ÷ ${amountsOf(doc)(r.prior)} = ${pct(r.expected)}。 Expected ${pct(r.expected)} (change ${change.fig.text} on a prior-year ${amountsOf(doc)(r.prior)}).`,
  });
}

/** A group of parts that make up the whole exactly, its shares rounded so as to sum to exactly 100.00 by
 * the largest remainder (a profile's `shares: largest_remainder`, as ten-tables prints them): one share
 * may then be 0.01 off its own rounding, and rightly so. */
function byLargestRemainder(group: Mention[], whole: number): boolean {
  if (whole <= 0 || group.reduce((a, m) => a + m.amount!.cents, 0) !== whole) return false;
  const rounded = largestRemainder(group.map((m) => new Decimal(m.amount!.cents).times(100).div(whole)), 2);
  return group.every((m, i) => rounded[i]!.times(100).toNumber() === m.share!.cents);
}

/** Shares: each against the section's whole (its first figure without a share), and each group making 100 %. */
function shares(doc: PublishedDoc, report: Report): void {
  const groups = new Map<string, Mention[]>();
  for (const m of doc.mentions) if (m.share && m.amount) groups.set(`${m.section}.${m.sub}`, [...(groups.get(`${m.section}.${m.sub}`) ?? []), m]);
  for (const group of groups.values()) {
    const first = group[0]!;
    const whole = doc.mentions.find((x) => x.section === first.section && x.amount && !x.share && !x.change);
    if (whole?.amount && !byLargestRemainder(group, whole.amount.cents))
      for (const m of group) {
        const part = m.amount!.cents;
        const expected = sharePrinted(part, whole.amount.cents);
        if (expected === null || expected === m.share!.cents) continue;
        const rounding = shareRoundingAdmits(part, whole.amount.cents, m.share!.cents);
        report({
          page: m.share!.page,
          line: m.share!.line,
          quote: m.quote,
          code: rounding ? 'AUDIT_ROUNDING' : 'AUDIT_SHARE',
          severity: rounding ? 'note' : 'error',
          message: rounding
            ? `“${m.subject}”占 ${m.share!.text}%：${m.amount!.text} ÷ ${whole.amount.text} = ${pct(expected)}，差异可由两数的四舍五入解释。 ${pct(expected)} from the printed figures; rounding admits ${m.share!.text}%.`
            : `“${m.subject}”占 ${m.share!.text}% 不对：${m.amount!.text} ÷ ${whole.amount.text}（${whole.subject}）= ${pct(expected)}。 Expected ${pct(expected)} of ${whole.amount.text}.`,
        });
      }
    if (group.length < 2) continue;
    const sum = group.reduce((a, m) => a + m.share!.cents, 0);
    const v = sumVerdict(10000, group.map((m) => m.share!.cents));
    if (v.ok) continue;
    const list = group.map((m) => `${m.subject} ${m.share!.text}%`).join(' + ');
    report({
      page: first.share!.page,
      line: first.share!.line,
      quote: group.map((m) => m.quote).join(''),
      code: v.rounding ? 'AUDIT_ROUNDING' : 'AUDIT_SHARES_TOTAL',
      severity: v.rounding ? 'note' : 'error',
      message: v.rounding
        ? `各项占比之和为 ${pct(sum)}（${list}），与 100% 的差异由逐项四舍五入所致。 The shares add up to ${pct(sum)}; rounding explains it.`
        : `各项占比之和应为 100%，实为 ${pct(sum)}：${list}。 The shares of one whole add up to ${pct(sum)}, not 100%.`,
    });
  }
}

/** 三公: the change of the whole is the sum of its items' changes. */
function changeSums(doc: PublishedDoc, report: Report): void {
  const sec = doc.mentions.filter((m) => m.section === 10 && m.change && !m.amount);
  const whole = sec.find((m) => /三公/.test(m.subject));
  const items = sec.filter((m) => m !== whole && /因公出国|公务接待|公务用车购置费|公务用车运行/.test(m.subject));
  if (!whole || items.length < 2) return;
  const signed = (m: Mention) => (m.change!.dir === 'up' ? 1 : -1) * m.change!.fig.cents;
  const v = sumVerdict(signed(whole), items.map(signed));
  if (v.ok) return;
  const sum = items.reduce((a, m) => a + signed(m), 0);
  report({
    page: whole.change!.fig.page,
    line: whole.change!.fig.line,
    quote: whole.quote,
    code: v.rounding ? 'AUDIT_ROUNDING' : 'AUDIT_SUM',
    severity: v.rounding ? 'note' : 'error',
    message: `“三公”经费${whole.change!.word} ${whole.change!.fig.text} ${doc.currency}，各项增减之和为 ${amountsOf(doc)(sum)} ${doc.currency}。 The 三公 change is not the sum of its items' changes (${amountsOf(doc)(sum)}).`,
  });
}
