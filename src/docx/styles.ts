// Word's styles for the document, after templates/print.css: A4, the PDF's margins, Noto Serif SC
// body text at 13.5pt on a 26.5pt line with a 2-character first-line indent, Noto Sans SC bold
// headings as Word's Heading 1–4 (outline levels, so the navigation pane and a table of contents
// find them), 9pt tables. Presentation only; every word comes from the rendered templates.
import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';

export const SERIF = 'Noto Serif SC';
export const SANS = 'Noto Sans SC';

/**
 * Word has no font fall-back list in a run: the font table names, for each font, an alternative
 * (w:altName) and its character set, which Word and LibreOffice use to pick a font where the named
 * one is not installed. 宋体 and 黑体 are what a Chinese office machine has.
 */
export const FONT_TABLE: readonly { name: string; altName: string; family: 'roman' | 'swiss' }[] = [
  { name: SERIF, altName: '宋体', family: 'roman' },
  { name: SANS, altName: '黑体', family: 'swiss' },
  { name: '宋体', altName: 'SimSun', family: 'roman' },
  { name: '黑体', altName: 'SimHei', family: 'swiss' },
];

export const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

const pt = (n: number) => Math.round(n * 2); // half-points
const mm = (n: number) => Math.round((n * 1440) / 25.4);

/** A4 in twips (Word's own 11906 × 16838), portrait; docx swaps the two for a landscape section. */
export const A4 = { width: 11906, height: 16838 };

/** print.css's `@page` and `@page landscape` margins (top, right, bottom, left). */
export const MARGINS = {
  portrait: { top: mm(25), right: mm(20), bottom: mm(22), left: mm(28), header: mm(14), footer: mm(12), gutter: 0 },
  landscape: { top: mm(28), right: mm(20), bottom: mm(18), left: mm(20), header: mm(17), footer: mm(9), gutter: 0 },
} as const;

/** The width text may take, in twips. */
export function textWidth(orientation: 'portrait' | 'landscape'): number {
  const m = MARGINS[orientation];
  return (orientation === 'portrait' ? A4.width : A4.height) - m.left - m.right;
}

export const BODY_SIZE = 13.5;
export const TABLE_SIZE = 9;

const heading = (size: number, align: (typeof AlignmentType)[keyof typeof AlignmentType], level: number, before: number, after: number) => ({
  run: { font: font(SANS), size: pt(size), bold: true, color: '000000', italics: false },
  paragraph: {
    alignment: align,
    outlineLevel: level,
    keepNext: true,
    keepLines: true,
    indent: { firstLine: 0 },
    spacing: { before: mm(before), after: mm(after), line: 360, lineRule: LineRuleType.AUTO },
  },
});

/** Paragraph styles a rendered block's classes ask for, by class name. */
export const CLASS_STYLES: Record<string, string> = {
  signature: 'Signature',
  'table-year': 'TableNote',
  'empty-table': 'TableNote',
};

export const styles: IStylesOptions = {
  default: {
    document: {
      run: { font: font(SERIF), size: pt(BODY_SIZE), color: '000000' },
      paragraph: {
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: Math.round(BODY_SIZE * 2 * 20) },
        spacing: { line: Math.round(26.5 * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      },
    },
    heading1: heading(14, AlignmentType.CENTER, 0, 0, 4),
    heading2: heading(BODY_SIZE, AlignmentType.LEFT, 1, 4, 0),
    heading3: heading(BODY_SIZE, AlignmentType.LEFT, 2, 4, 0),
    heading4: heading(BODY_SIZE, AlignmentType.CENTER, 3, 0, 0),
  },
  paragraphStyles: [
    {
      id: 'Signature',
      name: 'Signature',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0 } },
    },
    {
      id: 'TableNote',
      name: 'Table Note',
      basedOn: 'Normal',
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: mm(2), after: mm(2) } },
    },
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      run: { size: pt(TABLE_SIZE) },
      paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
    },
    {
      id: 'TableTextCompact',
      name: 'Table Text Compact',
      basedOn: 'TableText',
      run: { size: pt(8.5) },
      paragraph: { spacing: { line: Math.round(8.5 * 1.2 * 20), lineRule: LineRuleType.EXACT } },
    },
    {
      id: 'PageBox',
      name: 'Page Header and Footer',
      basedOn: 'Normal',
      run: { font: font(SANS), size: pt(TABLE_SIZE), color: '333333' },
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO } },
    },
  ],
};
