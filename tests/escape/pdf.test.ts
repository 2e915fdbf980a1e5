// One real print: a unit name holding a carriage return, form feeds and CSS (`main{display:none}`,
// `"`, `</style>`) still gives the whole document, with the name as text in the body, the running
// header and the metadata. `check` refuses the control characters (CONTROL_CHARACTER); the library's
// render and print stages are tried here without it, as defence in depth.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfMeta } from '../../src/build.js';
import { compute, loadText, render } from '../../src/index.js';
import { printPdf } from '../../src/print/index.js';
import { REFERENCE_DATA } from '../helpers/reference.js';
import { pageText, pdfInfo, type PdfInfo } from '../print/helpers/poppler.js';
import { hasChromium } from '../helpers/chromium.js';

const UNIT = '新疆维吾尔自治区工业和信息化厅信息中心';
const TYPED = `${UNIT}\\r\\fmain{display:none}\\f\\"</style>`;
/** What the document shows: the line break folded away with the whitespace after it, the lone form feed visible. */
const SHOWN = `${UNIT}main{display:none}\\x0c"</style>`;


describe.runIf(hasChromium)('a unit name with CR, form feeds and CSS, printed', () => {
  let dir: string;
  let file: string;
  let info: PdfInfo;
  let texts: string[];

  beforeAll(async () => {
    const source = readFileSync(REFERENCE_DATA, 'utf8').replace(`  name: ${UNIT}`, `  name: "${TYPED}"`);
    const loaded = loadText(source, 'data.yaml');
    const view = compute(loaded.data!);
    expect(view.unit.name).toBe(`${UNIT}\r\fmain{display:none}\f"</style>`);
    const { html } = render(view);
    dir = mkdtempSync(join(tmpdir(), 'yusuan-escape-pdf-'));
    // Chromium's profile goes into this test's own folder, out of sight of the print tests that count profiles.
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    const result = await printPdf(html, { meta: pdfMeta(view, html) }).finally(() => {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    });
    file = join(dir, 'unit.pdf');
    writeFileSync(file, result.pdf);
    info = pdfInfo(file);
    texts = info.pages.map((_, i) => pageText(file, i + 1));
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints the whole document, not a page emptied by CSS', () => {
    expect(info.pages.length).toBeGreaterThanOrEqual(20);
    const all = texts.join('');
    expect(all.length).toBeGreaterThan(10_000);
    for (const part of ['第一部分', '第二部分', '第三部分', '第四部分', '项目支出绩效目标表']) expect(all).toContain(part);
  });

  it('shows the name literally in the body and in the running header of every page but the first', () => {
    expect(texts[0]).toContain(`第一部分2024年${SHOWN}单位概况`);
    texts.slice(1).forEach((text, i) => expect(text, `page ${i + 2}`).toContain(`${SHOWN}2024年单位预算公开`));
  });

  it('writes the name as plain text into the document information', () => {
    expect(info.fields.get('Title')).toBe(`${SHOWN}2024年单位预算公开`);
    expect(info.fields.get('Author')).toBe(SHOWN);
    const raw = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(raw).not.toMatch(/<mark|&lt;|&quot;|&#/);
  });
});
