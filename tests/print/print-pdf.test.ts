import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdf, type PdfMeta, type PrintResult } from '../../src/print/index.js';
import { SAMPLE, sampleHtml } from './fixtures/sample-html.js';
import { readLang, readOutline } from './helpers/pdf-catalog.js';
import { expectOnlyBundledFonts, pageText, pdfInfo, type PdfInfo } from './helpers/poppler.js';

const PRINT_CSS = fileURLToPath(new URL('../../templates/print.css', import.meta.url));

const META: PdfMeta = {
  title: SAMPLE.title,
  author: '某某市某某局',
  subject: '单位预算公开',
  keywords: ['单位预算', '预算公开', '2025'],
  date: new Date('2025-02-10T09:30:00+08:00'),
  lang: 'zh-CN',
};

const noSpace = (text: string): string => text.replace(/\s+/g, '');
/** The temporary folder this file's print uses: its own, so other tests' browsers cannot show in it. */
let privateTmp: string;
const profileDirs = (): string[] => readdirSync(privateTmp).filter((name) => name.startsWith('yusuan-chromium-'));

// No skip when Chromium is missing: the suite then fails with findChromium's message, since a
// skipped PDF test would let a broken PDF stage pass.
describe('printPdf with Chromium', () => {
  let dir: string;
  let file: string;
  let result: PrintResult;
  let info: PdfInfo;
  let profilesBefore: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-print-test-'));
    file = join(dir, 'sample.pdf');
    privateTmp = mkdtempSync(join(tmpdir(), 'yusuan-print-tmp-'));
    const tmp = process.env['TMPDIR'];
    process.env['TMPDIR'] = privateTmp;
    try {
      profilesBefore = profileDirs();
      result = await printPdf(sampleHtml(PRINT_CSS), { meta: META });
    } finally {
      if (tmp === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = tmp;
    }
    writeFileSync(file, result.pdf);
    info = pdfInfo(file);
  }, 30_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (privateTmp) rmSync(privateTmp, { recursive: true, force: true });
  });

  const landscapePages = (): number[] =>
    info.pages.flatMap((page, i) => (page.width > page.height ? [i + 1] : []));

  it('prints A4 pages, portrait for prose and landscape for the wide table', () => {
    for (const page of info.pages) {
      const [short, long] = [page.width, page.height].sort((a, b) => a - b);
      expect(short).toBeCloseTo(595, -0.3);
      expect(long).toBeCloseTo(842, -0.3);
    }
    const landscape = landscapePages();
    expect(landscape.length).toBeGreaterThanOrEqual(2);
    expect(info.pages[0]!.width).toBeLessThan(info.pages[0]!.height);
    expect(info.pages.at(-1)!.width).toBeLessThan(info.pages.at(-1)!.height);
    // The landscape pages are one run: the table's section.
    expect(landscape.at(-1)! - landscape[0]! + 1).toBe(landscape.length);
  });

  it('is tagged and carries the document information', () => {
    const fields = info.fields;
    const isoDate = META.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(fields.get('Tagged')).toBe('yes');
    expect(fields.get('Title')).toBe(META.title);
    expect(fields.get('Author')).toBe(META.author);
    expect(fields.get('Subject')).toBe(META.subject);
    expect(fields.get('Keywords')).toBe(META.keywords.join(' '));
    expect(fields.get('Creator')).toBe('yusuan');
    expect(fields.get('Producer')).toBe('yusuan');
    expect(fields.get('CreationDate')).toBe(isoDate);
    expect(fields.get('ModDate')).toBe(isoDate);
  });

  it('sets the catalog language', async () => {
    expect(await readLang(result.pdf)).toBe('zh-CN');
  });

  it('embeds only subsets of the bundled Noto fonts', () => {
    expectOnlyBundledFonts(file);
  });

  it('repeats the table header rows on every page the table spans', () => {
    for (const page of landscapePages()) {
      const text = pageText(file, page);
      for (const header of SAMPLE.tableHeader) expect(text, `page ${page}`).toContain(header);
    }
  });

  it('numbers every page "第 N 页 共 M 页"', () => {
    const total = info.pages.length;
    for (let page = 1; page <= total; page++) {
      expect(pageText(file, page), `page ${page}`).toContain(`第${page}页共${total}页`);
    }
  });

  it('prints the running header on every page but the first, in the bundled font', () => {
    expect(pageText(file, 1)).not.toContain(SAMPLE.header);
    for (let page = 2; page <= info.pages.length; page++) {
      // The whole header: a glyph missing from the loaded font chunks would drop out of the text.
      expect(pageText(file, page), `page ${page}`).toContain(SAMPLE.header);
    }
  });

  it('builds the outline from the h1 and h2 headings', async () => {
    const outline = await readOutline(result.pdf);
    expect(outline.map((item) => noSpace(item.title))).toEqual(SAMPLE.parts.map(noSpace));
    expect(outline[0]!.children.map((item) => noSpace(item.title))).toEqual(SAMPLE.part1Sections.map(noSpace));
    expect(outline[1]!.children.map((item) => noSpace(item.title))).toEqual([noSpace(SAMPLE.tableHeading)]);
  });

  it('blocks and reports external and foreign local requests', () => {
    expect([...result.blockedRequests].sort()).toEqual([...SAMPLE.blockedUrls].sort());
  });

  it('runs no script from the document', () => {
    const all = info.pages.map((_, i) => pageText(file, i + 1)).join('');
    expect(all).not.toContain(SAMPLE.scriptMarker);
  });

  it('removes the temporary browser profile', () => {
    expect(profileDirs().filter((name) => !profilesBefore.includes(name))).toEqual([]);
  });
});
