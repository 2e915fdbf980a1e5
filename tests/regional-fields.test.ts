// The optional fields other regions' disclosures print (issue 11 item 5): absent, the view holds null
// (or an empty list) and the default templates print nothing new; present, each is computed exactly,
// rounded half-up to 0.01 only where shown, and data text in them stays text.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditFile, compute, DEFAULT_PROFILE, loadText, numberFormat, render } from '../src/index.js';
import { REFERENCE_DATA } from './helpers/reference.js';

const HOSPITAL = fileURLToPath(new URL('../examples/2025-county-hospital.yaml', import.meta.url));
const hospital = readFileSync(HOSPITAL, 'utf8');

function viewOf(source: string) {
  const loaded = loadText(source, 'data.yaml');
  expect(loaded.findings.filter((f) => f.severity === 'error'), JSON.stringify(loaded.findings)).toEqual([]);
  return compute(loaded.data!);
}

describe('absent (the reference)', () => {
  const view = viewOf(readFileSync(REFERENCE_DATA, 'utf8'));
  it('every new field of the view is null, or an empty list', () => {
    const p = view.part3;
    expect([p.basic.compared, p.projectEconomic, p.projectCategories, p.procurement.split, p.procurement.bySource, p.procurement.compared, p.assets.original_value])
      .toEqual([null, null, null, null, null, null, null]);
    expect(p.projects.map((x) => x.category)).toEqual([null]);
    expect([p.totalChange.reason, p.fiscal.change.reason]).toEqual([null, null]);
    expect(view.part4.glossary).toEqual([]);
  });
  it('the changes of the totals are computed all the same, for a template that words them', () => {
    expect([view.part3.totalChange.amount.toFixed(2), view.part3.totalChange.prior!.toFixed(2), view.part3.totalChange.up]).toEqual(['335.37', '381.60', false]);
    expect([view.part3.fiscal.change.delta.toFixed(2), view.part3.fiscal.change.pct!.toFixed(4)]).toEqual(['6.23', '1.8238']);
  });
});

describe('present (the hospital example)', () => {
  const view = viewOf(hospital);
  const rate = numberFormat(DEFAULT_PROFILE).rate;

  it('compares table 6 by 类 and 款, a 款 of one year only against nothing', () => {
    const wages = view.part3.basic.compared!.classes.find((c) => c.code === '301')!;
    expect([wages.name, wages.change.amount.toFixed(2), wages.change.prior!.toFixed(2), wages.change.delta.toFixed(2)]).toEqual(['工资福利支出', '2361.00', '2279.54', '81.46']);
    // Its share of this year's basic expenditure, as Part 3 shares are.
    expect(rate(wages.change.share)).toBe('86.51');
    const source = view.part3.basic.compared!.classes.map((c) => c.kinds.map((k) => k.code)).flat();
    expect(source).toEqual(['30101', '30102', '30107', '30108', '30109', '30110', '30113', '30201', '30205', '30206', '30211', '30213', '30217', '30228', '30229', '30231', '30299', '30301', '30302']);
    const gone = viewOf(hospital.replace('    30299: 2.80\n', '    30299: 1.80\n    30226: 1.00\n')).part3.basic.compared!;
    const before = gone.classes.find((c) => c.code === '302')!.kinds.find((k) => k.code === '30226')!;
    expect([before.change.amount.toFixed(2), before.change.prior!.toFixed(2), before.change.up, rate(before.change.pct)]).toEqual(['0.00', '1.00', false, '100.00']);
    const added = viewOf(hospital.replace('  30299: 7.00 ', '  30226: 1.00\n  30299: 6.00 ')).part3.basic.compared!;
    const now = added.classes.find((c) => c.code === '302')!.kinds.find((k) => k.code === '30226')!;
    expect([now.change.amount.toFixed(2), now.change.prior, now.change.isNew]).toEqual(['1.00', null, true]);
  });

  it('rounds a rate half-up at 0.01: 水费 18.00 against 12.80 is 40.625% and shows as 40.63', () => {
    const source = hospital.replace('    30205: 17.00\n', '    30205: 12.80\n').replace('    30299: 2.80\n', '    30299: 7.00\n');
    const water = viewOf(source).part3.basic.compared!.classes.find((c) => c.code === '302')!.kinds.find((k) => k.code === '30205')!;
    expect(water.change.pct!.toFixed()).toBe('40.625');
    expect(rate(water.change.pct)).toBe('40.63');
  });

  it('compares table 7’s columns, the procurement budget and its kinds', () => {
    expect(view.part3.projectEconomic!.classes.map((c) => [c.code, c.change.delta.toFixed(2), rate(c.change.pct)])).toEqual([['302', '3.20', '1.97'], ['310', '10.00', '4.35']]);
    const { compared, split, bySource } = view.part3.procurement;
    expect([compared!.total.delta.toFixed(2), rate(compared!.total.pct), compared!.goods.delta.toFixed(2), compared!.works.delta.toFixed(2)]).toEqual(['220.00', '10.00', '130.00', '50.00']);
    expect([split!.centralized.toFixed(2), split!.decentralized.toFixed(2)]).toEqual(['1600.00', '820.00']);
    expect([bySource!.general_budget.toFixed(2), bySource!.fiscal.toFixed(2), bySource!.unit.toFixed(2), bySource!.carryover.toFixed(2)]).toEqual(['240.00', '390.00', '2030.00', '0.00']);
  });

  it('gives the split with its missing half as zero', () => {
    const only = viewOf(hospital.replace('  decentralized: 820.00        # 分散采购\n', '').replace('  centralized: 1600.00', '  centralized: 2420.00'));
    expect([only.part3.procurement.split!.centralized.toFixed(2), only.part3.procurement.split!.decentralized.toFixed(2)]).toEqual(['2420.00', '0.00']);
  });

  it('counts projects by category, and the 原值 classes with their shares', () => {
    expect(view.part3.projectCategories!.specific).toMatchObject({ count: 5 });
    expect(view.part3.projectCategories!.specific.amount.toFixed(2)).toBe('1755.60');
    expect(view.part3.projectCategories!.personnel.count).toBe(0);
    expect(view.part3.assets.original_value!.classes.map((c) => rate(c.share))).toEqual(['46.59', '51.42', '1.99']);
  });
});

describe('wording', () => {
  const textOf = (source: string) => render(viewOf(source)).html;

  it('a total’s change is worded only with its reason', () => {
    const without = textOf(hospital.replace(/^ {2}total: .*\n/m, ''));
    expect(without).toContain('收支总预算 23953.13 万元。');
    expect(textOf(hospital)).toContain('收支总预算 23953.13 万元，比上年预算增加 722.25 万元，增长 3.11%。主要原因是');
  });

  it('names each project category', () => {
    for (const [key, name] of [['personnel', '人员类项目'], ['operation', '运转类项目'], ['specific', '特定目标类项目']])
      expect(textOf(hospital.replace('    category: specific         # 项目类别', `    category: ${key}         # 项目类别`))).toContain(`项目类别：${name}`);
  });

  it('numbers a unit’s terms after the bundled eight, and shows their text as typed', () => {
    const html = textOf(hospital.replace('  - term: 事业收入\n', '  - term: "<b>事业收入</b>"\n').replace('    definition: 指采购人', '    definition: "**不是粗体** [链接](https://evil.example/)" # 指采购人'));
    expect(html).toContain('九、&lt;b&gt;事业收入&lt;/b&gt;:');
    expect(html).toContain('十、集中采购:**不是粗体** [链接](https://evil.example/)</p>');
    expect(html).not.toMatch(/<a href="https:\/\/evil|<strong>不是粗体/);
  });
});

it('the hospital’s document, every optional field worded, passes the project’s own audit (a reason for every change)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-regional-'));
  try {
    const file = join(dir, 'hospital.html');
    writeFileSync(file, render(viewOf(hospital)).html);
    const { findings } = await auditFile(file);
    expect(findings.filter((f) => f.severity !== 'note')).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
