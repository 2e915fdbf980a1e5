// audit on the published reference text: only the document's own rounding (table 6's 301 printed
// 212.45 against its items' 212.46, and the totals that follow), as notes; and each change made to a
// copy of the text is found, on the page it was made on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditDoc } from '../../src/audit/index.js';
import { textLines } from '../../src/published/lines-text.js';
import { readLines } from '../../src/published/read.js';
import { REFERENCE_FILE } from '../helpers/reference.js';
import { mutate, TEXT_MUTATIONS } from './mutations.js';

const REFERENCE = readFileSync(REFERENCE_FILE, 'utf8');
const audit = (text: string) => {
  const { lines, pages } = textLines(text);
  return auditDoc(readLines('reference.txt', 'text', lines, pages));
};

describe('audit of the published reference text', () => {
  const findings = audit(REFERENCE);

  it('reads all four parts, eleven tables and Part 3 figures', () => {
    const { lines, pages } = textLines(REFERENCE);
    const doc = readLines('reference.txt', 'text', lines, pages);
    expect(doc.parts.map((p) => p.no)).toEqual([1, 2, 3, 4]);
    expect(doc.tables.map((t) => t.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(doc.tables.find((t) => t.no === 2)!.rows).toHaveLength(16); // across its two pages
    expect(doc.overview.staffing).toMatchObject({ quota: 14, actual: 22 });
    const basic = doc.mentions.find((m) => m.section === 3 && m.subject === '基本支出')!;
    expect(basic).toMatchObject({ amount: { text: '270.37' }, share: { text: '80.62' }, change: { word: '减少', fig: { text: '6.23' } }, rate: { word: '下降', fig: { text: '2.25' } }, page: 15 });
    expect(basic.reason).toMatch(/^人员减少/);
  });

  it('reports the document\'s own rounding in table 6 as notes, and no error', () => {
    expect(findings.filter((f) => f.severity !== 'note')).toEqual([]);
    expect(findings.map((f) => [f.code, f.page, f.quote])).toEqual([
      ['AUDIT_ROUNDING', 8, '总计 270.37 257.19 13.18'],
      ['AUDIT_ROUNDING', 8, '301 工资福利支出 212.45 212.45'],
    ]);
    expect(findings[1]!.message).toContain('212.46');
    expect(findings[0]!.message).toContain('270.36');
  });
});

describe('a change to a copy of the reference text is found on its page', () => {
  it.each(TEXT_MUTATIONS)('$name → $code on p.$page', (m) => {
    const found = audit(mutate(REFERENCE, m));
    const hit = found.filter((f) => f.code === m.code && f.page === m.page);
    expect(hit.map((f) => f.severity)).toContain(m.severity ?? 'error');
    if (m.severity === 'note') expect(found.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
