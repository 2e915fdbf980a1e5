// Golden test: every sentence of Parts 1, 3 and 4 of the published reference appears verbatim
// (whitespace aside) and in order, in the HTML and in the text extracted from the PDF.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compute, loadText, render } from '../src/index.js';
import { pdfMeta } from '../src/build.js';
import { printPdf } from '../src/print/index.js';
import { htmlText, missingSentences, proseParts, REFERENCE_DATA, referenceText, sentences } from './helpers/reference.js';

const reference = proseParts(referenceText());
const loaded = loadText(readFileSync(REFERENCE_DATA, 'utf8'), REFERENCE_DATA);
const view = compute(loaded.data!);
const { html } = render(view);

describe('reference prose in the HTML', () => {
  const ours = proseParts(htmlText(html));
  it('compares a real number of sentences', () => {
    expect([reference.part1, reference.part3, reference.part4].map((t) => sentences(t).length)).toEqual([7, 61, 10]);
  });

  for (const part of ['part1', 'part3', 'part4'] as const)
    it(`${part}: every sentence, in order`, () => {
      expect(missingSentences(reference[part], ours[part])).toEqual([]);
    });

  it('closes with the unit and the publication date', () => {
    expect(htmlText(html).replace(/\s+/g, '')).toMatch(/新疆维吾尔自治区工业和信息化厅信息中心2024年3月1日\s*$/);
  });
});

describe('reference prose in the PDF', () => {
  let pdfText = '';
  beforeAll(async () => {
    const { pdf } = await printPdf(html, { meta: pdfMeta(view, html) });
    const file = join(mkdtempSync(join(tmpdir(), 'yusuan-prose-')), 'reference.pdf');
    writeFileSync(file, pdf);
    // Running headers and page numbers are page furniture, not document text.
    pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => !/^\s*第\s*\d+\s*页\s*共\s*\d+\s*页\s*$/.test(line) && !/^\s*新疆维吾尔自治区工业和信息化厅信息中心\s*2024\s*年单位预算公开\s*$/.test(line))
      .join('\n');
  }, 120_000);

  for (const part of ['part1', 'part3', 'part4'] as const)
    it(`${part}: every sentence, in order`, () => {
      expect(missingSentences(reference[part], proseParts(pdfText)[part])).toEqual([]);
    });
});
