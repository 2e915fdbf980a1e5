import type { Browser } from 'puppeteer';

/** Document information written into the PDF. */
export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** Creation and modification date; the document's publication date, so a rebuild gives the same PDF. */
  date: Date;
  /** Catalog /Lang, e.g. 'zh-CN'. */
  lang: string;
}

/** What one document may cost to print; a document past either is refused, not printed. */
export interface PrintBudget {
  /** Most pages the PDF may have. Default DEFAULT_MAX_PAGES. */
  maxPages?: number;
  /** Most seconds printing may take, browser start included. Default DEFAULT_PRINT_TIMEOUT. */
  timeout?: number;
}

/** A unit's disclosure runs to 20–400 pages; a thousand leaves room for the largest department. */
export const DEFAULT_MAX_PAGES = 1000;
/** Seconds; a 1,000-page document prints in about two minutes on a busy 2-core machine. */
export const DEFAULT_PRINT_TIMEOUT = 600;

export interface PrintOptions {
  meta: PdfMeta;
  budget?: PrintBudget;
  /** Starts the browser; injectable so tests can stub it. Default: Chromium found by findChromium(). */
  launch?: () => Promise<Browser>;
  /** Called for each request the page may not make (anything but data: and the page's own files). Default: none; they are returned in blockedRequests either way. */
  onBlockedRequest?: (url: string) => void;
}

export interface PrintResult {
  pdf: Uint8Array;
  /** URLs the page tried to load and was refused, in request order. */
  blockedRequests: string[];
  /**
   * Characters of the document that the bundled fonts it is set in have no glyph for, each once, in
   * order of first appearance: Chromium prints them in a system fallback font or as empty boxes.
   */
  missingGlyphs: string[];
}
