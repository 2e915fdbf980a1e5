// The rendered document's blocks (src/render/html-blocks.ts) as Word sections: headings, paragraphs
// and the signature as the templates worded them, each statutory table from the layout and the view
// (the same sheet the xlsx writer builds, so one definition), a new page at each part and each table
// page, landscape where the table's layout says so, as the PDF breaks its pages.
import { AlignmentType, HeadingLevel, Paragraph, type Table } from 'docx';
import type { View } from '../compute/index.js';
import type { Block } from '../render/html-blocks.js';
import { tableLayout, type Orientation, type TableLayout, type TableLayouts } from '../tables/index.js';
import type { SheetModel } from '../xlsx/sheet.js';
import { performanceSheet } from '../xlsx/performance-sheet.js';
import { tableSheet } from '../xlsx/table-sheet.js';
import { DEFAULT_FORMAT } from '../xlsx/sheet.js';
import type { NumberFormat } from '../profile/index.js';
import { runs } from './runs.js';
import { CLASS_STYLES, textWidth } from './styles.js';
import { blockRange, wordTable, type TableRange } from './table.js';

export interface WordSection {
  orientation: Orientation;
  children: (Paragraph | Table)[];
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** A page of its own in the PDF: a statutory table (`table-N`) or a project's performance table (`performance-N`). */
const PAGE_ID = /^(table|performance)-(\d+)$/;

interface TablePage {
  id: string;
  layout: TableLayout;
  sheet: SheetModel;
  /** Table blocks met so far on the page (the performance page has two tables). */
  seen: number;
}

function tablePage(id: string, view: View, layouts: TableLayouts, numbers: NumberFormat): TablePage | undefined {
  const [, kind, n] = PAGE_ID.exec(id) ?? [];
  if (kind === 'table') {
    const layout = layouts.tables.find((t) => t.no === Number(n));
    return layout && { id, layout, sheet: tableSheet(view, layout, layouts, null, numbers), seen: 0 };
  }
  const project = view.part3.performance[Number(n) - 1];
  if (!project) return undefined;
  const layout = tableLayout(layouts, 'performance');
  return { id, layout, sheet: performanceSheet(project, layout, '', '', numbers), seen: 0 };
}

/**
 * Rows of the sheet the page's next table block is: a statutory table from its 编制单位 line (its
 * caption and title are the heading before it; its empty-table sentence the paragraph after it), a
 * performance page's tables one after the other. The sheet's repeated rows that reach into a table
 * start it and repeat in Word. Undefined when the sheet has no such table.
 */
function sheetRange(page: TablePage): TableRange | undefined {
  const { sheet } = page;
  const part = sheet.table[page.seen++];
  if (!part) return undefined;
  const { repeat } = sheet;
  const first = repeat.first <= part.first && part.first <= repeat.last ? repeat.first : part.first;
  const compact = page.layout.body.kind === 'two-sided'; // style.css: #table-1, #table-4
  return { sheet, first, last: part.last, header: repeat.first === first ? repeat.last - first + 1 : 0, compact };
}

export function wordSections(blocks: readonly Block[], view: View, layouts: TableLayouts, numbers: NumberFormat = DEFAULT_FORMAT): WordSection[] {
  const sections: WordSection[] = [];
  let current: WordSection | undefined;
  let page: TablePage | undefined;
  /** The current section holds nothing but a part's heading (Part 2's title shares table 1's page). */
  let onlyTitle = false;

  const start = (orientation: Orientation) => {
    current = { orientation, children: [] };
    sections.push(current);
  };

  for (const block of blocks) {
    const pageId = block.within.find((id) => PAGE_ID.test(id));
    if (pageId && pageId !== page?.id) {
      page = tablePage(pageId, view, layouts, numbers);
      const orientation = page?.layout.orientation ?? 'portrait';
      if (!current || !onlyTitle || current.orientation !== orientation) start(orientation);
    } else if (block.kind === 'heading' && block.level === 1) {
      page = undefined;
      start('portrait');
    }
    if (!current) start('portrait');
    const section = current!;
    onlyTitle = block.kind === 'heading' && block.level === 1;

    if (block.kind === 'table') {
      const range = (page && sheetRange(page)) ?? blockRange(block.rows);
      section.children.push(wordTable(range, textWidth(section.orientation)));
      continue;
    }
    const style = block.kind === 'paragraph' ? [...block.classes].reverse().map((c) => CLASS_STYLES[c]).find(Boolean) : undefined;
    const inPage = pageId !== undefined;
    section.children.push(
      new Paragraph({
        heading: block.kind === 'heading' ? HEADINGS[Math.min(block.level, 6) - 1] : undefined,
        style,
        // A table's title is centred over it; a table page's paragraphs are not indented.
        alignment: block.kind === 'heading' && inPage ? AlignmentType.CENTER : undefined,
        indent: block.kind === 'paragraph' && inPage && !style ? { firstLine: 0 } : undefined,
        children: runs(block.text),
      }),
    );
  }
  return sections;
}
