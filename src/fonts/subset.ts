// Subsets the bundled Noto chunks to the characters a document uses. The @fontsource packages ship
// each face as ~100 unicode-range woff2 chunks and no single-file font, and harfbuzz (subset-font)
// subsets but cannot merge fonts: so each chunk the document draws from is cut down to the document's
// characters and keeps its unicode-range. Glyphs, metrics and layout tables come from the same chunk
// Chromium would otherwise load, so the page is laid out exactly as with the full chunks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bundledFontChunks, type FontChunk } from '../print/font-face-css.js';
import { chunkIndex, chunksTaking, fileCodePoints, forgetCodePoints } from './chunk-index.js';
import { fileIdentity, fontCache } from './disk-cache.js';
import { sfntToWoff2 } from './woff2-write.js';

const require = createRequire(import.meta.url);
type SubsetFont = (font: Buffer, text: string, options: { targetFormat: 'sfnt' }) => Promise<Buffer>;
type Fontverter = { convert: (font: Buffer, to: 'truetype') => Promise<Buffer> };
// CommonJS both; loaded on first use so documents without fonts never start their wasm.
let subsetFont: SubsetFont | undefined;
let fontverter: Fontverter | undefined;

/** A small map that forgets its oldest entry past `limit`: a long batch keeps memory flat. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.map.set(key, value);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value!);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  clear(): void {
    this.map.clear();
  }
}

/**
 * Per chunk file: its font decoded from WOFF2 (harfbuzz reads sfnt only), for the next document that
 * draws from it. Room for every bundled chunk (404 files, 22 MB decoded): units that differ in their
 * text draw on ~100 chunks each and on more between them, and with room for 128 a batch of such
 * units decoded ~45 chunks again for every unit (50 ms of its ~120).
 */
const decoded = new Lru<Promise<Buffer>>(512);
/** Per (chunk file, characters): the subset woff2, shared by every document of a batch that uses the same characters. */
const subsets = new Lru<Promise<Uint8Array>>(512);

/**
 * The chunks that draw any of `text`'s characters, each subset to those of its characters its
 * unicode-range takes and its font maps (`data`, woff2), in the packages' declaration order. A
 * chunk none of the characters fall in is left out; Chromium would not have loaded it either.
 */
export async function subsetChunks(text: string, chunks: readonly FontChunk[] = bundledFontChunks()): Promise<FontChunk[]> {
  // The text's code points (a lone surrogate as itself), in ascending order: each chunk's list below is
  // then made in order, not sorted afterwards.
  const distinct = new Set<number>();
  for (let at = 0; at < text.length; at++) {
    const cp = text.codePointAt(at)!;
    distinct.add(cp);
    if (cp > 0xffff) at++;
  }
  // Per chunk (by its position), the text's code points in its range that its font maps.
  const own = new Map<number, number[]>();
  for (const cp of Uint32Array.from(distinct).sort()) {
    for (const i of chunksDrawing(chunks, cp)) {
      const points = own.get(i);
      if (points) points.push(cp);
      else own.set(i, [cp]);
    }
  }
  const used = [...own.keys()].sort((a, b) => a - b).map((i) => ({ chunk: chunks[i]!, own: own.get(i)! }));
  const fonts = await Promise.all(used.map(({ chunk, own }) => subsetOf(chunk.file, String.fromCodePoint(...own))));
  return used.map(({ chunk }, i) => ({ ...chunk, data: fonts[i] }));
}

/** Per list of chunks, per code point: the positions of the chunks whose range takes it and whose font maps it. */
let drawing = new WeakMap<readonly FontChunk[], Map<number, readonly number[]>>();

/** The chunks that draw `cp`, found once a process: units of a batch share most of their characters. */
function chunksDrawing(chunks: readonly FontChunk[], cp: number): readonly number[] {
  let known = drawing.get(chunks);
  if (known === undefined) drawing.set(chunks, (known = new Map()));
  let found = known.get(cp);
  if (found === undefined) {
    // Only a chunk the text falls in is read.
    found = chunksTaking(chunkIndex(chunks), cp).filter((i) => fileCodePoints(chunks[i]!.file).has(cp));
    known.set(cp, found);
  }
  return found;
}

/** The font of chunk file `file` cut down to `chars` (woff2), made once for units that share them. */
function subsetOf(file: string, chars: string): Promise<Uint8Array> {
  return cached(subsets, `${file}\0${chars}`, () =>
    onDisk(['subset', fileIdentity(file), chars], isWoff2, async () => {
      const sfnt = await sfntOf(file);
      subsetFont ??= require('subset-font') as SubsetFont;
      const subset = await oneAtATime(() => subsetFont!(sfnt, chars, { targetFormat: 'sfnt' }));
      return sfntToWoff2(subset);
    }),
  );
}

function sfntOf(file: string): Promise<Buffer> {
  return cached(decoded, file, () =>
    onDisk(['sfnt', fileIdentity(file)], isSfnt, () => {
      fontverter ??= require('fontverter') as Fontverter;
      return oneAtATime(() => fontverter!.convert(readFileSync(file), 'truetype'));
    }),
  );
}

/** `make()`, or what an earlier process made of the same inputs (fonts/disk-cache.ts). */
async function onDisk(key: readonly string[], valid: (bytes: Buffer) => boolean, make: () => Promise<Uint8Array>): Promise<Buffer> {
  const cache = fontCache();
  const kept = cache?.get(key, valid);
  if (kept !== undefined) return kept;
  const made = await make();
  cache?.set(key, made);
  return Buffer.isBuffer(made) ? made : Buffer.from(made.buffer, made.byteOffset, made.byteLength);
}

/** A whole WOFF2 file: its signature, and the length its header gives. */
function isWoff2(bytes: Buffer): boolean {
  return bytes.length >= 48 && bytes.readUInt32BE(0) === 0x774f4632 && bytes.readUInt32BE(8) === bytes.length;
}

/** An sfnt (TrueType or CFF) whose table directory fits in it. */
function isSfnt(bytes: Buffer): boolean {
  if (bytes.length < 12 || ![0x00010000, 0x4f54544f, 0x74727565].includes(bytes.readUInt32BE(0))) return false;
  return bytes.length >= 12 + 16 * bytes.readUInt16BE(4);
}

/** Forgets every decoded font, subset and character map, as a new process would start (for tests of reproducibility); the disk cache stays. */
export function forgetSubsets(): void {
  decoded.clear();
  subsets.clear();
  forgetCodePoints();
  drawing = new WeakMap();
}

let queue: Promise<unknown> = Promise.resolve();
/**
 * Runs the wasm calls one after another. The WOFF2 decoder hands back a view of its own memory that
 * the next call overwrites: run side by side, the decoded fonts came out corrupt.
 */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const result = queue.then(work);
  queue = result.catch(() => {});
  return result;
}

/** The cache's promise for `key`, made by `make` when absent; a failure is not remembered, so the next document tries again. */
function cached<V>(cache: Lru<Promise<V>>, key: string, make: () => Promise<V>): Promise<V> {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    value.catch(() => cache.delete(key));
    cache.set(key, value);
  }
  return value;
}
