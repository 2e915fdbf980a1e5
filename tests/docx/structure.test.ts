// build --format docx: the reference as a Word file — the parts as Heading 1 and every heading at its
// level, every paragraph of the HTML in order, one Word table per HTML table holding its cells (merges
// included), repeated header rows, landscape sections where the layout says, A4 and the PDF's
// margins, the page-number fields and the running header, the fonts named with their fall-backs.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfMeta } from '../../src/build.js';
import { writeDocx } from '../../src/docx/index.js';
import { produce, type RenderedDocument } from '../../src/index.js';
import { loadTableLayouts } from '../../src/tables/index.js';
import { asHtmlCells, body, sections, type BodyItem } from '../helpers/docx-xml.js';
import { place } from '../helpers/html-grid.js';
import { REFERENCE_DATA } from '../helpers/reference.js';
import { entryText, unzip } from '../helpers/unzip.js';

const COUNTY = fileURLToPath(new URL('../fixtures/golden/county-bureau/data.yaml', import.meta.url));
const PLACEHOLDER = fileURLToPath(new URL('../fixtures/bad/placeholder/data.yaml', import.meta.url));
const layouts = loadTableLayouts();

async function docx(file: string): Promise<{ doc: RenderedDocument; parts: Map<string, string> }> {
  const doc = produce(file).document!;
  const zip = unzip(await writeDocx(doc, layouts, pdfMeta(doc.view, doc.html)));
  return { doc, parts: new Map([...zip.keys()].map((k) => [k, entryText(zip, k)])) };
}

describe.each([
  ['reference', REFERENCE_DATA],
  ['county-bureau', COUNTY],
])('docx of %s', (_, file) => {
  let doc: RenderedDocument;
  let xml: string;
  let items: BodyItem[];
  const tables = () => items.flatMap((i) => (i.kind === 'table' ? [i] : []));
  const texts = () => items.flatMap((i) => (i.kind === 'paragraph' && i.p.text !== '' ? [i.p] : []));

  beforeAll(async () => {
    const built = await docx(file);
    doc = built.doc;
    xml = built.parts.get('word/document.xml')!;
    items = body(xml);
  });

  it('has the four parts as Heading 1, in order', () => {
    const parts = texts().filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(parts.map((t) => t.slice(0, 4))).toEqual(['第一部分', '第二部分', '第三部分', '第四部分']);
    expect(parts).toEqual(doc.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : [])));
  });

  it('has every heading, paragraph and signature line of the HTML, in order, headings at their level', () => {
    const expected = doc.blocks.flatMap((b) => (b.kind === 'heading' ? [`Heading${b.level} ${b.text}`] : b.kind === 'paragraph' ? [b.text] : []));
    const actual = texts().map((p) => (p.style?.startsWith('Heading') ? `${p.style} ${p.text}` : p.text.replace(/\s+/g, ' ').trim()));
    expect(actual).toEqual(expected);
    expect(texts().filter((p) => p.style === 'Heading2').length).toBeGreaterThanOrEqual(11 + 12);
    expect(texts().at(-1)).toMatchObject({ style: 'Signature' });
    expect(texts().at(-2)).toMatchObject({ style: 'Signature', text: doc.view.unit.name });
  });

  it('has one Word table for each HTML table, each holding the HTML cells, merges and figures as shown', () => {
    const html = doc.blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
    expect(tables().length).toBe(html.length);
    expect(tables().length).toBe(11 + 2 * doc.view.part3.performance.length);
    html.forEach((h, t) => {
      const word = asHtmlCells(tables()[t]!.rows);
      const where = h.within.at(-1);
      const placed = place(word);
      const expected = place(h.rows);
      if (h.rows[0]!.length === 1 && h.rows[0]![0]!.text.startsWith('编制单位')) {
        // The 编制单位 … 单位：万元 line is one HTML cell of two spans; Word has the unit in the last column.
        expect(word[0]!.map((c) => c.text).join(' '), `${where} meta row`).toBe(h.rows[0]![0]!.text);
        placed.splice(0, word[0]!.length);
        expected.splice(0, 1);
      }
      expect(
        placed.map(({ cell, row, col }) => ({ text: cell.text, row, col, colspan: cell.colspan, rowspan: cell.rowspan })),
        where,
      ).toEqual(expected.map(({ cell, row, col }) => ({ text: cell.text, row, col, colspan: cell.colspan, rowspan: cell.rowspan })));
      // Figures right-aligned, as the HTML's class="num" (the performance weight is text there and here).
      for (const [i, { cell }] of expected.entries()) if (cell.num && /^-?\d+\.\d\d$/.test(cell.text)) expect(placed[i]!.cell.align, `${where} ${cell.text}`).toBe('right');
    });
  });

  it("merges table 2's header cells as the layout says (gridSpan across, vMerge down)", () => {
    const t2 = tables()[doc.blocks.filter((b) => b.kind === 'table').findIndex((b) => b.within.includes('table-2'))]!;
    const head = t2.rows[1]!.cells;
    expect(head.find((c) => c.text === '功能分类科目编码')).toMatchObject({ gridSpan: 3 });
    expect(head.find((c) => c.text === '财政拨款（补助）')).toMatchObject({ gridSpan: 7 });
    expect(head.find((c) => c.text === '功能分类科目名称')).toMatchObject({ vMerge: 'restart' });
    expect(t2.rows[2]!.cells.filter((c) => c.vMerge === 'continue').length).toBe(6); // 名称, 总计 and 4 more down two rows
  });

  it('repeats the 编制单位 line, the header and the ※ row on every page of a table, and nothing else', () => {
    for (const layout of layouts.tables.filter((l) => l.no !== null)) {
      const t = tables()[doc.blocks.filter((b) => b.kind === 'table').findIndex((b) => b.within.includes(`table-${layout.no}`))]!;
      const repeated = 1 + layout.header.length + (layout.column_numbers ? 1 : 0);
      expect(t.rows.map((r) => r.header), `表${layout.no}`).toEqual(t.rows.map((_, i) => i < repeated));
    }
    const perf = tables().filter((t) => t.xml.includes('一级指标'));
    expect(perf.length).toBe(doc.view.part3.performance.length);
    for (const t of perf) expect(t.rows.map((r) => r.header)).toEqual(t.rows.map((_, i) => i === 0));
  });

  it('prints the wide tables on landscape A4 sections, with the PDF margins', () => {
    const s = sections(xml);
    const landscape = s.filter((x) => x.orient === 'landscape');
    const wide = layouts.tables.filter((l) => l.no !== null && l.orientation === 'landscape').length;
    expect(landscape.length).toBe(wide + doc.view.part3.performance.length);
    for (const x of landscape) expect([x.w, x.h, x.margin.top, x.margin.left]).toEqual([16838, 11906, 1587, 1134]);
    for (const x of s.filter((y) => y.orient === 'portrait')) expect([x.w, x.h, x.margin.top, x.margin.right, x.margin.bottom, x.margin.left]).toEqual([11906, 16838, 1417, 1134, 1247, 1587]);
  });
});

describe('docx page furniture, fonts and placeholders', () => {
  let parts: Map<string, string>;
  let doc: RenderedDocument;
  beforeAll(async () => ({ doc, parts } = await docx(REFERENCE_DATA)));

  const footers = () => [...parts.entries()].filter(([k]) => /^word\/footer\d+\.xml$/.test(k)).map(([, v]) => v);
  const headers = () => [...parts.entries()].filter(([k]) => /^word\/header\d+\.xml$/.test(k)).map(([, v]) => v);

  it('numbers the pages 第 N 页 共 M 页 with PAGE and NUMPAGES fields', () => {
    expect(footers().length).toBeGreaterThan(0);
    for (const f of footers()) {
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(f).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
      const text = [...f.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
      expect(text).toBe('第 | 页 共 | 页');
    }
  });

  it('runs the unit and year across the top of every page but the first, as the PDF', () => {
    const xml = parts.get('word/document.xml')!;
    const first = sections(xml)[0]!;
    expect(first.titlePage).toBe(true);
    const texts = headers().map((h) => [...h.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    expect(texts.sort()).toEqual(['', `${doc.view.unit.name} ${doc.view.unit.year} 年单位预算公开`]);
    // Later sections name no header of their own: they carry on the first section's.
    expect(sections(xml).slice(1).every((s) => !s.xml.includes('headerReference'))).toBe(true);
  });

  it('names Noto Serif SC for the body and Noto Sans SC for headings, with 宋体 and 黑体 as their fall-backs', () => {
    const styles = parts.get('word/styles.xml')!;
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="Noto Serif SC"/);
    expect(defaults).toMatch(/<w:rFonts [^>]*w:ascii="Noto Serif SC"/);
    for (const id of ['Heading1', 'Heading2', 'Heading3']) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)![0];
      expect(style).toMatch(/<w:rFonts [^>]*w:eastAsia="Noto Sans SC"/);
      expect(style).toMatch(/<w:outlineLvl w:val="\d"\/>/);
    }
    const fonts = parts.get('word/fontTable.xml')!;
    expect(fonts).toContain('<w:font w:name="Noto Serif SC"><w:altName w:val="宋体"/><w:charset w:val="86"/>');
    expect(fonts).toContain('<w:font w:name="Noto Sans SC"><w:altName w:val="黑体"/><w:charset w:val="86"/>');
  });

  it("highlights a draft's 【待填写：…】 in yellow, in the prose and the tables", async () => {
    const { parts } = await docx(PLACEHOLDER);
    const items = body(parts.get('word/document.xml')!);
    const marked = items.flatMap((i) => (i.kind === 'paragraph' ? i.p.highlighted : [])).concat(items.flatMap((i) => (i.kind === 'table' ? [...i.xml.matchAll(/<w:highlight w:val="yellow"\/>[\s\S]*?<w:t[^>]*>([^<]*)</g)].map((m) => m[1]!) : [])));
    expect(marked.length).toBeGreaterThan(0);
    for (const m of marked) expect(m).toMatch(/^【待填写[：:][^】]*】$/);
    expect(marked).toContain('【待填写：增减原因】');
  });
});
