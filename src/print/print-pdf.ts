import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page, PDFOptions } from 'puppeteer';
import { collectTextRuns } from './collect-text.js';
import { PrintBudgetError, PrintError } from './errors.js';
import { carriesFonts, documentFonts, subsetFontCss } from '../fonts/embed.js';
import { bundledCoverage, missingGlyphsInRuns, unsureCharacters } from './glyph-coverage.js';
import { documentCharacters, withoutFonts } from '../fonts/document-characters.js';
import { DEFAULT_MAX_PAGES, DEFAULT_PRINT_TIMEOUT, type PdfMeta, type PrintBudget, type PrintOptions, type PrintResult } from './options.js';
import { setPdfMetadata } from './pdf-metadata.js';
import { openPrinter } from './printer.js';
import { guardRequests } from './request-guard.js';
import { HIDDEN_MARK, waitForFonts } from './wait-for-fonts.js';

/**
 * Prints a self-contained HTML document to an A4 PDF with the bundled Noto fonts, page-margin-box
 * headers and page numbers, a tagged structure, an outline and `meta` as document information.
 * The page runs no JavaScript and loads nothing but data: URLs, its own file and the fonts. Every
 * character it sets is checked against the bundled fonts; those they cannot draw are in `missingGlyphs`.
 * A document past its budget (`options.budget`: pages, seconds) is refused with a PrintBudgetError;
 * no fixed Puppeteer timeout stops a long document the budget allows. One document, one browser:
 * to print many, open a printer (openPrinter) and print them all with it.
 */
export async function printPdf(html: string, options: PrintOptions): Promise<PrintResult> {
  const printer = openPrinter({ launch: options.launch, timeout: options.budget?.timeout, recycleAfter: 1 });
  try {
    return await printer.print(html, options.meta, options.budget, options.onBlockedRequest);
  } finally {
    await printer.close();
  }
}

/** Far past the budget: refused at once, not after the minutes Chromium would take to lay it out. */
export function refuseFarTooLong(html: string, budget: PrintBudget): void {
  const maxPages = budget.maxPages ?? DEFAULT_MAX_PAGES;
  if (fewestPages(html) > maxPages) throw new PrintBudgetError('PDF_TOO_LONG', maxPages);
}

/**
 * A page kept open from one document to the next: JavaScript off, print media, and requests
 * guarded to its own folder, set once. Opening a page cost ~85 ms a document, a tenth of a print.
 */
export interface PrintTab {
  page: Page;
  /** Its folder: each document's HTML is written here, and the page may load nothing else from disk. */
  dir: string;
  /** Documents printed on it so far. */
  printed: number;
  /** Where the current document's refused requests go. */
  onBlocked: (url: string) => void;
}

/**
 * Opens a tab on `browser` whose documents live in `dir`. `reuseBlank`: take the blank page a fresh
 * browser starts with, if it has one, rather than open another.
 */
export async function openTab(browser: Browser, dir: string, options: { reuseBlank?: boolean } = {}): Promise<PrintTab> {
  const blank = options.reuseBlank ? (await browser.pages()).find((p) => p.url() === 'about:blank') : undefined;
  const page = blank ?? (await browser.newPage());
  const tab: PrintTab = { page, dir, printed: 0, onBlocked: () => {} };
  try {
    // Before anything loads, so no script from the data ever runs.
    await page.setJavaScriptEnabled(false);
    await guardRequests(page, [dir], (url) => tab.onBlocked(url));
    // The fonts and layout of the print stylesheet from the first layout on.
    await page.emulateMediaType('print');
  } catch (cause) {
    await closeTab(tab);
    throw cause;
  }
  return tab;
}

/**
 * Prints a line on a fresh tab, while the first document is still being rendered: a browser's first
 * print starts its printing machinery (~0.1–0.2 s), which the document then need not wait for.
 * A failure here is the document's to meet, on the same tab.
 */
export async function warmUp(tab: PrintTab): Promise<void> {
  try {
    await tab.page.goto('data:text/html,<p>0</p>', { waitUntil: 'load' });
    await tab.page.pdf({ format: 'A4' });
  } catch {
    // As above.
  }
}

/**
 * Prints one document on `tab`, within `budget`. Fails with a PrintBudgetError past the budget, else
 * with a PrintError naming the document; after a failure the tab may be busy still, and is to be closed.
 */
export async function printDocument(
  tab: PrintTab | Promise<PrintTab>,
  html: string,
  meta: PdfMeta,
  budget: PrintBudget,
  onBlockedRequest: ((url: string) => void) | undefined,
): Promise<PrintResult> {
  const maxPages = budget.maxPages ?? DEFAULT_MAX_PAGES;
  const timeout = budget.timeout ?? DEFAULT_PRINT_TIMEOUT;
  const deadline = Date.now() + timeout * 1000;
  const blockedRequests: string[] = [];
  const onBlocked = (url: string): void => {
    blockedRequests.push(url);
    onBlockedRequest?.(url);
  };
  // Subset while the tab is found: the bundled chunks the page draws from, cut to its characters (cached per character set).
  const fonts = carriesFonts(html) ? Promise.resolve(undefined) : documentFonts(html);
  fonts.catch(() => {}); // awaited below; a failure surfaces there, not as an unhandled rejection
  try {
    const printing = Promise.all([tab, fonts]).then(async ([open, chunks]) => {
      open.onBlocked = onBlocked;
      // A page that carries its fonts already (build embeds them in the HTML) gets no second copy.
      return printPage(open, html, chunks ? subsetFontCss(chunks) : '', maxPages);
    });
    const { pdf, missingGlyphs } = await beforeDeadline(printing, deadline, () => new PrintBudgetError('PDF_TIMEOUT', timeout));
    return { pdf: await setPdfMetadata(pdf, meta), blockedRequests, missingGlyphs };
  } catch (cause) {
    if (cause instanceof PrintBudgetError) throw cause;
    throw printFailed(meta.title, cause);
  }
}

/** True once the tab's page is closed (or was gone already), false if it would not close in time: its browser is then stuck. */
export async function closeTab(tab: PrintTab): Promise<boolean> {
  return beforeDeadline(closePage(tab.page), Date.now() + PAGE_CLOSE_MS, () => new Error('page close')).catch(() => false);
}

const PAGE_CLOSE_MS = 10_000;

/** True once the page is closed, or was gone already. */
async function closePage(page: Page): Promise<boolean> {
  try {
    await page.close();
  } catch {
    // Closed with its browser, or a stub without close: nothing is left open.
  }
  return true;
}

/**
 * More characters than any page of the bundled layout holds: its densest page (prose at 14 pt) has
 * 783 and a 1 MB text runs to about 860 a page, so a document of N characters has at least
 * N / 2000 pages. Only a far too long document is refused by this count; the rest are measured.
 */
const MOST_CHARACTERS_A_PAGE = 2000;

/** A lower bound of the document's page count, from the characters of its text. */
export function fewestPages(html: string): number {
  // An entity (&amp;, &#x4e00;) is one character on the page.
  const text = html.replace(/<(style|script|title)\b[\s\S]*?<\/\1>|<[^>]*>|\s+/gi, '').replace(/&[#\w]{1,12};/g, '&');
  return Math.ceil(text.length / MOST_CHARACTERS_A_PAGE);
}

/** `work`, or `late()` thrown once `deadline` passes (the caller then closes the browser, which ends the work). */
async function beforeDeadline<T>(work: Promise<T>, deadline: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

let documents = 0;

async function printPage(tab: PrintTab, html: string, fontCss: string, maxPages: number): Promise<{ pdf: Uint8Array; missingGlyphs: string[] }> {
  const { page } = tab;
  // Loaded from a file, not setContent, so the request guard can allow exactly the tab's folder.
  const file = join(tab.dir, `document-${++documents}.html`);
  await writeFile(file, hiddenUntilFonts(html));
  try {
    // No timeout of Puppeteer's own (30 s by default): the budget's deadline bounds the whole print.
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 0 });
  } finally {
    await rm(file, { force: true });
  }
  await waitForFonts(page, fontCss);
  // Every character the document sets is drawn by every bundled face (the usual case): nothing can miss.
  // Else which face sets what is asked of the page.
  const coverage = bundledCoverage();
  const missingGlyphs = unsureCharacters(documentCharacters(html), coverage) ? missingGlyphsInRuns(await collectTextRuns(page), coverage) : [];
  // Header and page numbers come from the stylesheet's @page margin boxes, which use the document's
  // fonts; displayHeaderFooter templates would only see system fonts, which have no CJK glyphs here.
  const options = { format: 'A4', printBackground: true, preferCSSPageSize: true, timeout: 0 } as const;
  // A page this small prints whole in a second or two, whatever its page count: it is printed and its
  // pages counted, which saves the estimate's layout (~60 ms of a cold build). A larger one is measured
  // first, so that thousands of pages are refused in the time their layout takes, not their printing.
  const small = withoutFonts(html).length <= SMALL_PAGE;
  if (!small && !(await surelyWithin(page, maxPages))) await refusePastPages(page, maxPages, options);
  const pdf = await page.pdf({ ...options, tagged: true, outline: true });
  if (small && (await pdfPageCount(pdf)) > maxPages) throw new PrintBudgetError('PDF_TOO_LONG', maxPages);
  return { pdf, missingGlyphs };
}

/** Characters of markup (fonts aside) up to which a page is printed whole before its pages are counted: the reference has 60,000. */
const SMALL_PAGE = 200_000;

/** The pages of a PDF: its page objects as Chromium (Skia) writes them, uncompressed; else as pdf-lib reads them. */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  const pages = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  if (pages > 0) return pages;
  // Objects in compressed streams (not Chromium's way today): read properly.
  const { PDFDocument } = await import('pdf-lib');
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

/**
 * The page as the tab loads it: hidden (waitForFonts shows it again once its fonts are in). Shown, it
 * was laid out on load with fallback fonts — none of them Chinese here, each character looked up in
 * vain — and again once its own had loaded: a fresh browser's first print took ~0.18 s longer.
 */
export function hiddenUntilFonts(html: string): string {
  const head = /<head\b[^>]*>/i.exec(html);
  const at = head ? head.index + head[0].length : 0;
  return `${html.slice(0, at)}<style ${HIDDEN_MARK}>html{display:none!important}</style>${html.slice(at)}`;
}

/**
 * Whether the laid-out page is far inside the page budget: twice its estimate, and ten pages more.
 * Saves the probe (a second print of a page) for all but the long documents.
 */
async function surelyWithin(page: Page, maxPages: number): Promise<boolean> {
  const estimate = await estimatePages(page);
  return estimate !== undefined && 2 * estimate + 10 <= maxPages;
}

/**
 * More pages than the laid-out document prints to (tests/print/estimate-pages.test.ts holds it to
 * that): its height at a pessimistic 560 px of content per A4 sheet (and as if 600 px wide), plus a
 * page for every forced break. Undefined when the page cannot say.
 */
export async function estimatePages(page: Page): Promise<number | undefined> {
  const estimate = await page.evaluate(() => {
    const height = document.documentElement.scrollHeight * Math.max(1, window.innerWidth / 600);
    let breaks = 0;
    const count = (rules: CSSRuleList): void => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSStyleRule) {
          const style = rule.style;
          const forced = /^(page|left|right|recto|verso|always)$/;
          if ([style.breakBefore, style.breakAfter, style.getPropertyValue('page-break-before'), style.getPropertyValue('page-break-after')].some((v) => forced.test(v))) {
            breaks += document.querySelectorAll(rule.selectorText).length;
          }
        } else if (rule instanceof CSSMediaRule) {
          if (window.matchMedia(rule.media.mediaText).matches) count(rule.cssRules);
        } else if (rule instanceof CSSGroupingRule) {
          count(rule.cssRules);
        }
      }
    };
    for (const sheet of Array.from(document.styleSheets)) {
      try {
        count(sheet.cssRules);
      } catch {
        return Infinity; // a sheet whose rules cannot be read: no estimate
      }
    }
    // An element's own style attribute may force a break too.
    breaks += document.querySelectorAll('[style*="break"]').length;
    return Math.ceil(height / 560) + breaks;
  });
  return typeof estimate === 'number' && Number.isFinite(estimate) ? estimate : undefined;
}

/**
 * Asks Chromium for the one page past the budget: it lays the document out but draws only that page,
 * so a document of thousands of pages is refused in the time its layout takes, not its printing.
 */
async function refusePastPages(page: Page, maxPages: number, options: PDFOptions): Promise<void> {
  try {
    await page.pdf({ ...options, pageRanges: String(maxPages + 1) });
  } catch (error) {
    if (/exceeds page count/i.test(error instanceof Error ? error.message : '')) return;
    throw error;
  }
  throw new PrintBudgetError('PDF_TOO_LONG', maxPages);
}

export function printFailed(title: string, cause: unknown): PrintError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new PrintError(`打印 PDF 失败：《${title}》。Printing the PDF of "${title}" failed: ${reason}`, { cause });
}
