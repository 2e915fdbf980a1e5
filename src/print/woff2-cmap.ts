import { brotliDecompressSync } from 'node:zlib';
import { KNOWN_TAGS } from '../fonts/woff2-write.js';

/**
 * The code points a WOFF2 font maps to glyphs (its `cmap` table, formats 4 and 12). A unicode-range
 * only says which characters a chunk may be used for: the @fontsource chunks list some 1,900 code
 * points (Latin Extended, general punctuation, Hangul, emoji…) that their fonts have no glyph for.
 * See https://www.w3.org/TR/WOFF2/ for the container and the OpenType spec for `cmap`.
 */
export function woff2CodePoints(font: Uint8Array): Set<number> {
  const cmap = woff2Table(font, 'cmap');
  if (cmap === undefined) throw new Error('WOFF2 font without a cmap table');
  return cmapCodePoints(cmap);
}

function woff2Table(font: Uint8Array, wanted: string): Uint8Array | undefined {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  if (view.getUint32(0) !== 0x774f4632) throw new Error('Not a WOFF2 font'); // 'wOF2'
  const numTables = view.getUint16(12);
  const compressedLength = view.getUint32(20);
  let pos = 48; // after the fixed header
  const base128 = (): number => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = view.getUint8(pos++);
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new Error('Bad UIntBase128 in WOFF2 table directory');
  };
  let offset = 0;
  let found: { offset: number; length: number } | undefined;
  for (let i = 0; i < numTables; i++) {
    const flags = view.getUint8(pos++);
    let tag = KNOWN_TAGS[flags & 0x3f];
    if ((flags & 0x3f) === 0x3f) {
      tag = String.fromCharCode(...font.subarray(pos, pos + 4));
      pos += 4;
    }
    const transform = flags >> 6;
    const origLength = base128();
    // glyf and loca are transformed unless the version is 3; every other table unless it is 0.
    const transformed = tag === 'glyf' || tag === 'loca' ? transform !== 3 : transform !== 0;
    const length = transformed ? base128() : origLength;
    if (tag === wanted) found = { offset, length };
    offset += length;
  }
  if (found === undefined) return undefined;
  const tables = brotliDecompressSync(font.subarray(pos, pos + compressedLength));
  return tables.subarray(found.offset, found.offset + found.length);
}

function cmapCodePoints(cmap: Uint8Array): Set<number> {
  const view = new DataView(cmap.buffer, cmap.byteOffset, cmap.byteLength);
  const points = new Set<number>();
  const seen = new Set<number>();
  for (let i = 0; i < view.getUint16(2); i++) {
    const at = view.getUint32(4 + i * 8 + 4);
    if (seen.has(at)) continue;
    seen.add(at);
    const format = view.getUint16(at);
    if (format === 4) {
      const segments = view.getUint16(at + 6) / 2;
      for (let s = 0; s < segments; s++) {
        const end = view.getUint16(at + 14 + s * 2);
        const start = view.getUint16(at + 16 + segments * 2 + s * 2);
        const delta = view.getInt16(at + 16 + segments * 4 + s * 2);
        const rangeOffsetAt = at + 16 + segments * 6 + s * 2;
        const rangeOffset = view.getUint16(rangeOffsetAt);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const glyph = rangeOffset === 0 ? (c + delta) & 0xffff : glyphAt(view, rangeOffsetAt + rangeOffset + (c - start) * 2, delta);
          if (glyph !== 0) points.add(c);
        }
      }
    } else if (format === 12) {
      const groups = view.getUint32(at + 12);
      for (let g = 0; g < groups; g++) {
        const start = view.getUint32(at + 16 + g * 12);
        const end = view.getUint32(at + 20 + g * 12);
        const glyph = view.getUint32(at + 24 + g * 12);
        for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) points.add(c);
      }
    }
  }
  return points;
}

function glyphAt(view: DataView, at: number, delta: number): number {
  const glyph = view.getUint16(at);
  return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
}
