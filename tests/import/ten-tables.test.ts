// The ten-tables profile's workbook read back: its set is recognised by its titles (表 7 is the
// table of 三公 with 会议费 and 培训费, there is no 表 7 项目支出 or 表 11), through the profile's own
// layouts (profiles/ten-tables/tables.yaml over the bundled ones), as `build --profile ten-tables` wrote it.
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
import { loadTemplates } from '../../src/render/templates.js';
import { writeXlsx } from '../../src/xlsx/index.js';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-ten-tables-'));
const SCHOOL = fileURLToPath(new URL('../fixtures/golden/ten-tables-school/data.yaml', import.meta.url));

/** Figures by what they mean, as round-trip.test.ts compares them; projects aside (the set has no table of them), 会议费 and 培训费 added. */
function figures(d: Pick<DisclosureData, 'budget' | 'basic_economic' | 'three_public' | 'meeting' | 'training'>): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  const put = (k: string, v: Decimal) => out.set(k, out.has(k) ? out.get(k)!.plus(v) : v);
  // By line, basic/project and source apart: the school's 2050202 has 单位资金 and 财政专户 in both
  // basic and project, a split no table gives (import says which it assumed, IMPORT_ASSUMPTION).
  for (const l of d.budget)
    for (const part of ['basic', 'personnel', 'public', 'project'] as const)
      for (const [k, v] of Object.entries(l[part] ?? {}))
        if (!v!.isZero()) {
          put(`${l.code}.${part === 'project' ? 'project' : 'basic'}`, v!);
          put(`${l.code}.${k}`, v!);
        }
  for (const [k, v] of Object.entries(d.basic_economic)) if (k.length === 5 && !v!.isZero()) put(`economic.${k}`, v!);
  for (const [k, m] of Object.entries(d.three_public)) for (const [s, v] of Object.entries(m)) if (!v!.isZero()) put(`three_public.${k}.${s}`, v!);
  for (const k of ['meeting', 'training'] as const) for (const [s, v] of Object.entries(d[k] ?? {})) if (!v!.isZero()) put(`${k}.${s}`, v!);
  return out;
}

async function workbook(): Promise<string> {
  const data = loadText(readFileSync(SCHOOL, 'utf8'), SCHOOL).data!;
  const t = loadTemplates({ profile: 'ten-tables' });
  const xlsx = join(dir, 'school.xlsx');
  writeFileSync(xlsx, await writeXlsx(compute(data), t.tables, 'school', t.profile));
  return xlsx;
}

it.each([['recognised by its titles', {}], ['--profile ten-tables', { profile: 'ten-tables' }]])('ten-tables: data → xlsx → import gives the same figures (%s)', async (_, options) => {
  const data = loadText(readFileSync(SCHOOL, 'utf8'), SCHOOL).data!;
  const result = importWorkbooks([await workbook()], options);
  expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  // Every sheet read: none skipped, no table reported missing.
  expect(result.findings.filter((f) => f.code === 'TABLE_MISSING' || (f.code === 'IMPORT_SKIPPED' && f.severity !== 'note'))).toEqual([]);
  expect(result.findings.filter((f) => f.code === 'IMPORT_ASSUMPTION' && f.cell?.sheet === '表2').map((f) => f.message.split('：')[0])).toEqual(['2050202 小学教育']);
  const want = figures(data);
  const got = figures(result.data as unknown as DisclosureData);
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [k, v] of want) expect(`${k} ${got.get(k)!.minus(v).abs().isZero()}`).toBe(`${k} true`);
});

it('the default set, asked for explicitly, does not read the ten-tables workbook', async () => {
  const result = importWorkbooks([await workbook()], { profile: 'default' });
  const missing = result.findings.filter((f) => f.code === 'TABLE_MISSING').map((f) => f.message);
  expect(missing.length).toBe(3); // 表 7 项目支出, 表 10 三公, 表 11 上年结转结余
  expect(result.data).toBeUndefined();
});

it('a published ten-tables document is not imported as if it were the default set: IMPORT_TABLE_SET', async () => {
  const { readPublishedData } = await import('../../src/import/published.js');
  const text = fileURLToPath(new URL('../fixtures/golden/ten-tables-school/expected.txt', import.meta.url));
  const result = await readPublishedData(text);
  expect(result.data).toBeUndefined();
  expect(result.findings.map((f) => `${f.code} ${f.severity} ${f.cell?.ref}`)).toEqual(['IMPORT_TABLE_SET error p.1']);
});
