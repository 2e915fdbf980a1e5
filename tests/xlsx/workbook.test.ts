// build --format xlsx: every sheet holds its HTML table cell for cell (headers included), with the same
// merges, figures as 0.00-formatted numbers, and the same bytes from the same data.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { produce, type RenderedDocument } from '../../src/index.js';
import type { Block, Cell } from '../../src/render/html-blocks.js';
import { address, height, place } from '../helpers/html-grid.js';
import { loadTableLayouts } from '../../src/tables/index.js';
import { writeXlsx } from '../../src/xlsx/index.js';
import { REFERENCE_DATA } from '../helpers/reference.js';

const COUNTY = fileURLToPath(new URL('../fixtures/golden/county-bureau/data.yaml', import.meta.url));
const layouts = loadTableLayouts();

function shown(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value.toFixed(2);
  return String(value);
}

async function readBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Checks a sheet's cells from `top` against an HTML table's; returns the row after it. */
function expectTable(ws: ExcelJS.Worksheet, table: Cell[][], top: number, skipMeta: boolean): number {
  const merges = new Set((ws.model as unknown as { merges: string[] }).merges);
  const placed = place(table);
  for (const { cell, row, col } of placed) {
    const r = top + row;
    const at = ws.getCell(r + 1, col + 1);
    if (skipMeta && row === 0) {
      // The meta row is one HTML cell of two spans; the sheet has 编制单位 left and 单位 in the last column.
      const last = ws.getCell(r + 1, cell.colspan).value;
      expect(`${shown(at.value)} ${shown(last)}`, `meta row ${address(r, col)}`).toBe(cell.text);
      continue;
    }
    expect(shown(at.value), `${ws.name}!${address(r, col)}`).toBe(cell.text);
    // A figure cell (the performance table's weight is text as typed, though drawn as a figure).
    if (cell.num && /^-?\d+\.\d\d$/.test(cell.text)) {
      expect(typeof at.value, `${ws.name}!${address(r, col)} is a number`).toBe('number');
      expect(at.numFmt).toBe('0.00');
    }
    if (cell.colspan > 1 || cell.rowspan > 1)
      expect(merges.has(`${address(r, col)}:${address(r + cell.rowspan - 1, col + cell.colspan - 1)}`), `${ws.name}: merge at ${address(r, col)}`).toBe(true);
  }
  // No merge the HTML lacks: as many merges start in the table's rows (the meta row aside) as cells span.
  const first = top + (skipMeta ? 1 : 0);
  const inside = [...merges].filter((m) => {
    const row = Number(/\d+/.exec(m)![0]) - 1;
    return row >= first && row < top + height(placed);
  });
  expect(inside.length, `${ws.name}: merges`).toBe(placed.filter((p) => p.row + top >= first && (p.cell.colspan > 1 || p.cell.rowspan > 1)).length);
  return top + height(placed);
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe.each([
  ['reference', REFERENCE_DATA],
  ['county-bureau', COUNTY],
])('xlsx of %s', (_, file) => {
  let doc: RenderedDocument;
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;
  const blocksIn = (id: string): Block[] => doc.blocks.filter((b) => b.within.includes(id));

  beforeAll(async () => {
    doc = produce(file).document!;
    bytes = await writeXlsx(doc.view, layouts, 'title');
    wb = await readBook(bytes);
  });

  it('has one sheet a table, then one a project', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 11)).toEqual(Array.from({ length: 11 }, (_, i) => `表${i + 1}`));
    expect(names.length).toBe(11 + doc.view.part3.performance.length);
  });

  for (let n = 1; n <= 11; n++)
    it(`表${n} equals the HTML table cell for cell`, () => {
      const ws = wb.getWorksheet(`表${n}`)!;
      const blocks = blocksIn(`table-${n}`);
      const heading = blocks.find((b) => b.kind === 'heading')!;
      expect(squash(`${shown(ws.getCell('A1').value)}${shown(ws.getCell('A2').value)}`)).toBe(squash(heading.kind === 'heading' ? heading.text : ''));
      const table = blocks.find((b) => b.kind === 'table');
      if (table?.kind !== 'table') throw new Error(`no table in table-${n}`);
      const after = expectTable(ws, table.rows, 2, true);
      const sentence = blocks.find((b) => b.kind === 'paragraph');
      if (sentence?.kind === 'paragraph') expect(shown(ws.getCell(after + 1, 1).value)).toBe(sentence.text);
      else expect(ws.getCell(after + 1, 1).value ?? null).toBe(null);
      expect(ws.actualRowCount).toBe(after + (sentence ? 1 : 0));
    });

  it('each performance sheet equals its HTML tables', () => {
    doc.view.part3.performance.forEach((_, i) => {
      const ws = wb.worksheets[11 + i]!;
      const blocks = blocksIn(`performance-${i + 1}`);
      const tables = blocks.filter((b) => b.kind === 'table');
      expect(tables.length).toBe(2);
      expect(shown(ws.getCell('A1').value)).toBe(blocks.find((b) => b.kind === 'heading')!.kind === 'heading' ? (blocks[0] as { text: string }).text : '');
      let top = 2;
      for (const t of tables) if (t.kind === 'table') top = expectTable(ws, t.rows, top, false);
      expect(ws.actualRowCount).toBe(top);
    });
  });

  it('freezes the header and repeats it on every printed page, A4 fitted to one page wide', () => {
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    }
    const t2 = wb.getWorksheet('表2')!;
    expect(t2.pageSetup.orientation).toBe('landscape');
    expect(wb.getWorksheet('表3')!.pageSetup.orientation).toBe('portrait');
    expect(t2.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 }); // title, 表, meta, 2 header rows, ※ row
    expect(t2.pageSetup.printTitlesRow).toBe('3:6');
  });

  it('writes the same bytes for the same data, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-07-15T12:34:56Z') });
    try {
      const again = await writeXlsx(doc.view, layouts, 'title');
      expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    expect(wb.creator).toBe('yusuan');
    expect(wb.created.toISOString().slice(0, 10)).toBe(doc.view.unit.published.iso);
  });
});

describe('xlsx figures and text', () => {
  it('shows each figure as the published cell: rounded half-up to 0.01, blank for zero, bold totals', async () => {
    const doc = produce(REFERENCE_DATA).document!;
    const wb = await readBook(await writeXlsx(doc.view, layouts, 't'));
    const t6 = wb.getWorksheet('表6')!;
    const row = (name: string) => t6.getRows(1, t6.rowCount)!.find((r) => r.getCell(3).value === name)!;
    expect(row('基本工资').getCell(4).value).toBe(56.92); // 30101: 56.917
    expect(row('工资福利支出').getCell(4).value).toBe(212.45); // the 类 subtotal as published
    expect(row('基本工资').getCell(6).value).toBe(null); // 公用经费 is zero: blank
    const total = t6.getRow(8);
    expect(total.getCell(1).value).toBe('总计');
    expect(total.getCell(1).font.bold).toBe(true);
    expect(total.getCell(4).font.bold).toBe(true);
  });

  it('never turns text starting with = + - @ into a formula', async () => {
    const doc = produce(REFERENCE_DATA).document!;
    const hostile = ['=HYPERLINK("http://x","y")', '+1+2', '-3', '@SUM(A1)'];
    const p = { ...doc.view.part3.performance[0]!, project: hostile[1]!, manager: hostile[2]!, goal: hostile[3]! };
    const view = { ...doc.view, unit: { ...doc.view.unit, name: hostile[0]! }, part3: { ...doc.view.part3, performance: [p] } };
    const bytes = await writeXlsx(view, layouts, 't');
    const wb = await readBook(bytes);
    const values = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().filter((v) => v !== undefined && v !== null));
    for (const h of hostile) expect(values.some((v) => typeof v === 'string' && v.includes(h))).toBe(true);
    expect(values.some((v) => typeof v === 'object')).toBe(false); // no {formula} cell anywhere
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});
