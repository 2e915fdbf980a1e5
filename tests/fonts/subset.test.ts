// Subsetting the bundled chunks to a document's characters: which characters, which chunks, the
// WOFF2 they are wrapped in, and the style element that carries them in the HTML.
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { carriesFonts, documentCharacters, embedFonts, sfntToWoff2, subsetChunks } from '../../src/fonts/index.js';
import { bundledFontChunks, GlyphCoverage } from '../../src/print/index.js';
import { woff2CodePoints } from '../../src/print/woff2-cmap.js';
import { withoutFonts } from '../../src/fonts/document-characters.js';

const require = createRequire(import.meta.url);
const fontverter = require('fontverter') as { convert: (font: Buffer, to: string) => Promise<Buffer> };

const PAGE = `<!doctype html><html><head><title>标题</title>
<style>p { font-family: 'Noto Serif SC'; } @page { @top-center { content: "页眉\\201C\\"甲\\" " counter(page); } }</style>
</head><body><h1 class="x">预算&amp;公开</h1><p>单位&#x4e00;</p><!-- 注释 --><script>var 脚本;</script></body></html>`;

describe('documentCharacters', () => {
  const chars = new Set(documentCharacters(PAGE));

  it('takes the text, entities decoded, and the stylesheet content strings, escapes decoded', () => {
    for (const char of '标题预算&公开单位一页眉“"甲') expect(chars.has(char), char).toBe(true);
  });

  it('adds the digits counters print, the list marker dot and the space', () => {
    for (const char of '0123456789. ') expect(chars.has(char), char).toBe(true);
  });

  it('gives a page with its fonts embedded the characters of the page without them', async () => {
    const page = '<!doctype html><html><head><style>h1::after { content: "完" }</style></head><body><h1>预算</h1><p>公开 &amp; 说明</p></body></html>';
    const embedded = await embedFonts(page);
    expect(embedded.length).toBeGreaterThan(page.length + 10_000);
    expect(withoutFonts(embedded)).toBe(page);
    expect(documentCharacters(embedded)).toBe(documentCharacters(page));
  });

  it('leaves out tags, attributes, CSS, comments and scripts', () => {
    for (const char of 'hlpNSx注释脚本') expect(chars.has(char), char).toBe(false);
  });
});

describe('subsetChunks', () => {
  const bundled = bundledFontChunks();
  const text = '预算公开A';

  it('keeps each chunk the text draws from, with its face and unicode-range, and no other', async () => {
    const chunks = await subsetChunks(text, bundled);
    const faces = new Set(chunks.map((chunk) => `${chunk.family} ${chunk.weight}`));
    expect([...faces].sort()).toEqual(['Noto Sans SC 400', 'Noto Sans SC 700', 'Noto Serif SC 400', 'Noto Serif SC 700']);
    for (const chunk of chunks) {
      const source = bundled.find((b) => b.file === chunk.file)!;
      expect(chunk.body).toBe(source.body);
      expect(chunk.ranges).toEqual(source.ranges);
    }
    // Each character falls in one chunk of each face.
    expect(chunks.length).toBeLessThanOrEqual(4 * [...text].length);
  });

  it('maps exactly the text characters its range takes, in a font far smaller than the chunk', async () => {
    const chunks = await subsetChunks(text, bundled);
    const all = new Set<number>();
    for (const chunk of chunks) {
      expect(chunk.data).toBeInstanceOf(Uint8Array);
      const mapped = woff2CodePoints(chunk.data!);
      expect(mapped.size).toBeGreaterThan(0);
      for (const cp of mapped) {
        expect(text).toContain(String.fromCodePoint(cp));
        expect(chunk.ranges.some(([first, last]) => cp >= first && cp <= last)).toBe(true);
        all.add(cp);
      }
      expect(chunk.data!.length).toBeLessThan(statSync(chunk.file).size / 4);
    }
    expect(all).toEqual(new Set(Array.from(text, (char) => char.codePointAt(0)!)));
  });

  it('answers the same characters again from memory, byte for byte', async () => {
    const [first, second] = [await subsetChunks(text, bundled), await subsetChunks(text, bundled)];
    expect(second.map((chunk) => chunk.data)).toEqual(first.map((chunk) => chunk.data));
    // The very same bytes: the cache, not a second subsetting.
    expect(second[0]!.data).toBe(first[0]!.data);
  });

  it('lets the glyph check read the subsets: what they map is covered, the rest is missing', async () => {
    const coverage = new GlyphCoverage(await subsetChunks('预算', bundled));
    expect(coverage.covers('Noto Serif SC', '预'.codePointAt(0)!)).toBe(true);
    expect(coverage.covers('Noto Sans SC', '算'.codePointAt(0)!, 700)).toBe(true);
    // In the bundled fonts, but not in this document's subsets.
    expect(new GlyphCoverage(bundled).covers('Noto Serif SC', '的'.codePointAt(0)!)).toBe(true);
    expect(coverage.covers('Noto Serif SC', '的'.codePointAt(0)!)).toBe(false);
  });
});

describe('sfntToWoff2', () => {
  it('gives a WOFF2 that a WOFF2 decoder turns back into the same tables', async () => {
    const sfnt = await fontverter.convert(readFileSync(bundledFontChunks()[0]!.file), 'sfnt');
    const woff2 = sfntToWoff2(sfnt);
    expect(Buffer.from(woff2.subarray(0, 4)).toString('latin1')).toBe('wOF2');
    expect(woff2.length).toBeLessThan(sfnt.length);
    const back = await fontverter.convert(Buffer.from(woff2), 'sfnt');
    expect(tables(back)).toEqual(tables(sfnt));
    expect(woff2CodePoints(woff2)).toEqual(woff2CodePoints(readFileSync(bundledFontChunks()[0]!.file)));
  });
});

/** An sfnt's tables by tag (the decoder may lay them out in another order). */
function tables(sfnt: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < sfnt.readUInt16BE(4); i++) {
    const at = 12 + i * 16;
    const tag = sfnt.toString('latin1', at, at + 4);
    // head's checkSumAdjustment (bytes 8–11) depends on the layout of the whole file.
    const data = Buffer.from(sfnt.subarray(sfnt.readUInt32BE(at + 8), sfnt.readUInt32BE(at + 8) + sfnt.readUInt32BE(at + 12)));
    if (tag === 'head') data.fill(0, 8, 12);
    out[tag] = data.toString('base64');
  }
  return out;
}

describe('embedFonts', () => {
  it('puts one @font-face per chunk used, each a data: URL, before </head>, once', async () => {
    const html = await embedFonts(PAGE);
    expect(carriesFonts(html)).toBe(true);
    expect(html.indexOf('<style data-yusuan-fonts>')).toBeLessThan(html.indexOf('</head>'));
    const rules = [...html.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((match) => match[1]!);
    const faces = new Set(rules.map((rule) => /font-family:\s*([^;]+);[\s\S]*font-weight:\s*(\d+)/.exec(rule)!.slice(1).join(' ')));
    expect([...faces].sort()).toEqual(["'Noto Sans SC' 400", "'Noto Sans SC' 700", "'Noto Serif SC' 400", "'Noto Serif SC' 700"]);
    for (const rule of rules) {
      expect(rule).toMatch(/src: url\("data:font\/woff2;base64,[A-Za-z0-9+/=]+"\) format\('woff2'\);/);
      expect(rule).toMatch(/unicode-range:/);
    }
    expect(html).not.toContain('file:');
    expect(await embedFonts(html)).toBe(html);
  });

  it('puts the fonts after the doctype of a page without a head', async () => {
    const html = await embedFonts('<!doctype html><p>预算</p>');
    expect(html).toMatch(/^<!doctype html><style data-yusuan-fonts>/);
  });
});
