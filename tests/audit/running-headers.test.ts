// Running headers and footers (the unit name / document title atop each page, `第 N 页 共 M 页` at its
// foot) are dropped by the text reader as by the PDF reader, before sentences are joined. In
// `pdftotext -layout` of yusuan's PDF of the reference a page break falls inside 事业单位医疗's
// `主要 / 原因是…`; with header and footer between the halves the reason was lost (a false
// AUDIT_NO_REASON), and in the hospital example a header landed in a share's label. Skipped without Chromium.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDoc } from '../../src/audit/index.js';
import { textLines } from '../../src/published/lines-text.js';
import { readLines } from '../../src/published/read.js';
import { hasChromium } from '../helpers/chromium.js';
import { printedText } from '../helpers/printed-text.js';
import { REFERENCE_DATA } from '../helpers/reference.js';

const HOSPITAL = join(import.meta.dirname, '../../examples/2025-county-hospital.yaml');

const audit = (text: string) => {
  const { lines, pages } = textLines(text);
  const doc = readLines('layout.txt', 'text', lines, pages);
  return { doc, findings: auditDoc(doc) };
};

async function layoutText(data: string): Promise<string> {
  return (await printedText(data)).layout;
}

describe('running headers and footers in text with form feeds', () => {
  const page = (n: number, body: string) => `   某单位 2024 年单位预算公开\n\n${body}\n\n        第 ${n} 页 共 3 页\n`;
  it('are dropped, and a sentence broken by the page joins up', () => {
    const text = [page(1, '甲'), page(2, '基本支出 1.00 万元，比上年预算减少 0.10 万元。主要'), page(3, '原因是人员减少。')].join('\f');
    const { lines } = textLines(text);
    expect(lines.map((l) => l.text)).toEqual(['甲', '基本支出 1.00 万元，比上年预算减少 0.10 万元。主要', '原因是人员减少。']);
    expect(lines.map((l) => l.page)).toEqual([1, 2, 3]);
  });
  it('a line repeated on few pages, or not at a page edge, stays', () => {
    const text = ['标题\n甲', '乙\n标题\n丙', '丁', '戊'].join('\n\f');
    expect(textLines(text).lines.map((l) => l.text)).toEqual(['标题', '甲', '乙', '标题', '丙', '丁', '戊']);
  });
});

describe.skipIf(!hasChromium)('pdftotext -layout of yusuan’s PDFs', () => {
  let reference: string;
  let hospital: string;
  beforeAll(async () => {
    reference = await layoutText(REFERENCE_DATA);
    hospital = await layoutText(HOSPITAL);
  }, 180_000);

  it('the reference: its two rounding notes and no error; 事业单位医疗 keeps the reason across the page break', () => {
    const { doc, findings } = audit(reference);
    expect(findings.map((f) => [f.code, f.severity, f.page])).toEqual([
      ['AUDIT_ROUNDING', 'note', 8],
      ['AUDIT_ROUNDING', 'note', 8],
    ]);
    const m = doc.mentions.find((x) => x.subject.includes('事业单位医疗（项）') && x.change?.fig.text === '0.71');
    expect(m?.page).toBe(16);
    expect(m?.reason).toMatch(/^在职人员减少1人/);
    expect(doc.part3.text).not.toMatch(/单位预算公开|第\d+页共\d+页/);
  });

  it('the hospital example: no header in a share’s label', () => {
    const { doc, findings } = audit(hospital);
    expect(findings.filter((f) => f.severity !== 'note')).toEqual([]);
    const leaked = findings.filter((f) => /单位预算公开|第\d+页/.test(f.message));
    expect(leaked).toEqual([]);
    expect(doc.mentions.filter((m) => /单位预算公开|第\d+页/.test(m.subject))).toEqual([]);
  });
});
