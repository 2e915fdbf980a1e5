// What `pdftotext` reads from yusuan's own PDF of a data file: the audit and import tests of
// published text start from it (loaded, computed, rendered and printed as `build` does).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfMeta } from '../../src/build.js';
import { compute, loadText, render } from '../../src/index.js';
import { printPdf } from '../../src/print/index.js';

/** The text of the data file's PDF, plain (`pdftotext`) and with its layout kept (`pdftotext -layout`). */
export async function printedText(data: string): Promise<{ plain: string; layout: string }> {
  const view = compute(loadText(readFileSync(data, 'utf8'), data).data!);
  const { html } = render(view);
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-printed-'));
  try {
    const pdf = join(dir, 'document.pdf');
    writeFileSync(pdf, (await printPdf(html, { meta: pdfMeta(view, html) })).pdf);
    const text = (args: string[]) => execFileSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { plain: text([]), layout: text(['-layout']) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
