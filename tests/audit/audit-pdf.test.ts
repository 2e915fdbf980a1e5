// audit of yusuan's own PDF and HTML of the reference: printed once with the real printer, then a
// copy of the HTML with changed figures, shares, rates and direction words printed again; each change
// is found on the page it was printed on. Skipped only where no Chromium is installed.
import { describe, expect, it, beforeAll } from 'vitest';
import { pdfMeta } from '../../src/build.js';
import { auditDoc } from '../../src/audit/index.js';
import { compute, loadText, render } from '../../src/index.js';
import { printPdf } from '../../src/print/index.js';
import { htmlLines } from '../../src/published/lines-html.js';
import { readPublished, readLines } from '../../src/published/read.js';
import type { PublishedDoc } from '../../src/published/model.js';
import { readFileSync } from 'node:fs';
import { REFERENCE_DATA } from '../helpers/reference.js';
import { hasChromium } from '../helpers/chromium.js';


const view = compute(loadText(readFileSync(REFERENCE_DATA, 'utf8'), REFERENCE_DATA).data!);
const html = render(view).html;

/** Changes to the rendered HTML, the code each must raise, and a text on the page it must be reported on. */
const HTML_MUTATIONS: { name: string; find: string; replace: string; code: string; pageOf: string }[] = [
  { name: 'table 6 item', find: '>56.92<', replace: '>58.92<', code: 'AUDIT_SUM', pageOf: '一般公共预算基本支出情况表' },
  { name: 'a share', find: '占 80.62%', replace: '占 81.62%', code: 'AUDIT_SHARE', pageOf: '三、关于' },
  { name: 'a rate', find: '16.49%', replace: '15.49%', code: 'AUDIT_RATE', pageOf: '15.49%' },
  { name: 'a direction word', find: '增长 7.02%', replace: '下降 7.02%', code: 'AUDIT_DIRECTION', pageOf: '下降7.02%' },
  { name: '三公 in the text', find: '公务用车运行费 0.70 万元', replace: '公务用车运行费 0.80 万元', code: 'AUDIT_TEXT_TABLE', pageOf: '公务用车运行费0.80万元' },
];

function mutateHtml(source: string): string {
  let out = source;
  for (const m of HTML_MUTATIONS) {
    const at = out.indexOf(m.find);
    if (at < 0) throw new Error(`not in the HTML: ${m.find}`);
    out = out.slice(0, at) + m.replace + out.slice(at + m.find.length);
  }
  return out;
}

/** The page of a PDF document on which a (whitespace-free) text first occurs. */
function pageOf(doc: PublishedDoc, text: string): number {
  const line = doc.lines.find((l) => l.text.replace(/\s+/g, '').includes(text.replace(/\s+/g, '')));
  return line?.page ?? -1;
}

describe('audit of yusuan\'s HTML of the reference', () => {
  it('reports the table 6 rounding as notes and no error', () => {
    const { lines, pages } = htmlLines(html);
    const findings = auditDoc(readLines('reference.html', 'html', lines, pages));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['AUDIT_ROUNDING', 'note'],
      ['AUDIT_ROUNDING', 'note'],
    ]);
  });

  it('finds each change made to a copy of the HTML', () => {
    const { lines, pages } = htmlLines(mutateHtml(html));
    const codes = auditDoc(readLines('changed.html', 'html', lines, pages)).filter((f) => f.severity === 'error').map((f) => f.code);
    for (const m of HTML_MUTATIONS) expect(codes).toContain(m.code);
  });
});

describe.skipIf(!hasChromium)('audit of yusuan\'s PDF of the reference', () => {
  let original: PublishedDoc;
  let changed: PublishedDoc;
  beforeAll(async () => {
    const print = async (h: string, name: string) => readPublished(name, (await printPdf(h, { meta: pdfMeta(view, h) })).pdf);
    original = await print(html, 'reference.pdf');
    changed = await print(mutateHtml(html), 'changed.pdf');
  });

  it('reads the PDF as it reads the text: eleven tables, the same figures', () => {
    expect(original.kind).toBe('pdf');
    expect(original.tables.map((t) => t.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(original.mentions.length).toBeGreaterThan(50);
  });

  it('reports the table 6 rounding as notes and no error, on the page of table 6', () => {
    const findings = auditDoc(original);
    expect(findings.map((f) => [f.code, f.severity, f.page])).toEqual([
      ['AUDIT_ROUNDING', 'note', pageOf(original, '一般公共预算基本支出情况表')],
      ['AUDIT_ROUNDING', 'note', pageOf(original, '一般公共预算基本支出情况表')],
    ]);
  });

  it.each(HTML_MUTATIONS)('finds $name ($code) on its page', (m) => {
    const findings = auditDoc(changed).filter((f) => f.severity === 'error' && f.code === m.code);
    const page = pageOf(changed, m.pageOf);
    expect(page).toBeGreaterThan(0);
    expect(findings.map((f) => f.page)).toContain(page);
  });
});
