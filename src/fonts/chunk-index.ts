import { readFileSync } from 'node:fs';
import type { FontChunk } from '../print/font-face-css.js';
import { woff2CodePoints } from '../print/woff2-cmap.js';
import { fileIdentity, fontCache } from './disk-cache.js';

/** Per bundled chunk file: the code points its font maps, read once a process (a WOFF2's tables are brotli-decompressed to read it). */
const codePointsOf = new Map<string, Set<number>>();

/** The code points the font in `file` (WOFF2) maps to glyphs. */
export function fileCodePoints(file: string): Set<number> {
  let points = codePointsOf.get(file);
  if (points === undefined) {
    try {
      points = cachedCodePoints(file) ?? woff2CodePoints(readFileSync(file));
    } catch (cause) {
      throw new Error(`Cannot read the character map of font ${file}`, { cause });
    }
    codePointsOf.set(file, points);
  }
  return points;
}

/** Forgets the character maps read, as a new process would start (fonts/subset.ts's forgetSubsets). */
export function forgetCodePoints(): void {
  codePointsOf.clear();
}

/** The code points as an earlier process read them (uint32 little-endian, ascending), else read now and kept. */
function cachedCodePoints(file: string): Set<number> | undefined {
  const cache = fontCache();
  if (cache === undefined) return undefined;
  const key = ['cmap', fileIdentity(file)];
  const bytes = cache.get(key, (b) => b.length % 4 === 0);
  if (bytes !== undefined) {
    const points = new Set<number>();
    for (let at = 0; at < bytes.length; at += 4) points.add(bytes.readUInt32LE(at));
    return points;
  }
  const points = woff2CodePoints(readFileSync(file));
  const out = Buffer.alloc(points.size * 4);
  [...points].sort((a, b) => a - b).forEach((cp, i) => out.writeUInt32LE(cp, i * 4));
  cache.set(key, out);
  return points;
}

/** Which chunks' unicode-ranges take a code point, by position in the list; for a lookup per character, not a scan of ~400 rules. */
export interface ChunkIndex {
  points: Map<number, number[]>;
  /** Chunks with a range too wide to list point by point (a rule without unicode-range): they take every code point. */
  wide: number[];
}
const indexes = new WeakMap<readonly FontChunk[], ChunkIndex>();

export function chunkIndex(chunks: readonly FontChunk[]): ChunkIndex {
  let index = indexes.get(chunks);
  if (index === undefined) {
    index = { points: new Map(), wide: [] };
    for (const [i, chunk] of chunks.entries()) {
      if (chunk.ranges.some(([first, last]) => last - first > 0x30000)) {
        index.wide.push(i);
        continue;
      }
      for (const [first, last] of chunk.ranges) {
        for (let cp = first; cp <= last; cp++) {
          const at = index.points.get(cp);
          if (at === undefined) index.points.set(cp, [i]);
          else if (at.at(-1) !== i) at.push(i);
        }
      }
    }
    indexes.set(chunks, index);
  }
  return index;
}


/** Positions of the chunks whose unicode-range takes `cp`. */
export function chunksTaking(index: ChunkIndex, cp: number): number[] {
  const points = index.points.get(cp);
  return index.wide.length === 0 ? (points ?? []) : [...(points ?? []), ...index.wide].sort((a, b) => a - b);
}
