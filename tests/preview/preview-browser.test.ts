// `preview` in real Chromium: a saved change reaches the open page, an error shows in the panel with
// the last good document kept under it, and data text in the panel stays text.
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/preview/index.js';
import { launchChromium, type BrowserSession } from '../../src/print/launch-chromium.js';
import { chromium } from '../helpers/chromium.js';


const reference = readFileSync(new URL('../../data/2024-info-center.yaml', import.meta.url), 'utf8');

/** What the page shows, read again and again until `ok` holds; the page reloads in between. */
async function until(page: Page, ok: (state: { text: string; panel: string; errors: number; scripts: number }) => boolean, ms = 2000) {
  const started = performance.now();
  let last = { text: '', panel: '', errors: -1, scripts: -1 };
  while (performance.now() - started < ms) {
    try {
      const seen = await page.evaluate(() => ({
        // A page still loading shows part of the document: only a whole page counts.
        ready: document.readyState !== 'loading',
        text: document.querySelector('main')?.textContent ?? '',
        panel: document.getElementById('yusuan-preview')?.textContent ?? '',
        errors: document.querySelectorAll('#yusuan-preview .yusuan-error').length,
        scripts: document.scripts.length,
      }));
      if (seen.ready) {
        last = seen;
        if (ok(last)) return { ...last, ms: performance.now() - started };
      }
    } catch {
      // The page is between two loads: ask again.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`page did not change within ${ms} ms; panel: ${last.panel.slice(0, 500)}`);
}

describe.skipIf(!chromium)('yusuan preview in Chromium', () => {
  let dir: string;
  let file: string;
  let preview: Preview;
  let session: BrowserSession;
  let page: Page;
  const timings: number[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-preview-test-'));
    file = join(dir, 'unit.yaml');
    writeFileSync(file, reference);
    [preview, session] = await Promise.all([startPreview(file), launchChromium(chromium, { loopback: true })]);
    page = await session.browser.newPage();
    await page.goto(preview.url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await page?.close().catch(() => {});
    await session?.close();
    await preview?.close();
    rmSync(dir, { recursive: true, force: true });
    if (timings.length) console.log(`preview: save → updated page ${timings.map((t) => `${Math.round(t)} ms`).join(', ')}`);
  });

  it('shows the document with the bundled Chinese fonts and one script, its own', async () => {
    const shown = await until(page, (s) => s.text.includes('项目支出 65.00 万元，占 19.38%'));
    expect(shown.scripts).toBe(1);
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, ''));
    });
    expect(fonts).toContain('Noto Serif SC');
    expect(fonts).toContain('Noto Sans SC');
  });

  it('shows a changed figure and its changed share after a save', async () => {
    const changed = reference.replace('project: { general: 65 }', 'project: { general: 75 }').replace('economic: { 302: 65 } ', 'economic: { 302: 75 } ');
    expect(changed).not.toBe(reference);
    const saved = performance.now();
    writeFileSync(file, changed);
    await until(page, (s) => s.text.includes('项目支出 75.00 万元，占 21.72%') && s.errors === 0);
    timings.push(performance.now() - saved);
  });

  it('shows an error with file:line in the panel and keeps the last good document under it', async () => {
    const bad = readFileSync(file, 'utf8').replace('basic: { general: 11.82 }', 'basic: { general: abc }');
    // Saved as editors do: a new file renamed over the old one.
    writeFileSync(`${file}.tmp`, bad);
    const saved = performance.now();
    renameSync(`${file}.tmp`, file);
    const shown = await until(page, (s) => s.errors > 0);
    timings.push(performance.now() - saved);
    expect(shown.panel).toContain(`${file}:35:23`);
    expect(shown.panel).toContain('NOT_A_NUMBER');
    expect(shown.text).toContain('项目支出 75.00 万元，占 21.72%');
  });

  it('clears the panel once the error is fixed', async () => {
    const saved = performance.now();
    writeFileSync(file, readFileSync(file, 'utf8').replace('basic: { general: abc }', 'basic: { general: 11.82 }'));
    const shown = await until(page, (s) => s.errors === 0);
    timings.push(performance.now() - saved);
    expect(shown.panel).not.toContain('NOT_A_NUMBER');
    expect(shown.text).toContain('项目支出 75.00 万元，占 21.72%');
  });

  it('shows markup in the data as text in the panel, never as markup', async () => {
    // Within the 40 characters a message quotes of data text (src/load/limits.ts), so it is shown whole.
    const markup = '</style><script>pwned=1</script><b>x</b>';
    writeFileSync(file, reference.replace('basic: { general: 11.82 }', `basic: { general: "${markup}" }`));
    const shown = await until(page, (s) => s.errors > 0);
    expect(shown.panel).toContain(markup);
    expect(shown.scripts).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('#yusuan-preview b').length)).toBe(0);
  });
});
