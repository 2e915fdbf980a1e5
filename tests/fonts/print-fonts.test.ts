// The page the PDF prints gets its fonts as data: URLs, subset to its characters: it reads no font
// file, the PDF embeds only subsets of the bundled Noto fonts, and the glyph check still names a
// character the fonts lack.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { launchIn } from './launch-in.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdf, type PrintResult } from '../../src/print/index.js';
import { expectOnlyBundledFonts } from '../print/helpers/poppler.js';

const HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>预算</title>
<style>h1 { font-family: 'Noto Sans SC'; font-weight: 700; } p { font-family: 'Noto Serif SC'; }</style></head>
<body><h1>单位预算公开</h1><p>一般公共预算财政拨款收入 123.45 万元；罕见字𠀀。</p></body></html>`;

describe('the printed page and its fonts', () => {
  let dir: string;
  let browser: Browser;
  let result: PrintResult;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-print-fonts-'));
    browser = await launchIn(dir);
    // Every request of every page printPdf opens, seen beside its own request guard.
    browser.on('targetcreated', async (target) => (await target.page())?.on('request', (request) => requests.push(request.url())));
    result = await printPdf(HTML, {
      meta: { title: '预算', author: '', subject: '', keywords: [], date: new Date('2025-01-01T00:00:00+08:00'), lang: 'zh-CN' },
      launch: async () => browser,
    });
    writeFileSync(join(dir, 'out.pdf'), result.pdf);
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads the document and data: URLs, and no font file', () => {
    const files = requests.filter((url) => !url.startsWith('data:'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^file:\/\/.*\/document-\d+\.html$/);
    expect(result.blockedRequests).toEqual([]);
  });

  it('embeds only subsets of the bundled Noto fonts', () => {
    expectOnlyBundledFonts(join(dir, 'out.pdf'));
  });

  it('names the character the bundled fonts lack, and only it', () => {
    expect(result.missingGlyphs).toEqual(['𠀀']);
  });
});
