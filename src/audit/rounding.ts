// Exact arithmetic on printed figures, in hundredths (分 of 万元; for percentages, hundredths of a
// percent). A printed figure x stands for any true value in [x − 0.005, x + 0.005): a difference is a
// rounding note when some true values behind the printed ones satisfy the relation exactly, an error
// otherwise.

export type Verdict = { ok: true } | { ok: false; rounding: boolean };

/** whole = Σ parts, each printed to 0.01: consistent when |whole − Σ| < 0.005·(n + 1). */
export function sumVerdict(whole: number, parts: number[]): Verdict {
  const diff = Math.abs(whole - parts.reduce((a, b) => a + b, 0));
  if (diff === 0) return { ok: true };
  return { ok: false, rounding: 2 * diff < parts.length + 1 };
}

/** Round half up to whole hundredths: value given as a fraction num/den of hundredths. */
export function roundHalfUp(num: bigint, den: bigint): bigint {
  if (den < 0n) return roundHalfUp(-num, -den);
  const twice = 2n * num + den;
  const q = twice / (2n * den);
  return twice < 0n && twice % (2n * den) !== 0n ? q - 1n : q;
}

/** part / whole × 100 % in hundredths of a percent, rounded half up (null when whole is 0). */
export function sharePrinted(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Number(roundHalfUp(BigInt(part) * 10000n, BigInt(whole)));
}

/** Whether printed share s (hundredths of %) can come from some true part and whole behind the printed ones. */
export function shareRoundingAdmits(part: number, whole: number, s: number): boolean {
  const lo = (Math.max(part - 0.5, 0) / (whole + 0.5)) * 10000;
  const hi = ((part + 0.5) / Math.max(whole - 0.5, 1e-9)) * 10000;
  return hi >= s - 0.5 && lo < s + 0.5;
}

export interface RateCheck {
  /** prior = current − change (增加) or current + change (减少), in hundredths. */
  prior: number;
  /** The rate the printed figures give, rounded half up, hundredths of a percent; null when prior is 0. */
  expected: number | null;
  /** Whether rounding of the printed current and change figures admits the printed rate. */
  roundingAdmits: boolean;
  /** The prior-year values (hundredths, inclusive) for which change / prior rounds to the printed rate. */
  priorRange?: [number, number];
}

export function rateCheck(current: number, change: number, up: boolean, printedRate: number): RateCheck {
  const prior = up ? current - change : current + change;
  const expected = prior > 0 ? Number(roundHalfUp(BigInt(change) * 10000n, BigInt(prior))) : null;
  // Rate over the box of true values: change ∈ [d − ½, d + ½], current ∈ [c − ½, c + ½] (hundredths).
  const rate = (c: number, d: number) => {
    const p = up ? c - d : c + d;
    return p > 0 ? (d / p) * 10000 : Infinity;
  };
  const dLo = Math.max(change - 0.5, 0);
  const dHi = change + 0.5;
  const corners = [rate(current - 0.5, dLo), rate(current + 0.5, dLo), rate(current - 0.5, dHi), rate(current + 0.5, dHi)];
  const lo = Math.min(...corners);
  const hi = Math.max(...corners);
  const roundingAdmits = hi >= printedRate - 0.5 && lo < printedRate + 0.5;
  let priorRange: [number, number] | undefined;
  if (change > 0 && printedRate > 0) {
    // change / p × 10000 ∈ [R − ½, R + ½)  ⇔  p ∈ (change·10000/(R + ½), change·10000/(R − ½)]
    const pLo = Math.floor((change * 10000) / (printedRate + 0.5)) + 1;
    const pHi = Math.floor((change * 10000) / (printedRate - 0.5));
    if (pLo <= pHi) priorRange = [pLo, pHi];
  }
  return { prior, expected, roundingAdmits, priorRange };
}
