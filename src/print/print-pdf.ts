import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page, PDFOptions } from 'puppeteer';
import { collectTextRuns } from './collect-text.js';
import { PrintBudgetError, PrintError } from './errors.js';
import { carriesFonts, documentFonts } from '../fonts/embed.js';
import { fontFaceCss } from './font-face-css.js';
import { GlyphCoverage, missingGlyphsInRuns, type TextRun } from './glyph-coverage.js';
import { DEFAULT_MAX_PAGES, DEFAULT_PRINT_TIMEOUT, type PdfMeta, type PrintBudget, type PrintOptions, type PrintResult } from './options.js';
import { setPdfMetadata } from './pdf-metadata.js';
import { openPrinter } from './printer.js';
import { guardRequests } from './request-guard.js';
import { waitForFonts } from './wait-for-fonts.js';

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
 * One document on a fresh page of `browser`, its HTML written in `workDir`; the page is closed
 * afterwards. `broken` is called when the browser can print no more (it crashed, or a page past its
 * time budget would not close), so the printer starts another for the next document.
 */
export async function printDocument(
  browser: Browser,
  workDir: string,
  html: string,
  meta: PdfMeta,
  budget: PrintBudget,
  onBlockedRequest: ((url: string) => void) | undefined,
  broken: () => void,
): Promise<PrintResult> {
  const maxPages = budget.maxPages ?? DEFAULT_MAX_PAGES;
  const timeout = budget.timeout ?? DEFAULT_PRINT_TIMEOUT;
  const deadline = Date.now() + timeout * 1000;
  const blockedRequests: string[] = [];
  const onBlocked = (url: string): void => {
    blockedRequests.push(url);
    onBlockedRequest?.(url);
  };
  const opened = browser.newPage();
  // Subset while the page opens: the bundled chunks the page draws from, cut to its characters (cached per character set).
  const fonts = documentFonts(html);
  fonts.catch(() => {}); // awaited below; a failure surfaces there, not as an unhandled rejection
  try {
    // A page that carries its fonts already (build embeds them in the HTML) gets no second copy.
    const printing = Promise.all([opened, fonts]).then(async ([page, chunks]) => ({
      chunks,
      ...(await printPage(page, html, workDir, carriesFonts(html) ? '' : fontFaceCss(chunks), onBlocked, maxPages)),
    }));
    const { pdf, runs, chunks } = await beforeDeadline(printing, deadline, () => new PrintBudgetError('PDF_TIMEOUT', timeout));
    const missingGlyphs = missingGlyphsInRuns(runs, new GlyphCoverage(chunks));
    return { pdf: await setPdfMetadata(pdf, meta), blockedRequests, missingGlyphs };
  } catch (cause) {
    if ((browser as { connected?: boolean }).connected === false) broken();
    if (cause instanceof PrintBudgetError) throw cause;
    throw printFailed(meta.title, cause);
  } finally {
    // Closing the page ends its work; a page that will not close (a renderer stuck in a layout) takes its browser with it.
    const closed = opened.then(closePage, () => true);
    if (!(await beforeDeadline(closed, Date.now() + PAGE_CLOSE_MS, () => new Error('page close')).catch(() => false))) broken();
  }
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

async function printPage(
  page: Page,
  html: string,
  workDir: string,
  fontCss: string,
  onBlocked: (url: string) => void,
  maxPages: number,
): Promise<{ pdf: Uint8Array; runs: TextRun[] }> {
  // Loaded from a file, not setContent, so the request guard can allow exactly the document's folder.
  const file = join(workDir, 'index.html');
  await writeFile(file, html);
  // Before loading, so no script from the data ever runs.
  await page.setJavaScriptEnabled(false);
  await guardRequests(page, [workDir], onBlocked);
  // No timeout of Puppeteer's own (30 s by default): the budget's deadline bounds the whole print.
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 0 });
  await waitForFonts(page, fontCss);
  // The fonts the print stylesheet gives each element, not the screen ones.
  await page.emulateMediaType('print');
  const runs = await collectTextRuns(page);
  // Header and page numbers come from the stylesheet's @page margin boxes, which use the document's
  // fonts; displayHeaderFooter templates would only see system fonts, which have no CJK glyphs here.
  const options = { format: 'A4', printBackground: true, preferCSSPageSize: true, timeout: 0 } as const;
  await refusePastPages(page, maxPages, options);
  const pdf = await page.pdf({ ...options, tagged: true, outline: true });
  return { pdf, runs };
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
