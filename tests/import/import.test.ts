// yusuan import: a workbook written the way a budget system writes its export (not by yusuan) for
// the reference unit gives back the reference's figures, and the tables built from them are the
// reference's; the next-year workflow draft → import --into → fill in → check --strict → build.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check/index.js';
import { compute } from '../../src/compute/index.js';
import { draftText } from '../../src/draft/index.js';
import { hasErrors } from '../../src/findings.js';
import { importFile, importWorkbooks } from '../../src/import/index.js';
import { dataFileText } from '../../src/import/write-yaml.js';
import { loadText } from '../../src/load/load.js';
import { produce } from '../../src/document.js';
import type { DisclosureData } from '../../src/model.js';
import { REFERENCE_DATA } from '../helpers/reference.js';
import { budgetSystemWorkbook, writeWorkbook } from './budget-system-workbook.js';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-import-'));
const reference = loadText(readFileSync(REFERENCE_DATA, 'utf8'), REFERENCE_DATA).data!;

/** Every figure of the data the workbook carries, by key path, as Decimal. */
function figures(d: Pick<DisclosureData, 'budget' | 'basic_economic' | 'projects' | 'three_public'>): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const l of d.budget)
    for (const part of ['basic', 'personnel', 'public', 'project'] as const)
      for (const [k, v] of Object.entries(l[part] ?? {})) if (!v!.isZero()) out.set(`${l.code}.${part}.${k}`, v!);
  for (const [k, v] of Object.entries(d.basic_economic)) if (k.length === 5) out.set(`economic.${k}`, v!);
  for (const p of d.projects) for (const [k, v] of Object.entries(p.economic)) out.set(`project.${p.name}.${k}`, v!);
  for (const [k, m] of Object.entries(d.three_public)) for (const [s, v] of Object.entries(m)) out.set(`three_public.${k}.${s}`, v!);
  return out;
}

/** The view's tables with every figure rounded to the cent, as published. */
function shownTables(d: DisclosureData): unknown {
  const tables = compute(d).tables;
  // t10mt's first column is the prior year's 三公/会议费/培训费: no table of this year's workbook holds it.
  const t10mt = Object.fromEntries(Object.entries(tables.t10mt).map(([k, row]) => [k, row.slice(1)]));
  return JSON.parse(JSON.stringify({ ...tables, t10mt }, (_, v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? new Decimal(v).toFixed(2) : v)));
}

describe.each([['xlsx'], ['biff8']] as const)('a budget system\'s workbook for the reference (%s)', (bookType) => {
  const file = join(dir, `reference.${bookType === 'xlsx' ? 'xlsx' : 'xls'}`);
  let result: ReturnType<typeof importWorkbooks>;
  beforeAll(() => {
    writeWorkbook(budgetSystemWorkbook(REFERENCE_DATA, { hiddenRow: bookType === 'xlsx' }), file, bookType);
    result = importWorkbooks([file]);
  });

  it('imports without errors, the hidden helper sheet (and, in .xlsx, a hidden row) skipped with a note', () => {
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    if (bookType === 'xlsx') expect(result.findings.some((f) => f.code === 'IMPORT_SKIPPED' && f.cell?.sheet === '支出总表' && /1 个隐藏行/.test(f.message))).toBe(true);
    expect(result.findings.some((f) => f.code === 'IMPORT_SKIPPED' && f.cell?.sheet === '辅助计算')).toBe(bookType === 'xlsx' || result.findings.some((f) => f.cell?.sheet === '辅助计算'));
  });

  it('gives the reference\'s figures (exactly: the workbook carries 元 with 2 decimals)', () => {
    const want = figures(reference);
    const got = figures(result.data!);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [k, v] of want) expect(`${k}=${got.get(k)!.toFixed()}`).toBe(`${k}=${v.toFixed()}`);
    expect(result.data!.unitName).toBe(reference.unit.name);
    expect(result.data!.year).toBe(2024);
    expect(result.data!.projects[0]!.performance!.indicators).toEqual(reference.projects[0]!.performance!.indicators.map((i) => ({ ...i, weight: String(i.weight), last_year: String(i.last_year) })));
  });

  it('writes a data file that check accepts with warnings, check --strict refuses, and whose tables are the reference\'s', () => {
    const text = dataFileText(result.data!, { file: 'imported.yaml' });
    const loaded = loadText(text, 'imported.yaml');
    expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(check(loaded).filter((f) => f.severity === 'error')).toEqual([]);
    const strict = check(loadText(text, 'imported.yaml'), { strict: true });
    expect(strict.some((f) => f.code === 'PLACEHOLDER' && f.severity === 'error')).toBe(true);
    expect(strict.some((f) => f.code === 'UNCONFIRMED' && f.severity === 'error')).toBe(true);
    expect(shownTables(loaded.data!)).toEqual(shownTables(reference));
    expect(text).toContain('# 事业单位离退休');
  });
});

it('a workbook in 万元 (figures rounded to the cent) gives the reference\'s figures at 0.01, with rounding notes', () => {
  const file = join(dir, 'wan.xlsx');
  writeWorkbook(budgetSystemWorkbook(REFERENCE_DATA, { unit: '万元' }), file);
  const result = importWorkbooks([file]);
  expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  const want = figures(reference);
  const got = figures(result.data!);
  for (const [k, v] of want) expect(got.get(k)!.minus(v).abs().lessThanOrEqualTo('0.005')).toBe(true);
  // 表 6's 301 shows 212.45 while its 款 shown add up to 212.46: a note, not an error.
  expect(result.findings.some((f) => f.code === 'ROUNDING_NOTE' && f.cell?.sheet === '基本支出')).toBe(true);
  // The data file written from it passes check (the rounded 类 subtotals are not restated).
  const loaded = loadText(dataFileText(result.data!), 'wan.yaml');
  expect(check(loaded).filter((f) => f.severity === 'error')).toEqual([]);
});

describe('the next-year workflow: draft → import --into → fill in → check --strict → build', () => {
  it('runs end to end', () => {
    // The 2025 figures: the reference's with 事业单位离退休 (and its 离休费) up by 6 万元.
    const source2025 = readFileSync(REFERENCE_DATA, 'utf8')
      .replace('year: 2024', 'year: 2025').replace('published: 2024-03-01', 'published: 2025-03-01')
      .replace('basic: { general: 44.734 }', 'basic: { general: 50.734 }').replace('30301: 21.584', '30301: 27.584').replace('301: 212.45 ', '301: 223.45 ')
      // A line the draft lacks (行政单位离退休 and its 退休费), a source a line lacked (单位资金 for a project).
      .replace('  - code: 2080505 ', '  - code: 2080501\n    basic: { general: 5 }\n  - code: 2080505 ').replace('30302: 20.87', '30302: 25.87')
      .replace('    project: { general: 65 }', '    project: { general: 65, other: 3 }');
    const data2025 = join(dir, 'truth-2025.yaml');
    writeFileSync(data2025, source2025);
    const workbook = join(dir, '2025.xlsx');
    writeWorkbook(budgetSystemWorkbook(data2025), workbook);

    const draft = join(dir, '2025-info-center.yaml');
    writeFileSync(draft, draftText(readFileSync(REFERENCE_DATA, 'utf8'), { year: 2025 }).text!);
    const before = readFileSync(draft, 'utf8');
    const result = importFile([workbook], { into: draft });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const after = readFileSync(draft, 'utf8');
    // The figures the workbook gives lose !unconfirmed; texts, comments and placeholders stay.
    expect(after).toContain('  - code: 2080502              # 事业单位离退休\n    basic: { general: 50.734 }');
    expect(after).toContain('  30301: 27.584');
    expect(after).toContain('economic: { 302: 65 }');
    expect(after).toMatch(/authorized: !unconfirmed 14/);
    expect(after.split('\n').filter((l) => l.includes('#')).length).toBe(before.split('\n').filter((l) => l.includes('#')).length + 1); // the new line's
    expect(after).toContain('【待填写：公开日期】');
    expect(after.slice(after.indexOf('\nprior:'))).toBe(before.slice(before.indexOf('\nprior:')));
    expect(after).toContain('    project: { general: 65, other: 3 }');
    expect(after).toMatch(/  - code: 2210201 +# 住房公积金\n    basic: \{ general: 18.5 \}\n  - code: 2080501 +# 行政单位离退休\n    basic: \{ general: 5 \}\n\n/);
    // Nothing else moved: the text outside the figures is the draft's, line for line.
    const skeleton = (t: string) => t.split('\n').filter((l) => !/\d/.test(l) || l.trim().startsWith('#')).join('\n');
    expect(skeleton(after)).toBe(skeleton(before));

    // The officer fills in what the workbook cannot know.
    const filled = after
      .replace('【待填写：公开日期】', '2025-03-01')
      .replace(/【待填写：增减人数】/g, '0')
      .replace(/【待填写：上年完成值（原 ([^）]*)）】/g, '$1')
      .replace(/【待填写：[^】]*】/g, '根据工作实际调整')
      .replace(/!unconfirmed /g, '')
      // check asks for the new line's reason: the officer gives it.
      .replace('  lines:\n', '  lines:\n    2080501: 新增行政单位离退休人员经费\n');
    writeFileSync(draft, filled);
    const strict = produce(draft, { strict: true });
    expect(strict.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(strict.document!.text).toContain('50.73');
  });
});

it('--into tags and names the figures the file states and the workbook does not, so no strict build publishes them unseen', () => {
  // The file: the reference with a line (行政单位离退休, its 退休费 in 30302) that the new workbook no longer has.
  const file = join(dir, 'stale.yaml');
  writeFileSync(file, readFileSync(REFERENCE_DATA, 'utf8')
    .replace('  - code: 2080505 ', '  - code: 2080501\n    basic: { general: 5 }\n  - code: 2080505 ').replace('30302: 20.87', '30302: 25.87')
    .replace('  lines:\n', '  lines:\n    2080501: 新增行政单位离退休人员经费\n'));
  expect(produce(file).findings.filter((f) => f.severity === 'error')).toEqual([]);
  const workbook = join(dir, 'stale.xlsx');
  writeWorkbook(budgetSystemWorkbook(REFERENCE_DATA), workbook);
  const result = importFile([workbook], { into: file });
  expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  const after = readFileSync(file, 'utf8');
  // The workbook's 30302 replaces the file's; the line it lacks stays, tagged, and is the only figure tagged.
  expect(after).toContain('  30302: 20.87');
  expect(after).toContain('  - code: 2080501\n    basic: { general: !unconfirmed 5 }');
  expect(after.match(/!unconfirmed/g)).toHaveLength(1);
  const warned = result.findings.find((f) => f.severity === 'warning' && f.message.includes('工作簿中没有的数字'));
  expect(warned?.message).toMatch(/budget\.\d+\.basic\.general 5[。；]/);
  // Until the officer removes or confirms it, a strict build refuses the file.
  expect(hasErrors(produce(file, { strict: true }).findings)).toBe(true);
});

it('nothing is written while the workbook has errors, and --out never overwrites without --force', () => {
  const file = join(dir, 'missing.xlsx');
  writeWorkbook(budgetSystemWorkbook(REFERENCE_DATA, { omit: [3] }), file);
  const out = join(dir, 'never.yaml');
  const bad = importFile([file], { out });
  expect(hasErrors(bad.findings)).toBe(true);
  expect(bad.written).toBeUndefined();
  const good = join(dir, 'good.xlsx');
  writeWorkbook(budgetSystemWorkbook(REFERENCE_DATA), good);
  const target = join(dir, 'exists.yaml');
  writeFileSync(target, 'keep me\n');
  expect(() => importFile([good], { out: target })).toThrow(/--force/);
  expect(readFileSync(target, 'utf8')).toBe('keep me\n');
  importFile([good], { out: target, force: true });
  expect(readFileSync(target, 'utf8')).toContain('budget:');
});

it('codes written only at their own level (款 row 05, 项 row 02) take the rest from the rows above', async () => {
  const XLSX = await import('@e965/xlsx');
  const { loadTableLayouts } = await import('../../src/tables/index.js');
  const { writeXlsx } = await import('../../src/xlsx/index.js');
  const wb = XLSX.read(await writeXlsx(compute(reference), loadTableLayouts(), 'r'), { type: 'buffer', dense: true });
  let cut = 0;
  for (const name of wb.SheetNames) {
    const rows = (wb.Sheets[name] as unknown as { '!data': ({ v?: unknown } | undefined)[][] })['!data'];
    for (const row of rows ?? []) {
      if (!row || !/^\d{3}$/.test(String(row[0]?.v ?? '')) || !/^\d{2}$/.test(String(row[1]?.v ?? ''))) continue;
      row[0] = undefined;
      cut++;
      if (/^\d{2}$/.test(String(row[2]?.v ?? ''))) row[1] = undefined;
    }
  }
  expect(cut).toBeGreaterThan(20);
  const file = join(dir, 'own-level.xlsx');
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  const result = importWorkbooks([file]);
  expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(result.data!.budget.map((l) => l.code)).toEqual(reference.budget.map((l) => l.code));
});
