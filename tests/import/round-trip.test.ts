// Round trip where the xlsx writer and the workbook reader meet: data → build --format xlsx's
// workbook → import → the same figures at 0.01 (the export shows 万元 rounded to the cent).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Decimal } from 'decimal.js';
import { expect, it } from 'vitest';
import { compute } from '../../src/compute/index.js';
import { importWorkbooks } from '../../src/import/index.js';
import { loadText } from '../../src/load/load.js';
import type { DisclosureData } from '../../src/model.js';
import { loadTableLayouts } from '../../src/tables/index.js';
import { writeXlsx } from '../../src/xlsx/index.js';
import { REFERENCE_DATA } from '../helpers/reference.js';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-roundtrip-'));
const COUNTY = fileURLToPath(new URL('../fixtures/golden/county-bureau/data.yaml', import.meta.url));

/** Figures by what they mean (line, source, basic/project summed over personnel/public), for comparison. */
function figures(d: Pick<DisclosureData, 'budget' | 'basic_economic' | 'projects' | 'three_public'>): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  const put = (k: string, v: Decimal) => out.set(k, out.has(k) ? out.get(k)!.plus(v) : v);
  for (const l of d.budget)
    for (const part of ['basic', 'personnel', 'public', 'project'] as const)
      for (const [k, v] of Object.entries(l[part] ?? {})) if (!v!.isZero()) put(`${l.code}.${part === 'project' ? 'project' : 'basic'}.${k}`, v!);
  for (const [k, v] of Object.entries(d.basic_economic)) if (k.length === 5 && !v!.isZero()) put(`economic.${k}`, v!);
  for (const p of d.projects.filter((p) => p.source === 'general' || p.source === 'general_transfer'))
    for (const [k, v] of Object.entries(p.economic)) if (!v!.isZero()) put(`project.${p.name}.${k}`, v!);
  for (const [k, m] of Object.entries(d.three_public)) for (const [s, v] of Object.entries(m)) if (!v!.isZero()) put(`three_public.${k}.${s}`, v!);
  return out;
}

it.each([['reference', REFERENCE_DATA], ['county-bureau', COUNTY]])('%s: data → xlsx → import gives the same figures at 0.01', async (name, file) => {
  const data = loadText(readFileSync(file, 'utf8'), file).data!;
  const xlsx = join(dir, `${name}.xlsx`);
  writeFileSync(xlsx, await writeXlsx(compute(data), loadTableLayouts(), name));
  const result = importWorkbooks([xlsx]);
  expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  const want = figures(data);
  const got = figures(result.data!);
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [k, v] of want) expect(`${k} ${got.get(k)!.minus(v).abs().lessThanOrEqualTo('0.005')}`).toBe(`${k} true`);
});

/** The reference with a line of every other kind: fund with personnel/public, carry-over, 单位资金, 财政专户, a transfer. */
function richData(): string {
  const file = join(dir, 'rich.yaml');
  writeFileSync(file, readFileSync(REFERENCE_DATA, 'utf8')
    .replace('basic: { general: 10.34 }', 'basic: { general: 8.34, general_transfer: 2 }')
    .replace('  - code: 2150550 ', '  - code: 2150501\n    personnel: { fund: 3, carryover_general: 1 }\n    public: { fund: 2 }\n    project: { business: 4, special_account: 1, carryover_unit: 0.5 }\n  - code: 2150550 '));
  return file;
}

it.each([['export'], ['budget system']])('a unit with every kind of source (%s workbook) comes back figure for figure', async (how) => {
  const file = richData();
  const data = loadText(readFileSync(file, 'utf8'), file).data!;
  const xlsx = join(dir, `rich-${how}.xlsx`);
  if (how === 'export') writeFileSync(xlsx, await writeXlsx(compute(data), loadTableLayouts(), 'rich'));
  else {
    const { budgetSystemWorkbook, writeWorkbook } = await import('./budget-system-workbook.js');
    writeWorkbook(budgetSystemWorkbook(file), xlsx);
  }
  const result = importWorkbooks([xlsx]);
  expect(result.findings.filter((f) => f.severity !== 'note')).toEqual([]);
  const want = figures(data);
  const got = figures(result.data!);
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [k, v] of want) expect(`${k} ${got.get(k)!.minus(v).abs().lessThanOrEqualTo('0.005')}`).toBe(`${k} true`);
  // The personnel/public split of table 8 and table 11 survives, not just the basic total.
  const line = result.data!.budget.find((l) => l.code === '2150501')!;
  expect(line.personnel?.fund?.toFixed()).toBe('3');
  expect(line.personnel?.carryover_general?.toFixed()).toBe('1');
  expect(line.public?.fund?.toFixed()).toBe('2');
  expect(line.project?.carryover_unit?.toFixed()).toBe('0.5');
});

it('takes the year from the workbook’s own title when no table names it (yusuan writes the document’s title there)', async () => {
  const data = loadText(readFileSync(REFERENCE_DATA, 'utf8'), REFERENCE_DATA).data!;
  const year = async (title: string) => {
    const xlsx = join(dir, `titled-${title.length}.xlsx`);
    writeFileSync(xlsx, await writeXlsx(compute(data), loadTableLayouts(), title));
    return importWorkbooks([xlsx]).data!.year;
  };
  expect(await year(`${data.unit.name}2024年单位预算公开`)).toBe(2024);
  expect(await year('单位预算公开表')).toBeUndefined();
});
