import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOne, printFindings } from '../../src/build.js';
import { bundledFontChunks, GlyphCoverage, missingGlyphs, missingGlyphsInRuns, printPdf, type PdfMeta } from '../../src/print/index.js';
import { parseUnicodeRange } from '../../src/print/font-face-css.js';
import { woff2CodePoints } from '../../src/print/woff2-cmap.js';
import { REFERENCE_DATA } from '../helpers/reference.js';

const SERIF = 'Noto Serif SC';
const SANS = 'Noto Sans SC';
/** In no unicode-range of the bundled fonts: CJK Extension B, as in some personal and place names. */
const EXT_B = '𠀀'; // U+20000
/** In a unicode-range of every bundled chunk set, but in no chunk's character map. */
const L_STROKE = 'ł'; // U+0142
/** Drawn by Noto Serif SC, not by Noto Sans SC (a CJK Unified Ideograph added in Unicode 13). */
const SERIF_ONLY = '鿰'; // U+9FF0

const coverage = new GlyphCoverage();
const inSomeRange = (char: string, family: string): boolean =>
  bundledFontChunks().some((chunk) => chunk.family === family && chunk.ranges.some(([a, b]) => char.codePointAt(0)! >= a && char.codePointAt(0)! <= b));

describe('missingGlyphs', () => {
  it('finds nothing missing in ordinary disclosure text', () => {
    const text = '新疆维吾尔自治区工业和信息化厅信息中心 2024 年单位预算公开：收支总预算 335.37 万元，占 100.00%；“三公”经费（万元）—…※①';
    expect(missingGlyphs(text, [SERIF], 400, coverage)).toEqual([]);
    expect(missingGlyphs(text, [SANS], 700, coverage)).toEqual([]);
  });

  it('reports a character outside every unicode-range', () => {
    expect(inSomeRange(EXT_B, SERIF)).toBe(false);
    expect(missingGlyphs(`预算${EXT_B}公开`, [SERIF, SANS], 400, coverage)).toEqual([EXT_B]);
  });

  it('reads the fonts, not only the ranges: a character in a range but not in the font is missing', () => {
    expect(inSomeRange(L_STROKE, SERIF)).toBe(true);
    expect(missingGlyphs(`Łódź ${L_STROKE}`, [SERIF], 400, coverage)).toContain(L_STROKE);
  });

  it('checks each text against the families it is set in', () => {
    expect(missingGlyphs(SERIF_ONLY, [SANS], 700, coverage)).toEqual([SERIF_ONLY]);
    expect(missingGlyphs(SERIF_ONLY, [SERIF], 400, coverage)).toEqual([]);
    expect(missingGlyphs(SERIF_ONLY, [SANS, SERIF], 400, coverage)).toEqual([]);
    // A family that is not bundled covers nothing the check can vouch for.
    expect(missingGlyphs('预算', ['SimSun'], 400, coverage)).toEqual(['预', '算']);
  });

  it('names each missing character once, in order, and never white space or invisible characters', () => {
    expect(missingGlyphs(`${EXT_B}a${L_STROKE}\u200b\u00a0\u3000\t\n${EXT_B}`, [SERIF], 400, coverage)).toEqual([EXT_B, L_STROKE]);
  });
});

describe('missingGlyphsInRuns', () => {
  it('checks each run against the bundled families of its font-family list', () => {
    const runs = [
      { fontFamily: `"${SANS}", "PingFang SC", sans-serif`, fontWeight: 700, text: `标题${SERIF_ONLY}` },
      { fontFamily: `"${SERIF}", serif`, fontWeight: 400, text: `正文${SERIF_ONLY}${EXT_B}` },
      // A template's own system font: nothing here can check it.
      { fontFamily: 'SimSun, serif', fontWeight: 400, text: EXT_B },
    ];
    expect(missingGlyphsInRuns(runs, coverage)).toEqual([SERIF_ONLY, EXT_B]);
  });
});

describe('the font files', () => {
  it('parse unicode-range values', () => {
    expect(parseUnicodeRange('U+4e00-9fff, U+3000,U+30??')).toEqual([
      [0x4e00, 0x9fff],
      [0x3000, 0x3000],
      [0x3000, 0x30ff],
    ]);
  });

  it('read the character map of a WOFF2 chunk', () => {
    const chunk = bundledFontChunks().find((c) => c.family === SERIF && c.ranges.some(([a, b]) => a <= 0x9884 && 0x9884 <= b))!;
    const points = woff2CodePoints(readFileSync(chunk.file));
    expect(points.has(0x9884)).toBe(true); // 预
    expect(points.size).toBeGreaterThan(50);
  });
});

describe('printPdf reports missing glyphs', () => {
  const META: PdfMeta = { title: 't', author: 'a', subject: 's', keywords: [], date: new Date('2025-01-01T00:00:00Z'), lang: 'zh-CN' };
  it('in headings (Noto Sans SC) and body text (Noto Serif SC), from the print stylesheet', async () => {
    const css = readFileSync(new URL('../../templates/print.css', import.meta.url), 'utf8');
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style media="print">${css}</style></head>
<body><h1>标题${SERIF_ONLY}</h1><p>正文${SERIF_ONLY}${L_STROKE}${EXT_B}</p><p style="display:none">${'\u{2A6D6}'}</p></body></html>`;
    const { missingGlyphs: missing } = await printPdf(html, { meta: META });
    expect([...missing].sort()).toEqual([SERIF_ONLY, L_STROKE, EXT_B].sort());
  }, 30_000);
});

describe('build warns about missing glyphs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-glyph-build-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('as a MISSING_GLYPHS warning naming each character', () => {
    const [finding] = printFindings({ pdf: new Uint8Array(), missingGlyphs: [EXT_B, L_STROKE] }, 'data.yaml');
    expect(finding).toMatchObject({ code: 'MISSING_GLYPHS', severity: 'warning', file: 'data.yaml' });
    expect(finding!.message).toContain(`U+20000 ${EXT_B}`);
    expect(finding!.message).toContain(`U+0142 ${L_STROKE}`);
    expect(printFindings(new Uint8Array(), 'data.yaml')).toEqual([]);
  });

  it('in the build result, with the PDF still written', async () => {
    const result = await buildOne(REFERENCE_DATA, {
      outDir: dir,
      formats: ['pdf'],
      print: async () => ({ pdf: new Uint8Array([37, 80, 68, 70]), missingGlyphs: [EXT_B], blockedRequests: [] }),
    });
    expect(result.findings.filter((f) => f.code === 'MISSING_GLYPHS')).toHaveLength(1);
    expect(result.outputs).toEqual([join(dir, '2024-info-center.pdf')]);
  });
});
