// The page estimate lets a short document skip the page-budget probe: it must never say fewer pages
// than the PDF has, or a document past --max-pages could print. Checked on the reference and on a
// generated unit of ~60 pages of tables.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadText, produce } from '../../src/index.js';
import { embedFonts } from '../../src/fonts/embed.js';
import { launchChromium, type BrowserSession } from '../../src/print/launch-chromium.js';
import { estimatePages } from '../../src/print/print-pdf.js';
import { chromium, hasChromium } from '../helpers/chromium.js';
// @ts-expect-error: a script of the benchmark, plain JavaScript
import { growthData } from '../../scripts/large-data.js';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-estimate-'));
let session: BrowserSession | undefined;
afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function pagesAndEstimate(file: string): Promise<[number, number | undefined]> {
  const { document } = produce(file);
  const html = await embedFonts(document!.html);
  const page = join(dir, 'page.html');
  writeFileSync(page, html);
  session ??= await launchChromium(chromium);
  const tab = await session.browser.newPage();
  await tab.emulateMediaType('print');
  await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
  await tab.evaluate(() => document.fonts.ready.then(() => undefined));
  const estimate = await estimatePages(tab);
  const pdf = await tab.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await tab.close();
  return [(await PDFDocument.load(pdf)).getPageCount(), estimate];
}

describe.skipIf(!hasChromium)('the page estimate', () => {
  it('is at least the reference\'s 22 pages, and not absurdly more', async () => {
    const [pages, estimate] = await pagesAndEstimate('data/2024-info-center.yaml');
    expect(pages).toBe(22);
    expect(estimate).toBeGreaterThanOrEqual(pages);
    expect(estimate).toBeLessThan(pages * 6);
  }, 60_000);

  it('is at least the pages of a unit of 100 lines and 50 projects', async () => {
    const file = join(dir, 'growth.yaml');
    writeFileSync(file, growthData({ lines: 100, projects: 50 }));
    expect(loadText(growthData({ lines: 100, projects: 50 }), file).data).toBeDefined();
    const [pages, estimate] = await pagesAndEstimate(file);
    expect(pages).toBeGreaterThan(50);
    expect(estimate).toBeGreaterThanOrEqual(pages);
  }, 120_000);
});
