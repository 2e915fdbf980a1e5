// The rounding rules audit applies to printed figures (hundredths): exact where a relation must hold
// exactly, a note where rounding of the printed figures explains a difference, an error beyond that.
import { describe, expect, it } from 'vitest';
import { rateCheck, roundHalfUp, shareRoundingAdmits, sharePrinted, sumVerdict } from '../../src/audit/rounding.js';

describe('sums of printed figures', () => {
  it('table 6: 212.45 against ten items adding up to 212.46 is rounding', () => {
    expect(sumVerdict(21245, [5692, 1164, 3191, 3931, 2379, 1296, 1034, 282, 1850, 427])).toEqual({ ok: false, rounding: true });
  });
  it('a single part must equal its whole exactly', () => {
    expect(sumVerdict(100, [101])).toEqual({ ok: false, rounding: false });
  });
  it('two parts admit less than 0.015 of difference', () => {
    expect(sumVerdict(300, [100, 201])).toEqual({ ok: false, rounding: true });
    expect(sumVerdict(300, [100, 202])).toEqual({ ok: false, rounding: false });
  });
});

describe('shares and rates', () => {
  it('rounds half up', () => {
    expect(roundHalfUp(5n, 2n)).toBe(3n);
    expect(roundHalfUp(-5n, 2n)).toBe(-2n);
    expect(sharePrinted(27037, 33537)).toBe(8062);
  });
  it('a share rounding cannot explain', () => {
    expect(shareRoundingAdmits(27037, 33537, 8162)).toBe(false);
    expect(shareRoundingAdmits(27037, 33537, 8063)).toBe(false);
    expect(shareRoundingAdmits(1, 3, 3333)).toBe(true); // 0.01 of 0.03: anything from 20 % to 60 %
  });
  it('change 0.50 at a printed 2.50 % admits prior-year values in [19.97, 20.04] (0.50 ÷ 19.96 = 2.505 % would print 2.51 %)', () => {
    const r = rateCheck(2050, 50, true, 250);
    expect(r.prior).toBe(2000);
    expect(r.expected).toBe(250);
    expect(r.priorRange).toEqual([1997, 2004]);
  });
  it('0.30 on 161.19 − 0.30: 0.19 % exactly, 0.18 % by rounding, 0.17 % an error', () => {
    expect(rateCheck(16119, 30, true, 19).expected).toBe(19);
    expect(rateCheck(16119, 30, true, 18).roundingAdmits).toBe(true);
    expect(rateCheck(16119, 30, true, 17).roundingAdmits).toBe(false);
  });
  it('a decrease to nothing is 100 %', () => {
    expect(rateCheck(0, 50, false, 10000).expected).toBe(10000);
  });
});
