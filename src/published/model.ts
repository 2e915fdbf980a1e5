// A published disclosure as audit reads it: lines of tokens from any source (text, PDF, HTML), then
// its parts, tables (rows of cells) and Part 3's figure mentions, each with the page and line it came from.

/** Where a piece of text was read: page (1-based; 0 for HTML, which has no pages) and line on that page
 * (for text, the line of the file; for PDF, the reconstructed line on its page; for HTML, the block). */
export interface Where {
  page: number;
  line: number;
}

export interface Token {
  text: string;
  /** PDF: left and right edge in points. */
  x?: number;
  x2?: number;
  /** HTML: index of the table column the cell starts in. */
  col?: number;
  /** Text: the columns the token takes on its line, start and end (a CJK character counts two), for
   * text laid out in columns (`pdftotext -layout`, `build --format txt`). */
  span?: [number, number];
}

export interface Line extends Where {
  tokens: Token[];
  /** Tokens joined by one space. */
  text: string;
  /** HTML: the line is a table row, its tokens are cells. */
  cells?: boolean;
  /** PDF: the baseline, in points from the bottom of the page. */
  y?: number;
  /** Text: the columns of white space before the line's first token (its tokens' spans start after it). */
  indent?: number;
}

/** A printed figure: its text as printed, its value in hundredths (分 of 万元, or of a percent). */
export interface Fig extends Where {
  text: string;
  cents: number;
}

export interface Row extends Where {
  /** Functional or economic code as printed, digits only: '208', '20805', '2080502'. */
  code: string;
  name: string;
  /** Figures left to right; `col` is the numbered column (1-based) when the source says so or it was inferred. */
  cells: { fig: Fig; col?: number }[];
  /** Quoted text of the row, for findings. */
  quote: string;
}

/** Tables 1 and 4 have an income side (label, amount) and an expenditure side (code, name, amounts). */
export interface SideRow extends Where {
  label: string;
  figs: Fig[];
  quote: string;
}

export interface PublishedTable extends Where {
  /** Its layout's id (src/tables): `t1` … `t11`, `t10mt`; what audit looks a table up by. */
  id: string;
  /** 表 N as printed (or as the layout numbers it): what findings say. */
  no: number;
  title: string;
  /** Number of numbered columns (the `※ 1 2 3 …` row), when printed. */
  numbered?: number;
  rows: Row[];
  /** Tables 1 and 4: the income side. */
  left?: SideRow[];
  /** Set when the source gives the table's cells out of row order (text extracted without layout):
   * which figure belongs to which row is unknown, so audit reads no figure from it. */
  unordered?: { orphans: number; figureLines: number };
  /** A table of fixed rows other than the default's 表 10 (ten-tables' 表 7): its rows from the layout,
   * each with the row it is part of (`total` for the top level), as matchFixedRows takes them. */
  items?: { key: string; label: RegExp; parent?: string }[];
  /** The sentence that says the table is empty, if any. */
  emptyStatement?: Where & { text: string };
}

export type Direction = 'up' | 'down';

/** One figure of Part 3 with what the text says about it: `基本支出270.37万元，占80.62%，比上年预算减少6.23万元，下降2.25%，主要原因是…`. */
export interface Mention extends Where {
  /** Part 3 section number (一 = 1 … 十二 = 12) and sub-heading （一）= 1 …, 0 when none. */
  section: number;
  sub: number;
  /** What the figure is of, as printed before it, numbering and （类）（款）（项） kept. */
  subject: string;
  amount?: Fig;
  share?: Fig;
  /** `isNew`: printed `增加X万元（上年未安排）` — the item had no prior-year figure, so no rate. */
  change?: { word: string; dir: Direction; fig: Fig; isNew?: boolean };
  rate?: { word: string; dir: Direction; fig: Fig };
  reason?: string;
  /** The sentence, whitespace removed, for quoting. */
  quote: string;
  /** Where the mention starts in `PublishedDoc.part3.text`, to read what precedes it. */
  offset?: number;
}

export interface Part extends Where {
  no: number;
  title: string;
}

export interface PublishedDoc {
  file: string;
  kind: 'text' | 'pdf' | 'html';
  pages: number;
  lines: Line[];
  parts: Part[];
  /** The `附件 … 单位预算公开表` line, when the tables follow the text as an attachment (ten-tables). */
  annex?: Where & { text: string };
  /** The unit of the printed amounts (`单位：万元`, or 元 in the ten-tables profile). */
  currency: '万元' | '元';
  /** Whether its amounts carry thousands separators (`90,000.00`, as the ten-tables profile prints them). */
  grouped: boolean;
  /** The set of tables read (src/tables layouts: the default's eleven or a profile's): what it should have. */
  set: { name: string; tables: { id: string; no: number; title: string }[] };
  unit?: string;
  year?: number;
  /** Part 1: paragraphs of 主要职能, the departments sentence and the staffing figures. */
  overview: { paragraphs: string[]; staffing?: Staffing };
  tables: PublishedTable[];
  mentions: Mention[];
  /** Part 3 text, whitespace removed, with each character's position (for placeholders and quoting). */
  part3: { text: string; at: Where[] };
  performance?: { total?: Fig; fiscal?: Fig; other?: Fig; projectName?: string } & Where;
}

export interface Staffing extends Where {
  quote: string;
  quota?: number;
  actual?: number;
  groups: { name: string; count: number; change?: number }[];
}
