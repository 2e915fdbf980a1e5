export { printPdf } from './print-pdf.js';
export type { PdfMeta, PrintOptions, PrintResult } from './options.js';
export { findChromium, SYSTEM_CHROMIUM_PATHS, type ChromiumSearch } from './find-chromium.js';
export { bundledFontChunks, fontFaceCss, type FontChunk } from './font-face-css.js';
export { describeChar, GlyphCoverage, missingGlyphs, missingGlyphsInRuns, type TextRun } from './glyph-coverage.js';
export { BrowserNotFoundError, PrintError, type PrintErrorCode } from './errors.js';
