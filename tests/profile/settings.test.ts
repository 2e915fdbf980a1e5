// Each profile setting changes exactly the sentences it should, in the expected way, and no other:
// the reference (or a fixture that takes the branch) is rendered with the default profile and with
// one setting changed, and the paragraphs and table cells of the two are compared one by one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { afterAll, describe, expect, it } from 'vitest';
import { compute, loadText, loadTemplates, render, type View } from '../../src/index.js';
import { htmlBlocks } from '../../src/render/html-blocks.js';
import { largestRemainder } from '../../src/profile/index.js';
import { workbookSheets } from '../../src/xlsx/index.js';
import { REFERENCE_DATA } from '../helpers/reference.js';

const COUNTY = new URL('../fixtures/golden/county-bureau/data.yaml', import.meta.url).pathname;
const viewOf = (file: string) => compute(loadText(readFileSync(file, 'utf8'), file).data!);
const reference = viewOf(REFERENCE_DATA);

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A profile folder holding only a profile.yaml. */
function profile(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-profile-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'profile.yaml'), yaml);
  return dir;
}

interface Texts {
  paragraphs: string[];
  /** Cells of tables 1–11 (the performance table's indicator values are text as typed, never figures). */
  cells: string[];
}

function texts(view: View, yaml?: string): Texts {
  const blocks = htmlBlocks(render(view, loadTemplates(yaml === undefined ? {} : { profile: profile(yaml) })).html);
  return {
    paragraphs: blocks.flatMap((b) => (b.kind === 'table' ? [] : [b.text])),
    cells: blocks.flatMap((b) => (b.kind === 'table' && b.within.some((id) => /^table-\d+$/.test(id)) ? b.rows.flatMap((r) => r.map((c) => c.text)) : [])),
  };
}

/** The indexes where two equally long lists differ. */
function differing(a: readonly string[], b: readonly string[]): number[] {
  expect(b).toHaveLength(a.length);
  return a.flatMap((s, i) => (s === b[i] ? [] : [i]));
}

/** Asserts that `changed` is `base` with `expected` applied, and that it changes exactly the items `expected` changes. */
function expectOnly(base: readonly string[], changed: readonly string[], expected: (s: string) => string): number {
  const want = base.map(expected);
  const shouldDiffer = differing(base, want);
  expect(differing(base, changed)).toEqual(shouldDiffer);
  expect(changed).toEqual(want);
  return shouldDiffer.length;
}

const round = (s: string, places: number) => new Decimal(s).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Asserts that `changed` is `base` with each figure `pattern` finds shown anew, and nothing else:
 * the changed figure, read by `read`, agrees with the base's within `tolerance` (both are the same
 * exact figure rounded, the base to 2 decimals). Returns how many items differ.
 */
function expectFigures(base: readonly string[], changed: readonly string[], pattern: RegExp, shape: string, read: (shown: string) => Decimal, tolerance: number): number {
  expect(changed).toHaveLength(base.length);
  let n = 0;
  base.forEach((s, i) => {
    const figures = [...s.matchAll(pattern)].map((m) => new Decimal(m[1]!));
    if (figures.length === 0) return expect(changed[i]).toBe(s);
    const parts = s.split(pattern).filter((_, k) => k % 2 === 0).map(escape);
    const m = new RegExp(`^${parts.join(shape)}$`).exec(changed[i]!);
    expect(m, `${changed[i]} ~ ${s}`).not.toBeNull();
    m!.slice(1).forEach((shown, k) => expect(read(shown).minus(figures[k]!).abs().toNumber(), `${shown} for ${figures[k]} in ${s}`).toBeLessThanOrEqual(tolerance));
    if (changed[i] !== s) n++;
  });
  return n;
}
const base = texts(reference);

describe('each setting of profile.yaml changes exactly the sentences it should', () => {
  it('the default profile, written out, changes nothing', () => {
    const yaml = readFileSync(new URL('../../templates/profile.yaml', import.meta.url), 'utf8');
    expect(texts(reference, yaml)).toEqual(base);
  });

  it('unit: 元 — every amount of the prose ×10000 in 元, every amount cell, the 单位 line', () => {
    const changed = texts(reference, 'unit: 元\n');
    // Converted exactly from the data, so 68.524 万元 (shown 68.52 万元) is 685240.00 元: within 50 元 of the 万元 figure.
    const n = expectFigures(base.paragraphs, changed.paragraphs, /(\d+(?:\.\d\d)?) 万元(?!以上)/g, '(\\d+(?:\\.\\d\\d)?) 元', (y) => new Decimal(y).div(10000), 0.005);
    expect(n).toBeGreaterThan(40);
    expect(changed.paragraphs).toContain('按照全口径预算的原则，新疆维吾尔自治区工业和信息化厅信息中心 2024 年所有收入和支出均纳入单位预算管理。收支总预算 3353700.00 元。');
    // The fixed thresholds of the assets' sentence are words, not figures.
    expect(changed.paragraphs.join('\n')).toContain('单位价值 50 万元以上大型设备');
    const words = (cells: string[]) => cells.map((s) => (/^\d+\.\d\d$/.test(s) ? '' : s));
    const units = expectOnly(words(base.cells), words(changed.cells), (s) => s.replace(/单位：万元$/, '单位：元'));
    expect(units).toBe(11);
    const cells = expectFigures(base.cells.map((s) => s.replace(/单位：万元$/, '单位：元')), changed.cells, /^(\d+\.\d\d)$/g, '(\\d+\\.\\d\\d)', (y) => new Decimal(y).div(10000), 0.005);
    expect(cells).toBeGreaterThan(100);
  });

  it('unit: 元 — the workbook rounds and formats its cells in 元 and says 单位：元', () => {
    const sheets = workbookSheets(reference, loadTemplates().tables, loadTemplates({ profile: profile('unit: 元\nthousands: ","\n') }).profile);
    const t1 = sheets[0]!;
    const values = t1.rows.flat().map((c) => c?.value);
    expect(values).toContain('单位：元');
    expect(values).toContain(3353700);
    expect(t1.numberFormat).toBe('#,##0.00');
    expect(t1.rows.flat().find((c) => c?.value === 3353700)?.text).toBe('3,353,700.00');
    expect(workbookSheets(reference, loadTemplates().tables)[0]!.rows.flat().map((c) => c?.value)).toContain('单位：万元');
  });

  it('decimals.amount: 1 — amounts (and the area) in the prose to 1 decimal, nothing else', () => {
    const changed = texts(reference, 'decimals: { amount: 1 }\n');
    // The exact figure rounded once: within 0.05 of the 2-decimal one (not that rounded again).
    const n = expectFigures(base.paragraphs, changed.paragraphs, /(\d+\.\d\d)(?= 万元| 平方米)/g, '(\\d+\\.\\d)', (y) => new Decimal(y), 0.055);
    expect(n).toBeGreaterThan(40);
  });

  it('decimals.rate: 1 — rates and shares to 1 decimal, amounts unchanged', () => {
    const changed = texts(reference, 'decimals: { rate: 1 }\n');
    const n = expectOnly(base.paragraphs, changed.paragraphs, (s) => s.replace(/(\d+\.\d\d)%/g, (_, x: string) => `${round(x, 1)}%`));
    expect(n).toBeGreaterThan(15);
    expect(changed.cells).toEqual(base.cells);
  });

  it('trim_zeros: true — 0.00% → 0%, 65.00 → 65, 18.50 → 18.5, in the prose and the table cells', () => {
    const changed = texts(reference, 'trim_zeros: true\n');
    const trim = (x: string) => x.replace(/\.?0+$/, '');
    const n = expectOnly(base.paragraphs, changed.paragraphs, (s) => s.replace(/(\d+\.\d\d)(?= 万元| 平方米|%)/g, (x) => trim(x)));
    expect(n).toBeGreaterThan(10);
    expect(changed.paragraphs.some((s) => s.includes('政府性基金预算 0 万元，占 0%，比上年预算增加 0 万元，增长 0%'))).toBe(true);
    expectOnly(base.cells, changed.cells, (s) => (/^\d+\.\d\d$/.test(s) ? trim(s) : s));
  });

  it('thousands: "," — separators in amounts of four digits or more (shown in 元 here), nothing else', () => {
    const yuan = texts(reference, 'unit: 元\n');
    const changed = texts(reference, 'unit: 元\nthousands: ","\n');
    const group = (x: string) => x.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const n = expectOnly(yuan.paragraphs, changed.paragraphs, (s) => s.replace(/(\d+)(?=\.\d\d 元)/g, (x) => group(x)));
    expect(n).toBeGreaterThan(20);
    expect(changed.paragraphs).toContain('按照全口径预算的原则，新疆维吾尔自治区工业和信息化厅信息中心 2024 年所有收入和支出均纳入单位预算管理。收支总预算 3,353,700.00 元。');
    expectOnly(yuan.cells, changed.cells, (s) => (/^\d+\.\d\d$/.test(s) ? group(s.split('.')[0]!) + '.' + s.split('.')[1] : s));
  });

  it('zero_prior — the wording of a change against a prior year of zero, and only that', () => {
    const county = viewOf(COUNTY);
    const before = texts(county);
    const changed = texts(county, 'zero_prior: 新增 {amount} {unit}，上年无此项\n');
    const n = expectOnly(before.paragraphs, changed.paragraphs, (s) => s.replace(/增加 (\d+\.\d\d) 万元（上年未安排）/g, '新增 $1 万元，上年无此项'));
    expect(n).toBe(2);
    expect(changed.cells).toEqual(before.cells);
  });

  it('shares: largest_remainder — a group of shares that rounds to 99.99 is made to sum to 100.00; each (the default) leaves it', () => {
    // Three 类 of one third each: 33.33 + 33.33 + 33.33 = 99.99 when each is rounded on its own.
    const third = new Decimal(100).div(3);
    const classes = reference.part3.general_budget.classes.slice(0, 3).map((c) => ({ ...c, share: third }));
    const view = { ...reference, part3: { ...reference.part3, general_budget: { ...reference.part3.general_budget, classes } } } as View;
    const before = texts(view);
    const changed = texts(view, 'shares: largest_remainder\n');
    expect(before.paragraphs.filter((s) => s.includes('占 33.33%'))).toHaveLength(3);
    const first = before.paragraphs.findIndex((s) => s.includes('占 33.33%'));
    const n = expectOnly(before.paragraphs, changed.paragraphs, (s) => (s === before.paragraphs[first] ? s.replace('占 33.33%', '占 33.34%') : s));
    expect(n).toBe(1);
    // On the reference every group already sums to 100.00: nothing changes.
    expect(texts(reference, 'shares: largest_remainder\n')).toEqual(base);
  });

  it('largest remainder: floors, then the largest remainders, the earliest first on ties', () => {
    const d = (xs: number[]) => xs.map((x) => new Decimal(x));
    expect(largestRemainder(d([100 / 3, 100 / 3, 100 / 3]), 2).map(String)).toEqual(['33.34', '33.33', '33.33']);
    expect(largestRemainder(d([20.436, 6.607, 67.445, 5.512]), 2).map(String)).toEqual(['20.44', '6.61', '67.44', '5.51']);
    expect(largestRemainder(d([50, 50]), 0).map(String)).toEqual(['50', '50']);
  });
});
