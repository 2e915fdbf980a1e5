// A real spreadsheet application opens the exported workbook: LibreOffice (headless, its own profile
// in a temp dir) converts it to CSV, one file a sheet, and to PDF. The CSV holds each HTML table cell
// for cell, figures as the 0.00 they show. Skipped, saying why, only where soffice is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { produce, type RenderedDocument } from '../../src/index.js';
import { loadTableLayouts } from '../../src/tables/index.js';
import { writeXlsx } from '../../src/xlsx/index.js';
import { address, place } from '../helpers/html-grid.js';
import { REFERENCE_DATA } from '../helpers/reference.js';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const missing = soffice.error || soffice.status !== 0;
if (missing) console.log('LibreOffice test skipped: soffice is not installed (npm run setup installs libreoffice-calc).');

/** Field 9 `true`: cells as shown (0.00); field 12 `-1`: every sheet to its own file (LibreOffice ≥ 7.2). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

describe.skipIf(missing)('LibreOffice opens the exported workbook', () => {
  let dir: string;
  let doc: RenderedDocument;
  const sheets = new Map<string, string[][]>();

  const convert = (to: string, outDir: string) =>
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, join(dir, 'tables.xlsx')], {
      encoding: 'utf8',
      timeout: 120_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-lo-'));
    doc = produce(REFERENCE_DATA).document!;
    writeFileSync(join(dir, 'tables.xlsx'), await writeXlsx(doc.view, loadTableLayouts(), 'title'));
    convert(CSV_FILTER, join(dir, 'csv'));
    for (const f of readdirSync(join(dir, 'csv'))) sheets.set(f.replace(/^tables-|\.csv$/g, ''), parseCsv(readFileSync(join(dir, 'csv', f), 'utf8')));
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('converts every sheet to CSV', () => {
    expect([...sheets.keys()].sort()).toEqual([...Array.from({ length: 11 }, (_, i) => `表${i + 1}`), '绩效目标表'].sort());
  });

  for (let n = 1; n <= 11; n++)
    it(`表${n}: the CSV holds the HTML table's cells`, () => {
      const csv = sheets.get(`表${n}`)!;
      const table = doc.blocks.find((b) => b.kind === 'table' && b.within.includes(`table-${n}`));
      if (table?.kind !== 'table') throw new Error(`no table-${n}`);
      for (const { cell, row, col } of place(table.rows)) {
        const line = csv[2 + row] ?? [];
        if (row === 0) expect(`${line[0]} ${line.at(-1)}`).toBe(cell.text); // 编制单位 … 单位：万元
        else expect(line[col] ?? '', `表${n}!${address(2 + row, col)}`).toBe(cell.text);
      }
    });

  it('prints to PDF without error, every table in it', () => {
    convert('pdf', join(dir, 'pdf'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'pdf', 'tables.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const t of loadTableLayouts().tables) expect(text).toContain(t.title.replace(/\s+/g, ''));
    expect(text).toContain('335.37');
  }, 180_000);
});
