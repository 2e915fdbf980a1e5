// The HTML output carries its fonts: opened in Chromium with every request but the page's own refused
// (so no font file and no network can help), the reference's Chinese text is drawn by the embedded
// Noto subsets and not by a system font (this machine has Droid Sans Fallback, which draws CJK).
// Not compared pixel for pixel with the bundled chunks: FreeType's autofitter takes its blue zones
// from a font's own characters, so on screen a subset hints a glyph a shade differently (advances are
// the same; the PDF, drawn from outlines, is identical page for page).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { launchIn } from './launch-in.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedFonts } from '../../src/fonts/index.js';
import { compute, loadText, render } from '../../src/index.js';
import { REFERENCE_DATA } from '../helpers/reference.js';

const FACES = [
  ['Noto Serif SC', 400],
  ['Noto Serif SC', 700],
  ['Noto Sans SC', 400],
  ['Noto Sans SC', 700],
] as const;
/** Characters of the reference's text. */
const SAMPLE = '单位预算公开收入支出';

describe('the HTML output shows its Chinese text in the embedded fonts', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-html-fonts-'));
    const html = await embedFonts(render(compute(loadText(readFileSync(REFERENCE_DATA, 'utf8'), REFERENCE_DATA).data!)).html);
    const file = join(dir, 'index.html');
    writeFileSync(file, html);
    browser = await launchIn(dir);
    page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      requests.push(request.url());
      void (request.url() === pathToFileURL(file).href || request.url().startsWith('data:') ? request.continue() : request.abort());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('asks for nothing but the page and data: URLs', () => {
    expect(requests.filter((url) => !url.startsWith('data:'))).toHaveLength(1);
  });

  it('has loaded a font of each face: Noto Serif SC and Noto Sans SC, 400 and 700', async () => {
    const loaded = await page.evaluate(() => Array.from(document.fonts, (face) => `${face.family.replace(/["']/g, '')} ${face.weight} ${face.status}`));
    for (const [family, weight] of FACES) expect(loaded, `${family} ${weight}`).toContain(`${family} ${weight} loaded`);
    expect(loaded.filter((face) => face.endsWith('error'))).toEqual([]);
  });

  it('draws the text with the embedded fonts: every glyph from the face the style names, none from a system font', async () => {
    await page.evaluate((body: string) => {
      document.body.innerHTML = body;
      return document.fonts.ready;
    }, samples());
    const cdp = await page.createCDPSession();
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    for (const [family, weight] of FACES) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: sampleId(family, weight) });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      // The packages' fonts call themselves e.g. "Noto Serif SC ExtraLight" / NotoSerifSCExtraLight-Regular, whatever their weight.
      const postScriptName = new RegExp(`^${family.replace(/ /g, '')}\\w*-${weight === 700 ? 'Bold' : 'Regular'}$`);
      expect(fonts, `${family} ${weight}`).toEqual([
        { familyName: expect.stringMatching(`^${family}`), postScriptName: expect.stringMatching(postScriptName), isCustomFont: true, glyphCount: [...SAMPLE].length },
      ]);
    }
    await cdp.detach();
  });

  it('and they look unlike the system font this machine would use instead', async () => {
    const embedded = await shots(page);
    await page.evaluate(() => document.querySelectorAll('p').forEach((p) => (p.style.fontFamily = 'serif')));
    const system = await shots(page);
    for (const [i, [family, weight]] of FACES.entries()) expect(embedded[i]!.equals(system[i]!), `${family} ${weight}`).toBe(false);
  });
});

const sampleId = (family: string, weight: number): string => `#${family.replace(/ /g, '')}-${weight}`;

async function shots(page: Page): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const [family, weight] of FACES) out.push(Buffer.from(await (await page.$(sampleId(family, weight)))!.screenshot()));
  return out;
}

function samples(): string {
  return FACES.map(
    ([family, weight]) =>
      `<p id="${sampleId(family, weight).slice(1)}" style="font: ${weight} 40px '${family}'; display: inline-block; margin: 0; background: #fff; color: #000">${SAMPLE}</p>`,
  ).join('<br>');
}
