// A real word processor opens the .docx: LibreOffice (headless, its own profile in a temp dir) converts
// the reference's document to PDF without error, and that PDF's text holds the reference's Part 1 and
// Part 3 sentences in order, every table row of the published reference, the page numbers and the
// running header. Skipped, saying why, only where soffice is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfMeta } from '../../src/build.js';
import { writeDocx } from '../../src/docx/index.js';
import { produce } from '../../src/index.js';
import { loadTableLayouts } from '../../src/tables/index.js';
import { between, missingSentences, proseParts, REFERENCE_DATA, REFERENCE_FILE, referenceText, sentences, squash } from '../helpers/reference.js';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const missing = soffice.error || soffice.status !== 0;
if (missing) console.log('LibreOffice docx test skipped: soffice is not installed (npm run setup installs libreoffice-writer).');

const UNIT = '新疆维吾尔自治区工业和信息化厅信息中心';
const FOOTER = /^\s*第\s*(\d+)\s*页\s*共\s*(\d+)\s*页\s*$/;
const HEADER = new RegExp(`^\\s*${UNIT}\\s*2024\\s*年单位预算公开\\s*$`);

/** The published reference's table rows: each line of Part 2 and of the 绩效目标表 holding a figure. */
function referenceRows(): string[] {
  const text = readFileSync(REFERENCE_FILE, 'utf8');
  const part2 = between(text, '\n表 1\n', '第三部分');
  const performance = between(text, '项目支出绩效目标表', '(五)');
  return [part2, performance].flatMap((t) => t.split('\n').filter((l) => /\d+\.\d\d/.test(l))).map(squash);
}

describe.skipIf(missing)('LibreOffice opens the docx', () => {
  let dir: string;
  let layout = '';
  let pages = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-lo-docx-'));
    const doc = produce(REFERENCE_DATA).document!;
    writeFileSync(join(dir, 'reference.docx'), await writeDocx(doc, loadTableLayouts(), pdfMeta(doc.view, doc.html)));
    // Throws on a failed conversion (exit status, or no PDF written below).
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'reference.docx')], {
      encoding: 'utf8',
      timeout: 170_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pdf = join(dir, 'reference.pdf');
    layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('converts to a PDF of A4 pages with every page numbered 第 N 页 共 M 页', () => {
    expect(pages).toBeGreaterThan(10);
    const numbers = layout.split('\n').flatMap((l) => {
      const m = FOOTER.exec(l);
      return m ? [[Number(m[1]), Number(m[2])]] : [];
    });
    expect(numbers).toEqual(Array.from({ length: pages }, (_, i) => [i + 1, pages]));
  });

  it('runs the unit and year across the top of every page but the first', () => {
    expect(layout.split('\n').filter((l) => HEADER.test(l)).length).toBe(pages - 1);
  });

  it("holds the reference's Part 1 and Part 3 sentences, in order", () => {
    // Page furniture is not document text.
    const text = layout
      .split('\n')
      .filter((l) => !FOOTER.test(l) && !HEADER.test(l))
      .join('\n');
    const reference = proseParts(referenceText());
    const ours = proseParts(text);
    for (const part of ['part1', 'part3'] as const) {
      expect(sentences(reference[part]).length).toBeGreaterThan(5);
      expect(missingSentences(reference[part], ours[part]), part).toEqual([]);
    }
  });

  it("holds every table row of the reference (codes, names and figures, in order)", () => {
    const rows = referenceRows();
    expect(rows.length).toBeGreaterThan(90);
    const text = squash(layout);
    expect(rows.filter((r) => !text.includes(r))).toEqual([]);
    for (const t of loadTableLayouts().tables) expect(text).toContain(squash(t.title));
  });
});
