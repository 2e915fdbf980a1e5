// HTML and <script> typed into text fields come out as text: escaped in the HTML, shown literally
// (and never run) in the PDF. The data is the html-script bad input, which has warnings only.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOne, check, compute, load, render } from '../../src/index.js';
import { BAD } from './bad-inputs.js';
import { hasChromium } from '../helpers/chromium.js';

const FILE = join(BAD, 'html-script', 'data.yaml');


describe('markup in text fields', () => {
  const loaded = load(FILE);
  const { markdown, html } = render(compute(loaded.data!));

  it('is reported as a warning, not an error', () => {
    const codes = check(loaded).map((f) => `${f.severity} ${f.code}`);
    expect(new Set(codes)).toEqual(new Set(['warning MARKUP_IN_TEXT']));
  });

  it('is escaped in the HTML', () => {
    expect(html).toContain('演示县发展和改革委员会&lt;script&gt;document.title=&quot;XSS&quot;&lt;/script&gt;');
    expect(html).toContain('&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=');
    expect(html).toMatch(/&lt;a href=(&quot;|")javascript:alert\(1\)(&quot;|")&gt;/);
    expect(html).toContain('&amp;nbsp;');
    // No element from the data: every <script> in the page is the layout's own, if any.
    expect(html).not.toMatch(/<script>document\.title|<script>alert|<img src=x|<a href="javascript:|<b>、成本调查/);
  });

  it('is escaped in the Markdown as well (it is rendered to HTML)', () => {
    expect(markdown).not.toMatch(/<script>|<img src=x/);
  });

  // One real print when Chromium is installed: the PDF shows the text literally and nothing ran.
  it.runIf(hasChromium)('is printed literally in the PDF and not run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-escape-'));
    // Chromium's temporary profile goes into this test's own folder, out of sight of the print
    // tests that count profiles in the system temp folder (this file runs in its own process).
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    const result = await buildOne(FILE, { outDir: dir, formats: ['pdf'] }).finally(() => {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    });
    expect(result.outputs).toEqual([join(dir, 'data.pdf')]);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'data.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('<script>document.title="XSS"</script>');
    expect(text).toContain('<b>、成本调查</b>');
    // Had the onerror handler run, the body would have been replaced by "XSS".
    expect(text).toContain('第一部分');
    expect(text).toContain('第四部分');
  }, 120_000);
});
