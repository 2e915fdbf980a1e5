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

export interface PrintOptions {
  meta: PdfMeta;
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
