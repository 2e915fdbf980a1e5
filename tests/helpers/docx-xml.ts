// Reading the WordprocessingML yusuan writes (one flat body of paragraphs and tables, no nesting), so
// a test can compare its headings, paragraphs and table cells with the HTML's blocks.
import type { Cell } from '../../src/render/html-blocks.js';

export interface WordParagraph {
  style: string | undefined;
  align: string | undefined;
  text: string;
  /** Texts of the runs that are highlighted. */
  highlighted: string[];
}

export interface WordCell {
  text: string;
  gridSpan: number;
  vMerge: 'restart' | 'continue' | undefined;
  align: string | undefined;
  bold: boolean;
}

export interface WordRow {
  header: boolean;
  cells: WordCell[];
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function paragraph(xml: string): WordParagraph {
  const runs = [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => ({
    text: [...m[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join(''),
    highlighted: /<w:highlight /.test(m[1]!),
  }));
  return {
    style: /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1],
    align: /<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*?<w:jc w:val="([^"]+)"/.exec(xml)?.[1],
    text: runs.map((r) => r.text).join(''),
    highlighted: runs.filter((r) => r.highlighted).map((r) => r.text),
  };
}

export type BodyItem = { kind: 'paragraph'; p: WordParagraph; xml: string } | { kind: 'table'; rows: WordRow[]; xml: string };

/** The body's paragraphs and tables in order. */
export function body(documentXml: string): BodyItem[] {
  const inner = /<w:body>([\s\S]*)<\/w:body>/.exec(documentXml)![1]!;
  return [...inner.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) =>
    m[0].startsWith('<w:tbl>') ? { kind: 'table', rows: tableRows(m[0]), xml: m[0] } : { kind: 'paragraph', p: paragraph(m[0]), xml: m[0] },
  );
}

export function tableRows(xml: string): WordRow[] {
  return [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((tr) => ({
    header: /<w:tblHeader\/>/.test(tr[1]!),
    cells: [...tr[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((tc) => {
      const p = paragraph(tc[1]!);
      const vMerge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc[1]!);
      return {
        text: p.text,
        gridSpan: Number(/<w:gridSpan w:val="(\d+)"/.exec(tc[1]!)?.[1] ?? 1),
        vMerge: vMerge ? (vMerge[1] === 'restart' ? 'restart' : 'continue') : undefined,
        align: p.align,
        bold: /<w:b\/>/.test(tc[1]!),
      };
    }),
  }));
}

/** A Word table's cells as the HTML would write them: a vertical merge as one cell with its rowspan. */
export function asHtmlCells(rows: readonly WordRow[]): (Cell & { align: string | undefined; bold: boolean })[][] {
  const out: (Cell & { align: string | undefined; bold: boolean })[][] = rows.map(() => []);
  const open = new Map<number, Cell>(); // grid column → the cell a vertical merge continues
  rows.forEach((row, r) => {
    let col = 0;
    for (const c of row.cells) {
      if (c.vMerge === 'continue') open.get(col)!.rowspan++;
      else {
        const cell = { text: c.text.replace(/\s+/g, ' ').trim(), colspan: c.gridSpan, rowspan: 1, header: row.header, num: c.align === 'right', align: c.align, bold: c.bold };
        out[r]!.push(cell);
        if (c.vMerge === 'restart') open.set(col, cell);
      }
      col += c.gridSpan;
    }
  });
  return out;
}

/** Each section's properties in order: orientation, page size and margins, title page. */
export function sections(documentXml: string): { orient: string; w: number; h: number; margin: Record<string, number>; titlePage: boolean; xml: string }[] {
  return [...documentXml.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((m) => {
    const size = /<w:pgSz ([^>]*)\/>/.exec(m[1]!)![1]!;
    const attr = (s: string, name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(s)?.[1]);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(m[1]!)![1]!;
    return {
      orient: /w:orient="(\w+)"/.exec(size)?.[1] ?? 'portrait',
      w: attr(size, 'w'),
      h: attr(size, 'h'),
      margin: Object.fromEntries(['top', 'right', 'bottom', 'left', 'header', 'footer'].map((k) => [k, attr(mar, k)])),
      titlePage: /<w:titlePg\/>/.test(m[1]!),
      xml: m[1]!,
    };
  });
}
