// The HTML diff printed by Chromium as a reviewer would print it: A4 pages, the text all there.
// Skipped, saying why, where no Chromium is installed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffFiles } from '../../src/diff/index.js';
import { formatDiffHtml } from '../../src/diff/format-html.js';
import { launchChromium } from '../../src/print/launch-chromium.js';
import { COMPLETED, REFERENCE } from '../draft/helpers.js';
import { chromium } from '../helpers/chromium.js';


describe.skipIf(!chromium)('the HTML diff in Chromium', () => {
  it('prints on A4 with the summary, the figures and the marked sentences', async () => {
    const html = formatDiffHtml(diffFiles(REFERENCE, COMPLETED).diff!);
    const session = await launchChromium(chromium);
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-diff-print-'));
    try {
      const page = await session.browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(requests).toEqual([]);
      const file = join(dir, 'diff.pdf');
      writeFileSync(file, pdf);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Page size: +[\d.]+ x [\d.]+ pts \(A4\)/);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const s of ['摘要 Summary', '2080502 事业单位离退休 · 基本支出 · 一般公共预算', '表2、表3、表5', '增长 3.28%']) expect(text).toContain(s);
    } finally {
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
