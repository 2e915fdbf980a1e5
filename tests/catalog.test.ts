// The bundled classification (catalog/*.tsv) and a unit's own catalog: block: the county hospital of
// issue 11 names every row, codes of another year's edition are reported naming both years, and a
// unit's entry renames a code in every table.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { edition, EDITION_YEARS, makeCatalog, parseCatalogTsv } from '../src/catalog/index.js';
import { check, compute, load, loadText, render } from '../src/index.js';
import type { View } from '../src/index.js';

const HOSPITAL = fileURLToPath(new URL('./fixtures/catalog/hospital.yaml', import.meta.url));
const hospitalText = readFileSync(HOSPITAL, 'utf8');
const CATALOG_CODES = ['UNKNOWN_CODE', 'CODE_HIERARCHY', 'NAME_MISMATCH', 'CATALOG_YEAR', 'CATALOG_EDITION'];

/** Every named row of every table: [table, code, name]. */
function tableRows(view: View): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const [t, table] of Object.entries(view.tables)) {
    const rows = (table as { rows?: { code?: string; cls?: string; kind?: string; name: string }[] }).rows ?? [];
    const classes = (table as { classes?: { code: string; name: string }[] }).classes ?? [];
    for (const r of [...rows, ...classes]) out.push([t, r.code ?? `${r.cls}${r.kind ?? ''}`, r.name]);
  }
  return out;
}

describe('the bundled editions', () => {
  it.each(EDITION_YEARS)('%i: every 款 and 项 sits under a 类 and 款 of the same edition', (year) => {
    const e = edition(year);
    for (const kind of ['functional', 'economic'] as const)
      for (const code of e[kind].keys()) {
        if (code.length >= 5) expect(e[kind].has(code.slice(0, 3)), `${kind} ${code}`).toBe(true);
        if (code.length === 7) expect(e[kind].has(code.slice(0, 5)), `${kind} ${code}`).toBe(true);
      }
  });

  it('2024 has the 30 类 that tables 1 and 4 of the published reference list', () => {
    const classes = makeCatalog(2024).functionalClasses;
    expect(classes.join(' ')).toBe(
      '201 202 203 204 205 206 207 208 209 210 211 212 213 214 215 216 217 219 220 221 222 223 224 227 229 230 231 232 233 234',
    );
  });

  it('holds every code a county hospital needs, named', () => {
    const e = edition(2025);
    expect(e.functional.get('2100201')).toBe('综合医院');
    for (const code of ['2100202', '2100203', '2100204', '2100205', '2100206', '2100207', '2100208', '2100209', '2100210', '2100211', '2100299'])
      expect(e.functional.get(code), code).toBeTruthy();
    expect(e.functional.get('2100409')).toBe('重大公共卫生服务');
    expect(e.functional.get('2296004')).toBe('用于教育事业的彩票公益金支出');
    expect(e.functional.get('22904')).toBe('其他政府性基金及对应专项债务收入安排的支出');
    expect([...e.functional.keys()].filter((c) => c.startsWith('22904') && c.length === 7)).toEqual(['2290401', '2290402', '2290403']);
  });

  it('2025 differs from 2024 only by the codes of 财预〔2025〕41号', () => {
    const [a, b] = [edition(2024).functional, edition(2025).functional];
    expect([...b.keys()].filter((c) => !a.has(c))).toEqual(['2170404', '22911', '23107']);
    expect([...a.keys()].filter((c) => !b.has(c) || b.get(c) !== a.get(c))).toEqual([]);
  });

  it('a malformed data line is refused', () => {
    expect(() => parseCatalogTsv('# ok\n2100201\t综合医院\n21002 公立医院\n', 'x.tsv')).toThrow(/x\.tsv:3/);
    expect(parseCatalogTsv('# c\n\n201\t一般公共服务支出\r\n', 'y').get('201')).toBe('一般公共服务支出');
  });
});

describe('the county hospital of issue 11', () => {
  const loaded = loadText(hospitalText, HOSPITAL);
  const view = compute(loaded.data!);

  it('checks with no catalog finding and no finding at all', () => {
    expect(check(loaded).map((f) => f.code)).toEqual([]);
  });

  it('names every row of every table: no bare code is printed as a name', () => {
    const rows = tableRows(view);
    expect(rows.length).toBeGreaterThan(50);
    for (const [t, code, name] of rows) expect(name, `${t} ${code}`).not.toMatch(/^\d+$/);
    const t8 = view.tables.t8.rows.map((r) => `${r.code} ${r.name}`);
    expect(t8).toEqual(['229 其他支出', '22904 其他政府性基金及对应专项债务收入安排的支出', '2290401 其他政府性基金安排的支出']);
  });

  it('prints the names in the tables and in Part 3', () => {
    const { markdown } = render(view);
    for (const name of ['综合医院', '重大公共卫生服务', '公共卫生', '公立医院', '其他政府性基金及对应专项债务收入安排的支出', '用于教育事业的彩票公益金支出'])
      expect(markdown).toContain(name);
  });
});

describe('codes of another year', () => {
  it('a 2024 file using a 款 first set up in 2025 is told so, naming both years', () => {
    const text = hospitalText.replace('year: 2025', 'year: 2024').replace('published: 2025-02-20', 'published: 2024-02-20')
      .replace(/2296004/g, '2291101').replace('  - code: 2291101 ', '  - code: 2291101\n    name: 特别国债财务基金支出\n   ');
    const findings = check(loadText(text, HOSPITAL)).filter((f) => f.code === 'CATALOG_YEAR');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/22911.*2025 年新设科目，2024 年科目中还没有/);
  });

  it('a year without an edition is read against the closest one, with a note', () => {
    const text = hospitalText.replace('year: 2025', 'year: 2026').replace('published: 2025-02-20', 'published: 2026-02-20');
    const findings = check(loadText(text, HOSPITAL));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['CATALOG_EDITION', 'note']]);
    expect(findings[0]!.message).toContain('2025 年科目');
    expect(makeCatalog(2023).editionYear).toBe(2024);
  });

  it('a code missing from its year but present in another is reported with both years', () => {
    // 2170404 exists from 2025 only: a 2024 line using it, unnamed, is an error that says so.
    const text = hospitalText.replace('year: 2025', 'year: 2024').replace('published: 2025-02-20', 'published: 2024-02-20').replace(/2296004/g, '2170404');
    const f = check(loadText(text, HOSPITAL)).filter((f) => f.code === 'CATALOG_YEAR');
    expect(f.map((x) => x.severity)).toEqual(['error']);
    expect(f[0]!.message).toMatch(/2170404“中央金融机构注资特别国债支出”是 2025 年新设科目，2024 年科目中还没有/);
  });
});

describe('a unit’s catalog: block', () => {
  it('renames a code in every table and sentence', () => {
    const text = hospitalText.replace('\nbudget:', '\ncatalog:\n  functional:\n    2100201: 县人民医院综合医疗\n    21002: 县级公立医院\n\nbudget:');
    const loaded = loadText(text, HOSPITAL);
    expect(check(loaded).map((f) => f.code)).toEqual([]);
    const view = compute(loaded.data!);
    const names = tableRows(view).filter(([, code]) => code === '2100201' || code === '21002').map(([, , n]) => n);
    expect(names.length).toBeGreaterThan(3);
    expect(new Set(names)).toEqual(new Set(['县人民医院综合医疗', '县级公立医院']));
    const { markdown } = render(view);
    expect(markdown).toContain('县级公立医院（款）县人民医院综合医疗（项）');
    expect(markdown).not.toContain('综合医院（项）');
  });

  it('adds a 款 the catalog lacks, so its row is named', () => {
    const text = hospitalText.replace(/2290401/g, '2290901').replace('\nbudget:', '\ncatalog:\n  functional:\n    22909: 某地方自设款\n    2290901: 某地方自设项\n\nbudget:');
    const loaded = loadText(text, HOSPITAL);
    expect(check(loaded).map((f) => f.code)).toEqual([]);
    expect(compute(loaded.data!).tables.t8.rows.map((r) => r.name)).toEqual(['其他支出', '某地方自设款', '某地方自设项']);
  });

  it('without the block, such a 款 is a warning: its row would print the bare code', () => {
    const text = hospitalText.replace(/2290401/g, '2290901').replace('  - code: 2290901 ', '  - code: 2290901\n    name: 某地方自设项\n   ');
    // (The prior year's line, left unnamed, is an error of its own.)
    const f = check(loadText(text, HOSPITAL)).filter((x) => x.code === 'UNKNOWN_CODE' && x.path.startsWith('budget['));
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]!.message).toContain('款 22909');
  });

  describe('a shared catalog file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-catalog-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const withFile = hospitalText.replace('\nbudget:', '\ncatalog:\n  file: ../shared/catalog.yaml\n  functional:\n    2100201: 本院综合医疗\n\nbudget:');

    it('is read relative to the data file; the data file’s own entries win', () => {
      rmSync(join(dir, 'shared'), { recursive: true, force: true });
      mkdirSync(join(dir, 'data'), { recursive: true });
      mkdirSync(join(dir, 'shared'), { recursive: true });
      writeFileSync(join(dir, 'data', 'unit.yaml'), withFile);
      writeFileSync(join(dir, 'shared', 'catalog.yaml'), 'functional:\n  2100201: 共享名称\n  21002: 全县公立医院\neconomic:\n  30101: 基本工资（岗位+薪级）\n');
      const loaded = load(join(dir, 'data', 'unit.yaml'));
      expect(check(loaded).map((f) => f.code)).toEqual([]);
      const view = compute(loaded.data!);
      const names = new Map(tableRows(view).map(([, code, name]) => [code, name]));
      expect(names.get('2100201')).toBe('本院综合医疗');
      expect(names.get('21002')).toBe('全县公立医院');
      expect(view.tables.t6.rows.find((r) => r.kind === '01' && r.cls === '301')?.name).toBe('基本工资（岗位+薪级）');
    });

    it('a mistake in it is a finding positioned in that file', () => {
      writeFileSync(join(dir, 'shared', 'catalog.yaml'), 'functional:\n  2100201: 共享名称\n  21002x: 坏编码\n');
      const loaded = load(join(dir, 'data', 'unit.yaml'));
      const bad = loaded.findings.filter((f) => f.severity === 'error');
      expect(bad).toHaveLength(1);
      expect(bad[0]!.file).toBe(join(dir, 'shared', 'catalog.yaml'));
      expect(bad[0]!.pos?.line).toBe(3);
    });

    it('a missing one is a read error at catalog.file', () => {
      rmSync(join(dir, 'shared', 'catalog.yaml'));
      const loaded = load(join(dir, 'data', 'unit.yaml'));
      expect(loaded.findings.map((f) => [f.code, f.path])).toEqual([['READ_ERROR', 'catalog.file']]);
      expect(loaded.data).toBeUndefined();
    });
  });
});
