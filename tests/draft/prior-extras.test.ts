// `draft --year` moves the optional prior-year blocks on with the year (src/draft/prior-extras.ts):
// where the source keeps last year's table 6, table 7's columns or procurement, next year's draft
// holds this year's; where it keeps none, none is added.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compute } from '../../src/compute/index.js';
import { draftText } from '../../src/draft/index.js';
import { loadText } from '../../src/load/load.js';
import { read, REFERENCE, ROOT } from './helpers.js';

const HOSPITAL = join(ROOT, 'examples', '2025-county-hospital.yaml');
const figures = (m: Partial<Record<string, { toFixed(): string }>> | undefined) =>
  Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, v!.toFixed()]));

describe('the 2026 draft of the hospital example', () => {
  const source = read(HOSPITAL);
  const was = loadText(source, HOSPITAL).data!;
  const text = draftText(source, { year: 2026, file: HOSPITAL }).text!;
  const loaded = loadText(text, HOSPITAL);

  it('loads without errors', () => {
    expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('holds this year’s table 6 as last year’s, written as it was, comments included', () => {
    expect(figures(loaded.data!.prior.basic_economic)).toEqual(figures(was.basic_economic));
    expect(text).toContain('  basic_economic:              # 上年表 6：各款之和须等于上面 budget 中一般公共预算的基本支出\n    30101: 620.00                # 基本工资\n');
  });

  it('holds table 7’s columns as computed, and the procurement budget by kind as written', () => {
    expect(text).toContain('  project_economic: { 302: 165.60, 310: 240.00 }   # 上年表 7');
    expect(text).toContain('  procurement: { goods: 1850.00, works: 150.00, services: 420.00 }   # 上年政府采购预算');
  });

  it('so every comparison by 经济分类 and of procurement starts at zero', () => {
    const part3 = compute(loaded.data!).part3;
    expect(part3.basic.compared!.total.zero).toBe(true);
    expect(part3.basic.compared!.classes.every((c) => c.change.zero && c.kinds.every((k) => k.change.zero))).toBe(true);
    expect(part3.projectEconomic!.total.zero).toBe(true);
    expect(part3.procurement.compared!.total.zero).toBe(true);
  });

  it('turns the reasons of the worded totals into placeholders', () => {
    expect(text).toMatch(/^ {2}total: 【待填写：主要原因（上年：门诊和住院服务量增长/m);
    expect(text).toMatch(/^ {2}procurement: 【待填写：主要原因（上年：/m);
  });

  it('writes table 7’s columns in the block form the source used', () => {
    const block = source.replace('  project_economic: { 302: 162.40, 310: 230.00 }   # 上年表 7 各列：之和须等于上面 budget 中一般公共预算的项目支出\n', '  project_economic:\n    302: 162.40\n    310: 230.00\n');
    expect(block).not.toBe(source);
    const out = draftText(block, { year: 2026, file: HOSPITAL }).text!;
    expect(out).toContain('  project_economic:\n    302: 165.60\n    310: 240.00\n');
    expect(figures(loadText(out, HOSPITAL).data!.prior.project_economic)).toEqual({ 302: '165.6', 310: '240' });
  });
});

it('adds no prior-year block the source does not keep (the reference)', () => {
  const text = draftText(read(REFERENCE), { year: 2025, file: REFERENCE }).text!;
  const prior = loadText(text, REFERENCE).data!.prior;
  expect([prior.basic_economic, prior.project_economic, prior.procurement]).toEqual([undefined, undefined, undefined]);
});
