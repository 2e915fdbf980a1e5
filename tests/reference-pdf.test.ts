// The reference disclosure as a PDF, checked with poppler: A4 pages, landscape where the template puts
// a wide table, the outline, the document information, embedded subset Noto fonts with no glyph
// missing, table 2's header rows repeated on its continuation page, short names on one line, page
// numbers and the running header, and no request leaving the page. One print serves every check.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfMeta } from '../src/build.js';
import { compute, loadText, render } from '../src/index.js';
import { printPdf, type PrintResult } from '../src/print/index.js';
import { readLang, readOutline, type OutlineItem } from './print/helpers/pdf-catalog.js';
import { expectOnlyBundledFonts, pageLines, pageText, pdfInfo, type PdfInfo } from './print/helpers/poppler.js';
import { REFERENCE_DATA } from './helpers/reference.js';

const UNIT = '新疆维吾尔自治区工业和信息化厅信息中心';
const HEADER = `${UNIT}2024年单位预算公开`;
const TABLE_NAMES = [
  '单位收支总体情况表',
  '单位收入总体情况表',
  '单位支出总体情况表',
  '财政拨款收支预算总体情况表',
  '一般公共预算支出情况表',
  '一般公共预算基本支出情况表',
  '一般公共预算项目支出情况表',
  '政府性基金预算支出情况表',
  '国有资本经营预算支出情况表',
  '财政拨款“三公”经费支出情况表',
  '上年结转结余情况明细表',
];
/** Tables the template prints on landscape pages; every other page is portrait. */
const LANDSCAPE = new Set(['表2', '表4', '表7', '表11', '项目支出绩效目标表']);
/** A name up to this many characters must never wrap (the name columns hold 15 at the deepest indent). */
const SHORT_NAME = 15;

const squash = (text: string): string => text.replace(/\s+/g, '');
const decode = (text: string): string =>
  text.replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

interface Cell {
  tag: 'td' | 'th';
  classes: string[];
  text: string;
}

/** The `<section id="…">` of the rendered HTML. */
function section(html: string, id: string): string {
  const open = html.search(new RegExp(`<section[^>]*\\bid="${id}"`));
  if (open < 0) throw new Error(`no <section id="${id}">`);
  return html.slice(open, html.indexOf('</section>', open));
}

/** Rows of a piece of HTML, each as its cells. */
function rows(html: string): Cell[][] {
  return [...html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/g)].map((cell) => ({
      tag: cell[1] as 'td' | 'th',
      classes: /class="([^"]*)"/.exec(cell[2] ?? '')?.[1]?.split(/\s+/) ?? [],
      text: squash(decode((cell[3] ?? '').replace(/<[^>]*>/g, ''))),
    })),
  );
}

const isFigure = (text: string): boolean => /^-?\d[\d,]*(\.\d+)?$/.test(text);

describe('reference 2024-info-center: the PDF', () => {
  let dir: string;
  let file: string;
  let html: string;
  let result: PrintResult;
  let info: PdfInfo;
  let texts: string[];
  /** Section marker → its pages (1-based), e.g. 表2 → [3, 4]. */
  const pagesOf = new Map<string, number[]>();

  beforeAll(async () => {
    const loaded = loadText(readFileSync(REFERENCE_DATA, 'utf8'), REFERENCE_DATA);
    const view = compute(loaded.data!);
    html = render(view).html;
    result = await printPdf(html, { meta: pdfMeta(view, html) });
    dir = mkdtempSync(join(tmpdir(), 'yusuan-reference-pdf-'));
    file = join(dir, 'reference.pdf');
    writeFileSync(file, result.pdf);
    info = pdfInfo(file);
    texts = info.pages.map((_, i) => pageText(file, i + 1));
    // Each section runs from the page its title is on to the page before the next section's title.
    const markers: Array<[string, string]> = [
      ['第一部分', '第一部分'],
      ['第二部分', '第二部分'],
      ...TABLE_NAMES.map((name, i): [string, string] => [`表${i + 1}`, `表${i + 1}${name}`]),
      ['第三部分', '第三部分'],
      ['项目支出绩效目标表', '项目支出绩效目标表（2024年）'],
      ['第四部分', '第四部分'],
    ];
    const starts: number[] = [];
    for (const [key, title] of markers) {
      const from = starts.at(-1) ?? 0;
      const at = texts.findIndex((text, i) => i >= from && text.includes(title));
      if (at < 0) throw new Error(`no page holds "${title}"`);
      starts.push(at);
      pagesOf.set(key, []);
    }
    markers.forEach(([key], i) => {
      const next = starts[i + 1] ?? texts.length;
      for (let page = starts[i]!; page <= Math.max(starts[i]!, next - 1); page++) pagesOf.get(key)!.push(page + 1);
    });
  }, 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const size = (page: number) => info.pages[page - 1]!;
  const isLandscape = (page: number) => size(page).width > size(page).height;

  describe('pages', () => {
    it('are all A4', () => {
      expect(info.pages.length).toBeGreaterThan(15);
      for (const page of info.pages) {
        expect([page.width, page.height].sort((a, b) => a - b).map(Math.round)).toEqual([595, 842]);
      }
    });

    for (const [i, name] of TABLE_NAMES.entries()) {
      const key = `表${i + 1}`;
      const landscape = LANDSCAPE.has(key);
      it(`${key} ${name}: ${landscape ? 'landscape 842×595' : 'portrait 595×842'}`, () => {
        const pages = pagesOf.get(key)!;
        expect(pages.length).toBeGreaterThan(0);
        for (const page of pages) expect(isLandscape(page), `page ${page}`).toBe(landscape);
      });
    }

    it('项目支出绩效目标表: landscape 842×595', () => {
      const pages = pagesOf.get('项目支出绩效目标表')!;
      for (const page of pages) expect([size(page).width, size(page).height].map(Math.round), `page ${page}`).toEqual([842, 595]);
    });

    it('prose is portrait: Parts 1, 3 (up to the performance table) and 4', () => {
      const prose = ['第一部分', '第三部分', '第四部分'].flatMap((key) => pagesOf.get(key)!);
      expect(prose.length).toBeGreaterThanOrEqual(3);
      for (const page of prose) expect(isLandscape(page), `page ${page}`).toBe(false);
    });

    it('one table per page: each table starts a page of its own', () => {
      for (let i = 2; i <= 11; i++) expect(pagesOf.get(`表${i}`)![0], `表${i}`).toBeGreaterThan(pagesOf.get(`表${i - 1}`)!.at(-1)!);
    });
  });

  describe('tables', () => {
    it('table 2 continues onto a second page, which repeats its header rows', () => {
      const [first, next, ...rest] = pagesOf.get('表2')!;
      expect(next, 'table 2 fits one page: the suite needs a table that continues').toBeDefined();
      expect(rest).toEqual([]);
      expect(texts[next! - 1]).not.toContain('单位收入总体情况表');
      const lines = pageLines(file, next!);
      // The meta row and the ※ numbering row each print as one line.
      expect(lines).toContain(`编制单位：${UNIT}单位：万元`);
      expect(lines).toContain('※※※※123456789101112');
      // Every header cell read on the first page is on the continuation page too.
      const header = rows(section(html, 'table-2').split('</thead>')[0]!).flat();
      const onFirst = header.filter((cell) => cell.text.length > 1 && texts[first! - 1]!.includes(cell.text));
      expect(onFirst.map((cell) => cell.text)).toEqual(expect.arrayContaining(['功能分类科目编码', '功能分类科目名称', '财政拨款（补助）', '上级国有资本经营预算安排的转移支付']));
      for (const cell of onFirst) expect(texts[next! - 1], cell.text).toContain(cell.text);
    });

    it('short names stay on one line, and no row is split across pages', () => {
      let names = 0;
      let whole = 0;
      for (let n = 1; n <= 11; n++) {
        const lines = pagesOf.get(`表${n}`)!.flatMap((page) => pageLines(file, page));
        const body = rows(section(html, `table-${n}`).split('</thead>')[1] ?? '');
        const words = body.flat().filter((cell) => cell.text !== '' && !isFigure(cell.text) && !cell.classes.includes('code'));
        // Each short name is read whole on a line of its own row, as often as the table holds it.
        for (const cell of words.filter((word) => [...word.text].length <= SHORT_NAME)) {
          const times = words.filter((word) => word.text === cell.text).length;
          expect(lines.filter((line) => line.includes(cell.text)).length, `表${n}: ${cell.text}`).toBeGreaterThanOrEqual(times);
          names++;
        }
        // A row of short cells is one line, on one page.
        for (const cells of body) {
          if (cells.some((cell) => [...cell.text].length > SHORT_NAME)) continue;
          const text = cells.map((cell) => cell.text).join('');
          if (text === '') continue;
          expect(lines.filter((line) => line.includes(text)), `表${n}: ${text}`).toHaveLength(1);
          whole++;
        }
      }
      expect([names, whole].map((count) => count > 100)).toEqual([true, true]);
    });

    it('figures are in right-aligned "num" cells, all of them', () => {
      let figures = 0;
      const [info, indicators] = section(html, 'performance-1').split('performance-indicators');
      const cells = [
        ...TABLE_NAMES.flatMap((_, i) => rows(section(html, `table-${i + 1}`)).flat()),
        ...rows(info!).flat(),
        // An indicator row ends with 指标分值权重, 指标赋分规则, 佐证资料; its 上年完成值 mixes figures and
        // words ("1年", "100%") and stays centred.
        ...rows(indicators!.split('</thead>')[1]!).map((row) => row.at(-3)!),
      ];
      for (const cell of cells) {
        if (cell.tag !== 'td' || cell.classes.includes('code') || !isFigure(cell.text)) continue;
        expect(cell.classes, cell.text).toContain('num');
        figures++;
      }
      expect(figures).toBeGreaterThan(100);
    });

    it('codes (类/款/项) are cells of their own, centred and unbroken', () => {
      for (const id of ['table-2', 'table-3', 'table-5', 'table-6', 'table-7']) {
        const codes = rows(section(html, id).split('</thead>')[1] ?? '')
          .flat()
          .filter((cell) => cell.classes.includes('code'));
        expect(codes.length, id).toBeGreaterThan(0);
        for (const cell of codes) expect(cell.text, id).toMatch(/^(\d{2,3})?$/);
      }
      const css = readFileSync(new URL('../templates/style.css', import.meta.url), 'utf8');
      const rule = /table\.budget \.code \{([^}]*)\}/.exec(css)?.[1] ?? '';
      expect(rule).toContain('text-align: center;');
      expect(rule).toContain('white-space: nowrap;');
    });
  });

  describe('furniture', () => {
    it('numbers every page "第 N 页 共 M 页"', () => {
      const total = texts.length;
      texts.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(`第${i + 1}页共${total}页`));
    });

    it('prints the running header with the unit and the year on every page but the first', () => {
      expect(texts[0]).not.toContain(HEADER);
      texts.slice(1).forEach((text, i) => expect(text, `page ${i + 2}`).toContain(HEADER));
    });

    it('opens with the title block of Part 1', () => {
      expect(pageLines(file, 1)[0]).toBe(`第一部分2024年${UNIT}单位概况`);
    });
  });

  describe('navigation and metadata', () => {
    let outline: OutlineItem[];
    beforeAll(async () => {
      outline = await readOutline(result.pdf);
    });
    const titles = (items: OutlineItem[]): string[] => items.map((item) => squash(item.title));
    const all = (items: OutlineItem[]): string[] => items.flatMap((item) => [squash(item.title), ...all(item.children)]);

    it('bookmarks the four parts', () => {
      expect(titles(outline)).toEqual([`第一部分2024年${UNIT}单位概况`, '第二部分2024年单位预算公开表', '第三部分2024年单位预算情况说明', '第四部分名词解释']);
    });

    it('bookmarks every table under Part 2, with its name', () => {
      expect(titles(outline[1]!.children)).toEqual(TABLE_NAMES.map((name, i) => `表${i + 1}${name}`));
      // A space between number and name, so a viewer's bookmarks read "表 1 单位收支总体情况表".
      expect(outline[1]!.children[0]!.title).toMatch(/^表 1\s单位收支总体情况表$/);
    });

    it('bookmarks the performance table under Part 3', () => {
      expect(all(outline[2]!.children)).toContain('项目支出绩效目标表');
    });

    it('carries title, author, subject, keywords and the publication date', () => {
      const fields = info.fields;
      expect(fields.get('Title')).toBe(HEADER);
      expect(fields.get('Author')).toBe(UNIT);
      expect(fields.get('Subject')).toBe('2024年单位预算公开');
      expect(fields.get('Keywords')).toBe(`单位预算公开 2024年 ${UNIT}`);
      for (const field of ['CreationDate', 'ModDate']) {
        expect(new Date(fields.get(field)!).getTime(), field).toBe(new Date('2024-03-01T00:00:00+08:00').getTime());
      }
    });

    it('is tagged, in zh-CN', async () => {
      expect(info.fields.get('Tagged')).toBe('yes');
      expect(await readLang(result.pdf)).toBe('zh-CN');
    });
  });

  describe('fonts', () => {
    it('embeds subsets of Noto Serif SC and Noto Sans SC and no other font', () => {
      expectOnlyBundledFonts(file);
    });

    it('has a glyph for every character it sets', () => {
      expect(result.missingGlyphs).toEqual([]);
    });
  });

  it('loads nothing from the network', () => {
    expect(result.blockedRequests).toEqual([]);
  });
});
