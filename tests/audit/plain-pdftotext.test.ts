// Plain `pdftotext` (without -layout) of yusuan's PDF of the hospital example gives every table's cells
// out of row order: audit reports one AUDIT_TABLE_UNORDERED warning per such table and no sum, no
// table-against-table or text-against-table error. Part 3's checks against itself (shares, rates,
// direction words) do not read the tables and still find a change made to the prose. `pdftotext
// -layout` of the same PDF keeps rows in order and gives no such warning. Skipped without Chromium.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDoc } from '../../src/audit/index.js';
import { textLines } from '../../src/published/lines-text.js';
import { readLines } from '../../src/published/read.js';
import { outOfOrder, rowOrder } from '../../src/published/row-order.js';
import { hasChromium } from '../helpers/chromium.js';
import { printedText } from '../helpers/printed-text.js';

const HOSPITAL = join(import.meta.dirname, '../../examples/2025-county-hospital.yaml');

const audit = (text: string) => {
  const { lines, pages } = textLines(text);
  const doc = readLines('hospital.txt', 'text', lines, pages);
  return { doc, findings: auditDoc(doc) };
};

/** Changes to Part 3's prose, each found by a check that reads the text alone. */
const PROSE_MUTATIONS = [
  { name: 'a share', find: '占 12.73%', replace: '占 13.73%', code: 'AUDIT_SHARE' },
  { name: 'an amount against its share', find: '一般公共预算 3049.30 万元', replace: '一般公共预算 3149.30 万元', code: 'AUDIT_SHARE' },
  { name: 'a rate', find: '增长 3.85%', replace: '增长 4.85%', code: 'AUDIT_RATE' },
  { name: 'a direction word', find: '6.80 万元，下降 7.36%，主要', replace: '6.80 万元，增长 7.36%，主要', code: 'AUDIT_DIRECTION' },
];

describe.skipIf(!hasChromium)('audit of plain pdftotext of yusuan’s PDF', () => {
  let plain: string;
  let layout: string;
  beforeAll(async () => {
    ({ plain, layout } = await printedText(HOSPITAL));
  }, 120_000);

  it('reports each table with figures as out of row order, and no error', () => {
    const { doc, findings } = audit(plain);
    const unordered = findings.filter((f) => f.code === 'AUDIT_TABLE_UNORDERED');
    // Tables 9 and 11 are empty: nothing to misplace.
    expect(unordered.map((f) => f.message.match(/表 (\d+)（/)?.[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '10']);
    for (const f of unordered) {
      expect(f.severity).toBe('warning');
      expect(f.page).toBe(doc.tables.find((t) => t.title === f.quote)?.page);
      expect(f.message).toContain('pdftotext -layout');
    }
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.code !== 'AUDIT_TABLE_UNORDERED').map((f) => f.code)).toEqual(['AUDIT_ROUNDING', 'AUDIT_ROUNDING']);
  });

  it('the same PDF through pdftotext -layout: rows in order, no warning', () => {
    const { findings } = audit(layout);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['AUDIT_ROUNDING', 'note'],
      ['AUDIT_ROUNDING', 'note'],
    ]);
  });

  for (const m of PROSE_MUTATIONS)
    it(`finds ${m.name} changed in Part 3's prose, on its page`, () => {
      expect(plain.split(m.find).length).toBe(2); // the text to change occurs once
      const { doc, findings } = audit(plain.replace(m.find, m.replace));
      const page = doc.lines.find((l) => l.text.includes(m.replace))?.page;
      expect(page).toBeGreaterThan(0);
      const errors = findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => [f.code, f.page])).toContainEqual([m.code, page]);
    });
});

describe('figures that follow no row label', () => {
  const lines = (text: string) => textLines(text).lines;
  it('a row broken by extraction, its figures on the next line, is in order', () => {
    const o = rowOrder(lines('208 社会保障和就业支出 68.52 68.52\n2130201 信息化工作\n经费\n65.00 65.00\n总计 335.37 270.37 65.00'));
    expect(o).toEqual({ figureLines: 3, orphans: 0 });
    expect(outOfOrder(o)).toBe(false);
  });
  it('figures in a block of their own, away from their labels, are not', () => {
    const o = rowOrder(lines('社会保障和就业支出\n1287.18\n1287.18\n行政事业单位养老支出\n1287.18\n1287.18\n总计\n23953.13\n22197.53\n1755.60'));
    expect(o).toEqual({ figureLines: 7, orphans: 4 });
    expect(outOfOrder(o)).toBe(true);
  });
});
