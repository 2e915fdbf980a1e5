// docx writer: the rendered document → one Word file a finance office can edit and send for approval.
// Prose, headings and the signature come from the rendered HTML's blocks (the templates' wording);
// the tables from the layout and the view, as the xlsx writer builds them; the running header and
// the 第 N 页 共 M 页 footer from the print style's @page boxes. Same data → same bytes.
import { Document, Footer, Header, Packer, PageNumber, PageOrientation, Paragraph, SectionType, TextRun } from 'docx';
import type { View } from '../compute/index.js';
import type { Block } from '../render/html-blocks.js';
import type { TableLayouts } from '../tables/index.js';
import { fixZipDates } from '../xlsx/zip-dates.js';
import { wordSections } from './body.js';
import { DEFAULT_PROFILE, numberFormat, type Profile } from '../profile/index.js';
import { pageBoxes, type BoxPart } from './page-boxes.js';
import { coreXml, fontTableXml, type CoreProperties } from './parts.js';
import { A4, MARGINS, styles } from './styles.js';

export { pageBoxes, contentParts, type BoxPart, type PageBoxes } from './page-boxes.js';
export type { CoreProperties } from './parts.js';

export interface DocxSource {
  view: View;
  /** The rendered HTML: its print style gives the running header and the footer. */
  html: string;
  blocks: readonly Block[];
}

function boxParagraph(parts: readonly BoxPart[] | null): Paragraph {
  const children = (parts ?? []).map((p) => ('text' in p ? p.text : p.field === 'PAGE' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES));
  return new Paragraph({ style: 'PageBox', children: children.length ? [new TextRun({ children })] : [] });
}

/** `profile` says how the tables' figures are shown; default the reference's. */
export async function writeDocx(source: DocxSource, layouts: TableLayouts, meta: CoreProperties, profile: Profile = DEFAULT_PROFILE): Promise<Uint8Array> {
  const boxes = pageBoxes(source.html);
  const header = new Header({ children: [boxParagraph(boxes.header)] });
  const footer = new Footer({ children: [boxParagraph(boxes.footer)] });
  const first = boxes.firstHeader === undefined ? undefined : new Header({ children: [boxParagraph(boxes.firstHeader)] });
  const doc = new Document({
    styles, // the core properties (title, author, dates) are written by coreXml below
    sections: wordSections(source.blocks, source.view, layouts, numberFormat(profile)).map((s, i) => ({
      properties: {
        type: SectionType.NEXT_PAGE,
        titlePage: i === 0 && first !== undefined ? true : undefined,
        page: {
          size: { ...A4, orientation: s.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: MARGINS[s.orientation],
        },
      },
      // Later sections carry on the first's header and footer, as Word does without references of their own.
      ...(i === 0 ? { headers: { default: header, ...(first ? { first } : {}) }, footers: { default: footer, ...(first ? { first: new Footer({ children: [boxParagraph(boxes.footer)] }) } : {}) } } : {}),
      children: s.children,
    })),
  });
  const bytes = await Packer.toBuffer(doc, false, [
    { path: 'docProps/core.xml', data: coreXml(meta) },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
  return fixZipDates(new Uint8Array(bytes), meta.date);
}
