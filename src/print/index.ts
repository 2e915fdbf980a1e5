export { printPdf } from './print-pdf.js';
export { DEFAULT_MAX_PAGES, DEFAULT_PRINT_TIMEOUT, type PdfMeta, type PrintBudget, type PrintOptions, type PrintResult } from './options.js';
export { findChromium, SYSTEM_CHROMIUM_PATHS, type ChromiumSearch } from './find-chromium.js';
export { bundledFontChunks, fontFaceCss, type FontChunk } from './font-face-css.js';
export { describeChar, GlyphCoverage, missingGlyphs, missingGlyphsInRuns, type TextRun } from './glyph-coverage.js';
export { BrowserNotFoundError, PrintBudgetError, PrintError, type PrintErrorCode } from './errors.js';
export { openPrinter, type Printer, type PrinterOptions } from './printer.js';
