import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page, PDFOptions } from 'puppeteer';
import { cleanupOnSignal } from './close-on-signal.js';
import { collectTextRuns } from './collect-text.js';
import { BrowserNotFoundError, PrintBudgetError, PrintError } from './errors.js';
import { carriesFonts, documentFonts } from '../fonts/embed.js';
import { fontFaceCss } from './font-face-css.js';
import { GlyphCoverage, missingGlyphsInRuns, type TextRun } from './glyph-coverage.js';
import { launchChromium, sessionOf, type BrowserSession } from './launch-chromium.js';
import { DEFAULT_MAX_PAGES, DEFAULT_PRINT_TIMEOUT, type PrintOptions, type PrintResult } from './options.js';
import { setPdfMetadata } from './pdf-metadata.js';
import { guardRequests } from './request-guard.js';
import { waitForFonts } from './wait-for-fonts.js';

/**
 * Prints a self-contained HTML document to an A4 PDF with the bundled Noto fonts, page-margin-box
 * headers and page numbers, a tagged structure, an outline and `meta` as document information.
 * The page runs no JavaScript and loads nothing but data: URLs (its fonts, subset to its characters)
 * and its own file. Every character it sets is checked against those fonts; those they cannot draw are in `missingGlyphs`.
 * A document past its budget (`options.budget`: pages, seconds) is refused with a PrintBudgetError;
 * no fixed Puppeteer timeout stops a long document the budget allows.
 */
export async function printPdf(html: string, options: PrintOptions): Promise<PrintResult> {
  const { meta } = options;
  const maxPages = options.budget?.maxPages ?? DEFAULT_MAX_PAGES;
  const timeout = options.budget?.timeout ?? DEFAULT_PRINT_TIMEOUT;
  const deadline = Date.now() + timeout * 1000;
  // Far past the budget: refused at once, not after the minutes Chromium would take to lay it out.
  if (fewestPages(html) > maxPages) throw new PrintBudgetError('PDF_TOO_LONG', maxPages);
  const blockedRequests: string[] = [];
  const onBlocked = (url: string): void => {
    blockedRequests.push(url);
    options.onBlockedRequest?.(url);
  };
  // Subset while the browser starts: the bundled chunks the page draws from, cut to its characters.
  const fonts = documentFonts(html);
  fonts.catch(() => {}); // awaited below; a failure surfaces there, not as an unhandled rejection
  // Puppeteer's own limits sit past the budget, so the budget's message, not Puppeteer's, is what a user reads.
  const session = await openSession(options, timeout * 1000 + PUPPETEER_GRACE_MS);
  let workDir: string | undefined;
  // From `finally` or from a signal, whichever comes first.
  const cleanup = once(async () => {
    await session.close();
    // A leftover temporary directory is not worth failing a finished print for.
    if (workDir) await rm(workDir, { recursive: true, force: true }).catch(() => {});
  });
  const release = cleanupOnSignal(cleanup);
  try {
    workDir = await mkdtemp(join(tmpdir(), 'yusuan-print-'));
    const dir = workDir;
    // Within the budget too; a page that carries its fonts already gets no second copy.
    const printing = fonts.then(async (chunks) => ({ chunks, ...(await printPage(session.browser, html, dir, carriesFonts(html) ? '' : fontFaceCss(chunks), onBlocked, maxPages)) }));
    const { pdf, runs, chunks } = await beforeDeadline(printing, deadline, () => new PrintBudgetError('PDF_TIMEOUT', timeout));
    const missingGlyphs = missingGlyphsInRuns(runs, new GlyphCoverage(chunks));
    return { pdf: await setPdfMetadata(pdf, meta), blockedRequests, missingGlyphs };
  } catch (cause) {
    if (cause instanceof PrintBudgetError) throw cause;
    throw printFailed(meta.title, cause);
  } finally {
    release();
    await cleanup();
  }
}

const PUPPETEER_GRACE_MS = 30_000;

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

async function openSession(options: PrintOptions, protocolTimeout: number): Promise<BrowserSession> {
  try {
    return options.launch ? sessionOf(await options.launch()) : await launchChromium(undefined, { protocolTimeout });
  } catch (cause) {
    // A missing browser is about this machine, not the document; its message already names the fix.
    if (cause instanceof BrowserNotFoundError) throw cause;
    throw printFailed(options.meta.title, cause);
  }
}

async function printPage(
  browser: Browser,
  html: string,
  workDir: string,
  fontCss: string,
  onBlocked: (url: string) => void,
  maxPages: number,
): Promise<{ pdf: Uint8Array; runs: TextRun[] }> {
  // Loaded from a file, not setContent: an about:blank page may not read file: fonts.
  const file = join(workDir, 'index.html');
  await writeFile(file, html);
  const page = await browser.newPage();
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

function printFailed(title: string, cause: unknown): PrintError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new PrintError(`打印 PDF 失败：《${title}》。Printing the PDF of "${title}" failed: ${reason}`, { cause });
}

function once(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= run());
}
