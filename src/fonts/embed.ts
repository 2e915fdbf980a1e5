import { fontFaceCss, type FontChunk } from '../print/font-face-css.js';
import { documentCharacters, FONTS_MARK } from './document-characters.js';
import { subsetChunks } from './subset.js';

/** The bundled font chunks the HTML page draws from, each subset to the page's characters. */
export function documentFonts(html: string): Promise<FontChunk[]> {
  return subsetChunks(documentCharacters(html));
}

/** Whether `embedFonts` has already put the fonts into this page. */
export function carriesFonts(html: string): boolean {
  return html.includes(`<style ${FONTS_MARK}>`);
}

/**
 * Per subset font: its @font-face rule as fontFaceCss writes it, and the rule in UTF-8. Units of a
 * batch share most subsets (subset.ts keeps them), so each rule is written and encoded once, not
 * for every page that carries it; forgotten with the subset.
 */
const rules = new WeakMap<Uint8Array, { body: string; css?: string; bytes?: Buffer }>();

function cachedRule(chunk: FontChunk): { body: string; css?: string; bytes?: Buffer } | undefined {
  if (chunk.data === undefined) return undefined;
  let rule = rules.get(chunk.data);
  if (rule?.body !== chunk.body) rules.set(chunk.data, (rule = { body: chunk.body }));
  return rule;
}

function ruleCss(chunk: FontChunk): string {
  const rule = cachedRule(chunk);
  if (rule === undefined) return fontFaceCss([chunk]);
  return (rule.css ??= fontFaceCss([chunk]));
}

function ruleBytes(chunk: FontChunk): Buffer {
  const rule = cachedRule(chunk);
  if (rule === undefined) return Buffer.from(fontFaceCss([chunk]));
  return (rule.bytes ??= Buffer.from(ruleCss(chunk)));
}

/** @font-face rules for subset chunks, each written once a subset (fontFaceCss's output). */
export function subsetFontCss(chunks: readonly FontChunk[]): string {
  return chunks.map(ruleCss).join('\n');
}

/** Where the fonts' style element goes: before `</head>`, or after the doctype of a template without one. */
function styleAt(html: string): number {
  const head = /<\/head\s*>/i.exec(html);
  if (head) return head.index;
  const doctype = /^\s*<!doctype[^>]*>\s*/i.exec(html);
  return doctype ? doctype[0].length : 0;
}

const OPEN = `<style ${FONTS_MARK}>\n`;
const CLOSE = '\n</style>\n';

/**
 * The HTML page with its fonts in it: a style element of @font-face rules whose fonts are data: URLs
 * (woff2 subsets of the bundled Noto chunks), so the page shows its Chinese text on a machine
 * without Chinese fonts and stays one self-contained file. Put before `</head>` (a template without
 * one gets it after the doctype).
 */
export async function embedFonts(html: string): Promise<string> {
  if (carriesFonts(html)) return html;
  const style = `${OPEN}${subsetFontCss(await documentFonts(html))}${CLOSE}`;
  const at = styleAt(html);
  return html.slice(0, at) + style + html.slice(at);
}

/**
 * `embedFonts`, as the UTF-8 file in pieces to write one after another: the page's own text encoded,
 * the fonts' rules (most of the file) as they were encoded for an earlier page, not copied again.
 */
export async function embedFontsParts(html: string): Promise<Uint8Array[]> {
  if (carriesFonts(html)) return [Buffer.from(html)];
  const fonts = await documentFonts(html);
  const at = styleAt(html);
  // The page is cut before `<` or after the doctype's whitespace, never inside a surrogate pair.
  const parts: Uint8Array[] = [Buffer.from(html.slice(0, at) + OPEN)];
  fonts.forEach((chunk, i) => {
    if (i > 0) parts.push(NEWLINE);
    parts.push(ruleBytes(chunk));
  });
  parts.push(Buffer.from(CLOSE + html.slice(at)));
  return parts;
}

/** `embedFonts` as the UTF-8 file, in one piece. */
export async function embedFontsBytes(html: string): Promise<Uint8Array> {
  return Buffer.concat(await embedFontsParts(html));
}

const NEWLINE = Buffer.from('\n');
