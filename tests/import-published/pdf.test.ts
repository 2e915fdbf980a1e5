// Import of yusuan's own PDFs, printed here with the real printer: the reference's PDF gives back a data
// file that builds to the same HTML as data/2024-info-center.yaml (the performance table and table 7's
// economic column are read from positions); the county fixture's gives back every table, and Part 1 and
// Part 3 except what the document names nowhere (its government-fund project). Skipped without Chromium.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compute, loadText, render } from '../../src/index.js';
import { pdfMeta } from '../../src/build.js';
import { printPdf } from '../../src/print/index.js';
import { importPublishedFile } from '../../src/import/published.js';
import { htmlText, missingSentences, proseParts, REFERENCE_DATA } from '../helpers/reference.js';
import { hasChromium } from '../helpers/chromium.js';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-import-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const htmlOf = (file: string) => render(compute(loadText(readFileSync(file, 'utf8'), file).data!)).html;

/** Prints the data file's document, imports the PDF, and returns both HTMLs and the findings. */
async function roundTrip(name: string, data: string) {
  const loaded = loadText(readFileSync(data, 'utf8'), data);
  const view = compute(loaded.data!);
  const { html } = render(view);
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, (await printPdf(html, { meta: pdfMeta(view, html) })).pdf);
  const r = await importPublishedFile(pdf, { out: join(dir, `${name}.yaml`) });
  expect(r.written).toBeDefined();
  return { html, again: htmlOf(r.written!), findings: r.findings };
}

const tables = (html: string) => [...html.matchAll(/<section class="table-page"[\s\S]*?<\/section>/g)].map((m) => m[0]);

describe.skipIf(!hasChromium)('import of yusuan’s own PDFs', () => {
  it('the reference: the same HTML again, with the same assumptions as its text', async () => {
    const { html, again, findings } = await roundTrip('reference', REFERENCE_DATA);
    expect(again).toBe(html);
    expect(findings.map((f) => `${f.code} ${f.cell?.ref} ${f.path}`)).toEqual([
      'IMPORT_ASSUMPTION p.8 basic_economic',
      'IMPORT_ASSUMPTION p.14 prior.budget',
      'IMPORT_ASSUMPTION p.15 prior.budget',
    ]);
  }, 120_000);

  it('the county fixture: every table, and all prose but the project the document names nowhere', async () => {
    const data = join(import.meta.dirname, '../fixtures/golden/county-bureau/data.yaml');
    const { html, again, findings } = await roundTrip('county', data);
    expect(tables(again)).toEqual(tables(html));
    const before = proseParts(htmlText(html));
    const after = proseParts(htmlText(again));
    expect(missingSentences(before.part1, after.part1)).toEqual([]);
    expect(missingSentences(before.part4, after.part4)).toEqual([]);
    expect(missingSentences(before.part3, after.part3)).toEqual([
      '(四)预算绩效情况2025年，演示县发展和改革委员会当年财政拨款项目3个，涉及预算金额100.00万元；当年非财政拨款项目0个，涉及预算金额0.00万元。',
    ]);
    expect(findings.filter((f) => f.code === 'IMPORT_ASSUMPTION' && f.path === 'projects').map((f) => f.cell?.ref)).toEqual(['p.5']);
  }, 120_000);

  // The hospital's 事业收入 is printed `其中：事业收入` in table 1: read as the unit's source, not 其他收入.
  it.each(['2025-county-hospital', '2025-county-school', '2025-county-agriculture-bureau'])('examples/%s.yaml: every table', async (name) => {
    const { html, again } = await roundTrip(name, join(import.meta.dirname, `../../examples/${name}.yaml`));
    expect(tables(again)).toEqual(tables(html));
  }, 120_000);
});
