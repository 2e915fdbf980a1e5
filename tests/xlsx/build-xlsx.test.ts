// `build --format xlsx` from the command line, and tables.yaml as a replaceable template: a changed
// title or header label shows in the HTML and the workbook alike; a malformed file names itself.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { build, DEFAULT_TEMPLATES, loadTemplates } from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function sheetCell(file: string, sheet: string, ref: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet(sheet)!.getCell(ref).value;
}

describe('build --format xlsx', () => {
  it('writes the workbook alone when asked for it alone', () => {
    const out = mkdtempSync(join(tmpdir(), 'yusuan-xlsx-'));
    const run = spawnSync(process.execPath, [join(root, 'bin/yusuan.js'), 'build', 'data/2024-info-center.yaml', '--out', out, '--format', 'xlsx'], { encoding: 'utf8', cwd: root });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(join(out, '2024-info-center.xlsx'));
    expect(readFileSync(join(out, '2024-info-center.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(existsSync(join(out, '2024-info-center.html'))).toBe(false);
    rmSync(out, { recursive: true, force: true });
  });

  it('takes titles and header labels from a replaced tables.yaml, in the HTML and the workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-templates-'));
    const templates = join(dir, 'templates');
    cpSync(DEFAULT_TEMPLATES, templates, { recursive: true });
    const yaml = readFileSync(join(templates, 'tables.yaml'), 'utf8');
    writeFileSync(join(templates, 'tables.yaml'), yaml.replace('title: 单位收入总体情况表', 'title: 收入总体情况表（本单位）').replace('财政专户（教育收费）', '财政专户管理资金'));
    const [result] = await build([join(root, 'data/2024-info-center.yaml')], { outDir: join(dir, 'out'), formats: ['html', 'xlsx'], templatesDir: templates });
    expect(result!.outputs).toHaveLength(2);
    const html = readFileSync(join(dir, 'out', '2024-info-center.html'), 'utf8');
    expect(html).toContain('<span class="table-name">收入总体情况表（本单位）</span>');
    expect(html).toContain('<th rowspan="2">财政专户管理资金</th>');
    const xlsx = join(dir, 'out', '2024-info-center.xlsx');
    expect(await sheetCell(xlsx, '表2', 'A2')).toBe('收入总体情况表（本单位）');
    expect(await sheetCell(xlsx, '表2', 'M4')).toBe('财政专户管理资金');
    rmSync(dir, { recursive: true, force: true });
  });

  it('falls back to the bundled tables.yaml for a template folder that has none; names a malformed one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-templates-'));
    cpSync(DEFAULT_TEMPLATES, dir, { recursive: true });
    rmSync(join(dir, 'tables.yaml'));
    expect(loadTemplates(dir).tables.tables).toHaveLength(12);
    writeFileSync(join(dir, 'tables.yaml'), 'meta: { unit_name: a, unit: b }\ntables:\n  - id: t1\n    title: T\n    columns: []\n    body: { kind: items }\n');
    expect(() => loadTemplates(dir)).toThrow(/tables\.yaml: t1\.columns: no columns/);
    rmSync(dir, { recursive: true, force: true });
  });
});
