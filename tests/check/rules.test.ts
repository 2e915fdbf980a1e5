// Behaviour of single rules that the bad-input corpus does not pin down by itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { check, loadText } from '../../src/index.js';
import { locate, pathAt, splitPath } from '../../src/load/locate.js';
import { MAX_SOURCE_BYTES } from '../../src/load/load.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REFERENCE = readFileSync(join(ROOT, 'data', '2024-info-center.yaml'), 'utf8');
const COUNTY = readFileSync(join(ROOT, 'tests', 'fixtures', 'golden', 'county-bureau', 'data.yaml'), 'utf8');
const codes = (source: string, file?: string, strict = false) => check(loadText(source, file), { strict }).map((f) => `${f.severity} ${f.code}`);

describe('locate', () => {
  const doc = parseDocument('a:\n  b:\n    - x: 1\n    - x: 2\n  30101: 5\n');
  it('splits key paths', () => expect(splitPath('budget[2].basic.general')).toEqual(['budget', 2, 'basic', 'general']));
  it('finds a node by key path, numeric keys too', () => {
    expect(locate(doc, 'a.b[1].x')).toMatchObject({ exact: true, path: 'a.b[1].x' });
    expect(locate(doc, 'a.30101').exact).toBe(true);
  });
  it('falls back to the nearest ancestor', () => expect(locate(doc, 'a.b[1].y')).toMatchObject({ exact: false, path: 'a.b[1]' }));
  it('gives the key path at an offset', () => expect(pathAt(doc, doc.toString().indexOf('2'))).toBe('a.b[1].x'));
});

describe('years', () => {
  it('warns when the file is named after another year', () => {
    expect(codes(COUNTY, 'data/2024-county.yaml')).toEqual(['warning YEAR_MISMATCH']);
    expect(codes(COUNTY, 'data/2025-county.yaml')).toEqual([]);
    expect(codes(COUNTY, 'data/budget-2000-lines.yaml')).toEqual([]);
  });
});

describe('stated totals', () => {
  const withTotals = (block: string) => COUNTY.replace('\nreasons:\n', `\ntotals:\n${block}\nreasons:\n`);
  it('accept the exact total and its rounding', () => {
    expect(codes(withTotals('  income: 374.75\n  expenditure: 374.750\n  three_public: 6.00\n  procurement: 33'))).toEqual([]);
  });
  it('reject anything else', () => {
    expect(codes(withTotals('  income: 374.76'))).toEqual(['error TOTAL_MISMATCH']);
  });
  it('are not added to table 6 when given as 3-digit 类 subtotals', () => {
    const data = loadText(REFERENCE).data!;
    expect(data.basic_economic['301']?.toString()).toBe('212.45');
  });
});

describe('reasons', () => {
  it('need not be given for a change that shows as 0.00', () => {
    const prior = '    - code: 2080505\n      basic: { general: 21.00 }\n';
    expect(COUNTY).toContain(prior);
    const without = COUNTY.replace('    2080505: 缴费基数调增\n', '');
    expect(codes(without)).toEqual(['error MISSING_REASON']);
    // 22.40 against 22.399: up by 0.001, shown as 增加 0.00 万元 — nothing to explain.
    expect(codes(without.replace(prior, '    - code: 2080505\n      basic: { general: 22.399 }\n'))).toEqual([]);
  });
  it('mixing both directions is an explanation, not a contradiction', () => {
    const source = COUNTY.replace('    2080501: 退休人员减少 1 人\n', '    2080501: 退休人员减少 1 人，人均退休费增加\n');
    expect(codes(source)).toEqual([]);
  });
});

describe('robustness', () => {
  it('refuses a source over the size limit unparsed', () => {
    expect(codes(`# ${'x'.repeat(MAX_SOURCE_BYTES)}\n`)).toEqual(['error FILE_TOO_LARGE']);
  });
  it('reports an internal error as a finding rather than throwing', () => {
    const loaded = loadText(COUNTY);
    // A rule fed data it cannot handle (here: no budget list at all) must not take the checker down.
    const broken = { ...loaded, data: { ...loaded.data!, budget: undefined as never } };
    const found = check(broken);
    expect(found.every((f) => f.code === 'INTERNAL_ERROR' && f.severity === 'error')).toBe(true);
    expect(found.length).toBeGreaterThan(0);
  });
  it('handles a document of only a scalar, a list of garbage, and YAML anchors without crashing', () => {
    for (const source of ['42\n', '- [1, {a: b}]\n- ~\n', 'unit: &u\n  name: x\nother: *u\n', '---\n---\n', '%YAML 9.9\n---\na: 1\n'])
      expect(() => check(loadText(source))).not.toThrow();
  });
});
