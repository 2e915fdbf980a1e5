import { chunkIndex, chunksTaking, fileCodePoints, type ChunkIndex } from '../fonts/chunk-index.js';
import { bundledFontChunks, type FontChunk } from './font-face-css.js';
import { woff2CodePoints } from './woff2-cmap.js';

/** Text set in one font: what the page reports for each element's own text and each margin box. */
export interface TextRun {
  /** The computed `font-family` list, e.g. `"Noto Sans SC", sans-serif`. */
  fontFamily: string;
  /** The computed `font-weight`, e.g. 400 or 700. */
  fontWeight: number;
  text: string;
}

/** Nothing to draw: white space, control and format characters (ZWJ, bidi marks, soft hyphen…). */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}]/u;

/**
 * Answers "does this bundled face have a glyph for that character?" the way Chromium picks a face: a
 * character goes to a chunk whose unicode-range includes it, and is drawn by it only if the chunk's
 * font maps it. Fonts are read when first asked about, so a document reads only the chunks it uses.
 */
export class GlyphCoverage {
  private readonly fonts = new Map<FontChunk, Set<number>>();
  private readonly index: ChunkIndex;
  private readonly faceOf = new Map<string, number>();
  private readonly answers = new Map<string, boolean>();

  constructor(private readonly chunks: readonly FontChunk[] = bundledFontChunks()) {
    this.index = chunkIndex(chunks);
  }

  /** The bundled families, e.g. `Noto Serif SC`. */
  get families(): string[] {
    return [...new Set(this.chunks.map((chunk) => chunk.family))];
  }

  /** Each bundled face as [family, weight]. */
  get faces(): Array<[string, number]> {
    return [...new Map(this.chunks.map((chunk) => [`${chunk.weight} ${chunk.family}`, [chunk.family, chunk.weight] as [string, number]])).values()];
  }

  /** Whether `family` at `weight` draws code point `cp`. Weights match as CSS does between 400 and 700. */
  covers(family: string, cp: number, weight = 400): boolean {
    const face = this.face(family, weight);
    const key = `${face} ${family} ${cp}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = chunksTaking(this.index, cp).some((i) => {
        const chunk = this.chunks[i]!;
        return chunk.family === family && chunk.weight === face && this.codePoints(chunk).has(cp);
      });
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** The weight CSS font matching takes among the family's own: above 500 the next heavier, else the next lighter. */
  private face(family: string, weight: number): number {
    const key = `${weight} ${family}`;
    let face = this.faceOf.get(key);
    if (face === undefined) {
      const weights = [...new Set(this.chunks.filter((chunk) => chunk.family === family).map((chunk) => chunk.weight))].sort((a, b) => a - b);
      const lighter = weights.filter((w) => w <= weight).at(-1);
      const heavier = weights.find((w) => w >= weight);
      face = (weight > 500 ? (heavier ?? lighter) : (lighter ?? heavier)) ?? weight;
      this.faceOf.set(key, face);
    }
    return face;
  }

  /** The chunk's own font: its subset when it has one, else its bundled file. */
  private codePoints(chunk: FontChunk): Set<number> {
    if (chunk.data === undefined) return fileCodePoints(chunk.file);
    let points = this.fonts.get(chunk);
    if (points === undefined) {
      points = woff2CodePoints(chunk.data);
      this.fonts.set(chunk, points);
    }
    return points;
  }
}

/**
 * The characters of `text` that none of `families` has a glyph for, each once, in order of first
 * appearance. Only bundled families count; white space and invisible characters are never missing.
 */
export function missingGlyphs(text: string, families: readonly string[], weight = 400, coverage = new GlyphCoverage()): string[] {
  const missing = new Set<string>();
  for (const char of new Set(text)) {
    if (INVISIBLE.test(char)) continue;
    const cp = char.codePointAt(0)!;
    if (!families.some((family) => coverage.covers(family, cp, weight))) missing.add(char);
  }
  return [...missing];
}

/**
 * The characters of the page's text runs that the fonts they are set in cannot draw: each run is
 * checked against the bundled families its font-family list names. A run naming none of them (a
 * template's own choice of system fonts) cannot be checked here and is skipped.
 */
export function missingGlyphsInRuns(runs: readonly TextRun[], coverage = new GlyphCoverage()): string[] {
  const bundled = new Set(coverage.families);
  const missing = new Set<string>();
  for (const run of runs) {
    const families = fontFamilyList(run.fontFamily).filter((family) => bundled.has(family));
    if (families.length === 0) continue;
    for (const char of missingGlyphs(run.text, families, run.fontWeight, coverage)) missing.add(char);
  }
  return [...missing];
}

/** `"Noto Sans SC", 'PingFang SC', sans-serif` → ['Noto Sans SC', 'PingFang SC', 'sans-serif']. */
export function fontFamilyList(value: string): string[] {
  return value
    .split(',')
    .map((name) => name.trim().replace(/^(['"])(.*)\1$/, '$2'))
    .filter((name) => name !== '');
}

/** `U+20000 𠀀`: how a warning names a character. */
export function describeChar(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${char}`;
}

let shared: GlyphCoverage | undefined;
/** One coverage of the bundled fonts for the whole process: a subset draws exactly the characters its chunk draws. */
export function bundledCoverage(): GlyphCoverage {
  return (shared ??= new GlyphCoverage());
}

/**
 * Whether any visible character of `text` is missing from any bundled face: only then can the
 * font a character is set in decide whether it is drawn, and the page has to be asked.
 */
export function unsureCharacters(text: string, coverage = bundledCoverage()): boolean {
  const faces = coverage.faces;
  for (const char of new Set(text)) {
    if (INVISIBLE.test(char)) continue;
    const cp = char.codePointAt(0)!;
    if (!faces.every(([family, weight]) => coverage.covers(family, cp, weight))) return true;
  }
  return false;
}
