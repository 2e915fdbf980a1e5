// Round trip: the published reference text → `import` → data file → check → build. The document
// regenerated from the imported file must pass the reference golden comparisons: every sentence of
// Parts 1, 3 and 4, and — since its HTML is byte for byte the HTML built from data/2024-info-center.yaml,
// which tests/reference-tables.test.ts compares cell for cell — every table cell.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, compute, draftText, loadText, render } from '../../src/index.js';
import { importPublishedFile } from '../../src/import/published.js';
import type { Finding } from '../../src/findings.js';
import { htmlText, missingSentences, proseParts, REFERENCE_DATA, REFERENCE_FILE, referenceText } from '../helpers/reference.js';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-import-published-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const out = join(dir, 'imported.yaml');
let findings: Finding[] = [];
let text = '';

beforeAll(async () => {
  const r = await importPublishedFile(REFERENCE_FILE, { out });
  findings = r.findings;
  expect(r.written).toBe(out);
  text = readFileSync(out, 'utf8');
});

describe('import of the published reference text', () => {
  it('warns exactly where the document does not determine a figure, each at its page', () => {
    expect(findings.map((f) => `${f.severity} ${f.code} ${f.cell?.ref} ${f.path}`)).toEqual([
      'warning IMPORT_ASSUMPTION p.8 basic_economic', // 表 6: 301's items sum to 212.46, printed 212.45
      'warning IMPORT_ASSUMPTION p.9 projects', // 表 7: the economic column is not in the extracted text
      'warning IMPORT_ASSUMPTION p.14 prior.budget', // 单位资金 last year: which line and source
      'warning IMPORT_ASSUMPTION p.15 prior.budget', // 非财政拨款结转结余 last year: which line and source
    ]);
    expect(findings[0]!.message).toContain('30101 56.915');
  });

  it('passes check with no error and no placeholder left', () => {
    const loaded = loadText(text, out);
    const found = check(loaded);
    expect(found.filter((f) => f.severity !== 'note').map((f) => f.code)).toEqual([]);
    const values = text.split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');
    expect(values).not.toContain('【待填写');
    expect(values).not.toContain('!unconfirmed');
  });

  it('says in comments where each part came from', () => {
    for (const c of ['unit:  # 第一部分标题（第 1 页）；公开日期取自文末落款（第 21 页）', 'budget:  # 表 2、表 3、表 5（第 3、5、7 页）', '# 表 6（第 8 页）', 'three_public:  # 表 10（第 12 页）', 'procurement:  # 第三部分十二(二)（第 19 页）'])
      expect(text).toContain(c);
  });

  it('takes prior-year figures from the stated changes and reasons from 主要原因是', () => {
    expect(text).toContain('basic: { general: 53.56 }'); // 44.73 + 8.83
    expect(text).toContain('operating_expense: 13.31'); // 13.18 + 0.13
    expect(text).toContain('vehicle_operation: { general: 0.71 }'); // 0.70 + 0.01
    expect(text).toContain('2080502: 离退休人员自2023年起不再缴纳医疗保险');
  });

  it('starts next year: draft --year 2025 of the imported file loads and checks without errors', () => {
    const d = draftText(text, { year: 2025, file: out });
    expect(d.text).toBeDefined();
    const next = loadText(d.text!, 'draft.yaml');
    expect(check(next).filter((f) => f.severity === 'error')).toEqual([]);
    expect(d.text).toContain('basic: { general: 44.73 }'); // this year's figures became prior
  });

  describe('built again, it is the published document', () => {
    let html = '';
    beforeAll(() => {
      const loaded = loadText(text, out);
      html = render(compute(loaded.data!)).html;
    });
    it('every sentence of Parts 1, 3 and 4, in order', () => {
      const reference = proseParts(referenceText());
      const ours = proseParts(htmlText(html));
      for (const part of ['part1', 'part3', 'part4'] as const) expect(missingSentences(reference[part], ours[part])).toEqual([]);
    });
    it('the same HTML as the reference data file builds (so every table cell of the golden test)', () => {
      const reference = loadText(readFileSync(REFERENCE_DATA, 'utf8'), REFERENCE_DATA);
      expect(html).toBe(render(compute(reference.data!)).html);
    });
  });
});

describe('import of yusuan’s own HTML of the reference', () => {
  it('gives back the same HTML; HTML has no pages, so no page is named', async () => {
    const reference = loadText(readFileSync(REFERENCE_DATA, 'utf8'), REFERENCE_DATA);
    const html = render(compute(reference.data!)).html;
    const file = join(dir, 'reference.html');
    writeFileSync(file, html);
    const r = await importPublishedFile(file, { out: join(dir, 'from-html.yaml') });
    expect(r.findings.map((f) => `${f.code} ${f.path}`)).toEqual(['IMPORT_ASSUMPTION basic_economic', 'IMPORT_ASSUMPTION prior.budget', 'IMPORT_ASSUMPTION prior.budget']);
    const text = readFileSync(r.written!, 'utf8');
    expect(text).toContain('budget:  # 表 2、表 3、表 5\n');
    expect(render(compute(loadText(text, r.written!).data!)).html).toBe(html);
  });
});
