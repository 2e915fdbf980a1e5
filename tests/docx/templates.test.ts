// The docx takes its words from the template folder like the HTML: a replaced tables.yaml changes its
// table titles and header labels, a replaced print.css its page-number footer, a replaced layout its
// running header; the @page content parser reads what CSS allows there.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentParts, pageBoxes } from '../../src/docx/index.js';
import { build, DEFAULT_TEMPLATES } from '../../src/index.js';
import { body, paragraph } from '../helpers/docx-xml.js';
import { REFERENCE_DATA } from '../helpers/reference.js';
import { entryText, unzip } from '../helpers/unzip.js';

const texts = (xml: string) => paragraph(xml).text;

describe('docx from a replaced template folder', () => {
  it('takes table titles, header labels, the footer and the running header from the templates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-docx-templates-'));
    const templates = join(dir, 'templates');
    cpSync(DEFAULT_TEMPLATES, templates, { recursive: true });
    const edit = (file: string, from: string, to: string) => {
      const text = readFileSync(join(templates, file), 'utf8');
      expect(text).toContain(from);
      writeFileSync(join(templates, file), text.replace(from, to));
    };
    edit('tables.yaml', 'title: 单位收入总体情况表', 'title: 收入总体情况表（本单位）');
    edit('tables.yaml', '财政专户（教育收费）', '财政专户管理资金');
    edit('print.css', 'content: "第 " counter(page) " 页 共 " counter(pages) " 页";', 'content: "Page " counter(page) " of " counter(pages);');
    edit('layout.html.hbs', '@page { @top-center { content: "{{cssText unit.name}} {{unit.year}} 年单位预算公开"; } }', '@page { @top-center { content: "{{unit.year}} \\"预算\\""; } }');
    const [result] = await build([REFERENCE_DATA], { outDir: join(dir, 'out'), formats: ['docx'], templatesDir: templates });
    const zip = unzip(readFileSync(result!.outputs[0]!));
    const items = body(entryText(zip, 'word/document.xml'));
    expect(items.some((i) => i.kind === 'paragraph' && i.p.style === 'Heading2' && i.p.text === '表 2 收入总体情况表（本单位）')).toBe(true);
    expect(items.some((i) => i.kind === 'table' && i.rows[1]!.cells.some((c) => c.text === '财政专户管理资金'))).toBe(true);
    const footer = [...zip.keys()].filter((k) => k.startsWith('word/footer')).map((k) => entryText(zip, k));
    expect(footer.map(texts)).toEqual(footer.map(() => 'Page  of '));
    const headers = [...zip.keys()].filter((k) => k.startsWith('word/header')).map((k) => texts(entryText(zip, k)));
    expect(headers.sort()).toEqual(['', '2024 "预算"']);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('@page content', () => {
  it('reads strings with CSS escapes and the page counters', () => {
    expect(contentParts('"第 " counter(page) " 页 共 " counter( pages ) " 页"')).toEqual([{ text: '第 ' }, { field: 'PAGE' }, { text: ' 页 共 ' }, { field: 'NUMPAGES' }, { text: ' 页' }]);
    expect(contentParts(String.raw`"A\22 B\\C\"D" 'E'`)).toEqual([{ text: 'A"B\\C"D' }, { text: 'E' }]);
    expect(contentParts('none')).toBeNull();
    expect(contentParts('"x" attr(title)')).toBeNull();
  });

  it('takes later rules over earlier ones, :first apart, named pages ignored', () => {
    const html = `<style>@page { @top-center { content: "screen" } }</style><style media="print">
      /* @page { @top-center { content: "comment" } } */
      @page { margin: 1cm; @top-center { content: "a"; } @bottom-center { content: counter(page); } }
      @page landscape { @top-center { content: "landscape" } }
      @page { @top-center { content: "b\\7d"; } }
      @page :first { @top-center { content: none; } }
    </style>`;
    expect(pageBoxes(html)).toEqual({ header: [{ text: 'b}' }], firstHeader: null, footer: [{ field: 'PAGE' }] });
    expect(pageBoxes('<p>no print style</p>')).toEqual({ header: null, firstHeader: undefined, footer: null });
  });
});
