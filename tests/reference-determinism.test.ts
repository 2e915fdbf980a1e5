// Same input, same output: the reference rendered twice gives the same Markdown and HTML (with its
// fonts embedded too, each time subset afresh), and printed
// twice the same PDF — text, page images and bytes (Chromium's nondeterministic structure-element ids
// are renamed in document order by the print stage).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfMeta } from '../src/build.js';
import { compute, loadText, render, type Rendered } from '../src/index.js';
import { embedFonts, forgetSubsets } from '../src/fonts/index.js';
import { printPdf } from '../src/print/index.js';
import { openPrinter } from '../src/print/printer.js';
import { REFERENCE_DATA } from './helpers/reference.js';
import { pageImages } from './print/helpers/poppler.js';

function renderReference(): { rendered: Rendered; meta: ReturnType<typeof pdfMeta> } {
  // Loaded afresh each time: nothing may carry over from one build to the next.
  const loaded = loadText(readFileSync(REFERENCE_DATA, 'utf8'), REFERENCE_DATA);
  const view = compute(loaded.data!);
  const rendered = render(view);
  return { rendered, meta: pdfMeta(view, rendered.html) };
}

describe('reference 2024-info-center: the same input gives the same output', () => {
  const first = renderReference();
  const second = renderReference();
  let dir: string;
  let files: string[];
  let pdfs: Uint8Array[];
  let warmed: Uint8Array;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-determinism-'));
    pdfs = [];
    for (const run of [first, second]) {
      // Fonts subset afresh for each print, as in two separate builds.
      forgetSubsets();
      pdfs.push((await printPdf(run.rendered.html, { meta: run.meta })).pdf);
    }
    // As `build` prints: the browser started ahead, its first tab warmed up by a print of its own.
    const printer = openPrinter();
    try {
      printer.warm();
      warmed = (await printer.print(first.rendered.html, first.meta)).pdf;
    } finally {
      await printer.close();
    }
    files = pdfs.map((pdf, i) => {
      const file = join(dir, `run-${i + 1}.pdf`);
      writeFileSync(file, pdf);
      return file;
    });
  }, 90_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('byte-identical Markdown', () => {
    expect(second.rendered.markdown).toBe(first.rendered.markdown);
  });

  it('byte-identical HTML', () => {
    expect(second.rendered.html).toBe(first.rendered.html);
  });

  it('byte-identical HTML with its fonts embedded', async () => {
    forgetSubsets();
    const a = await embedFonts(first.rendered.html);
    forgetSubsets();
    const b = await embedFonts(second.rendered.html);
    expect(a).toContain('data:font/woff2;base64,');
    expect(b).toBe(a);
  });

  it('a PDF with identical text', () => {
    const [a, b] = files.map((file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
    expect(a!.length).toBeGreaterThan(10_000);
    expect(b).toBe(a);
  });

  it('a PDF with identical page images', () => {
    const [a, b] = files.map((file) => pageImages(file, 50));
    expect(a!.length).toBeGreaterThan(15);
    expect(b!.length).toBe(a!.length);
    b!.forEach((png, i) => expect(png.equals(a![i]!), `page ${i + 1}`).toBe(true));
  });

  it('a byte-identical PDF', () => {
    expect(Buffer.from(pdfs[1]!).equals(Buffer.from(pdfs[0]!))).toBe(true);
  });

  it('the same PDF from a tab that printed before (the warmed-up first tab of a build)', () => {
    expect(Buffer.from(warmed).equals(Buffer.from(pdfs[0]!))).toBe(true);
  });
});
