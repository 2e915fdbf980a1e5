import { fontFaceCss, type FontChunk } from '../print/font-face-css.js';
import { documentCharacters } from './document-characters.js';
import { subsetChunks } from './subset.js';

/** Marks the style element that carries a page's fonts, so they are embedded once. */
const MARK = 'data-yusuan-fonts';

/** The bundled font chunks the HTML page draws from, each subset to the page's characters. */
export function documentFonts(html: string): Promise<FontChunk[]> {
  return subsetChunks(documentCharacters(html));
}

/** Whether `embedFonts` has already put the fonts into this page. */
export function carriesFonts(html: string): boolean {
  return html.includes(`<style ${MARK}>`);
}

/**
 * The HTML page with its fonts in it: a style element of @font-face rules whose fonts are data: URLs
 * (woff2 subsets of the bundled Noto chunks), so the page shows its Chinese text on a machine
 * without Chinese fonts and stays one self-contained file. Put before `</head>` (a template without
 * one gets it after the doctype).
 */
export async function embedFonts(html: string): Promise<string> {
  if (carriesFonts(html)) return html;
  const style = `<style ${MARK}>\n${fontFaceCss(await documentFonts(html))}\n</style>\n`;
  const head = /<\/head\s*>/i.exec(html);
  if (head) return html.slice(0, head.index) + style + html.slice(head.index);
  const doctype = /^\s*<!doctype[^>]*>\s*/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + style + html.slice(at);
}
