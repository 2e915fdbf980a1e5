import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { cleanupOnSignal } from './close-on-signal.js';
import { collectTextRuns } from './collect-text.js';
import { BrowserNotFoundError, PrintError } from './errors.js';
import { bundledFontChunks, bundledFontDirs, fontFaceCss } from './font-face-css.js';
import { GlyphCoverage, missingGlyphsInRuns, type TextRun } from './glyph-coverage.js';
import { launchChromium, sessionOf, type BrowserSession } from './launch-chromium.js';
import type { PrintOptions, PrintResult } from './options.js';
import { setPdfMetadata } from './pdf-metadata.js';
import { guardRequests } from './request-guard.js';
import { waitForFonts } from './wait-for-fonts.js';

/**
 * Prints a self-contained HTML document to an A4 PDF with the bundled Noto fonts, page-margin-box
 * headers and page numbers, a tagged structure, an outline and `meta` as document information.
 * The page runs no JavaScript and loads nothing but data: URLs, its own file and the fonts. Every
 * character it sets is checked against the bundled fonts; those they cannot draw are in `missingGlyphs`.
 */
export async function printPdf(html: string, options: PrintOptions): Promise<PrintResult> {
  const { meta } = options;
  const blockedRequests: string[] = [];
  const onBlocked = (url: string): void => {
    blockedRequests.push(url);
    options.onBlockedRequest?.(url);
  };
  const session = await openSession(options);
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
    const chunks = bundledFontChunks();
    const { pdf, runs } = await printPage(session.browser, html, workDir, fontFaceCss(chunks), onBlocked);
    const missingGlyphs = missingGlyphsInRuns(runs, new GlyphCoverage(chunks));
    return { pdf: await setPdfMetadata(pdf, meta), blockedRequests, missingGlyphs };
  } catch (cause) {
    throw printFailed(meta.title, cause);
  } finally {
    release();
    await cleanup();
  }
}

async function openSession(options: PrintOptions): Promise<BrowserSession> {
  try {
    return options.launch ? sessionOf(await options.launch()) : await launchChromium();
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
): Promise<{ pdf: Uint8Array; runs: TextRun[] }> {
  // Loaded from a file, not setContent: an about:blank page may not read file: fonts.
  const file = join(workDir, 'index.html');
  await writeFile(file, html);
  const page = await browser.newPage();
  // Before loading, so no script from the data ever runs.
  await page.setJavaScriptEnabled(false);
  await guardRequests(page, [workDir, ...bundledFontDirs()], onBlocked);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.addStyleTag({ content: fontCss });
  await waitForFonts(page);
  // The fonts the print stylesheet gives each element, not the screen ones.
  await page.emulateMediaType('print');
  const runs = await collectTextRuns(page);
  // Header and page numbers come from the stylesheet's @page margin boxes, which use the document's
  // fonts; displayHeaderFooter templates would only see system fonts, which have no CJK glyphs here.
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
  return { pdf, runs };
}

function printFailed(title: string, cause: unknown): PrintError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new PrintError(`打印 PDF 失败：《${title}》。Printing the PDF of "${title}" failed: ${reason}`, { cause });
}

function once(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= run());
}
