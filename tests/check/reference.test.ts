// The reference passes the checker with only its rounding notes (table 6: 301 shows 212.45, its
// 款 shown add up to 212.46); the second golden fixture passes clean. Both stay free of errors
// under --strict, which is what publication runs.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, load } from '../../src/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REFERENCE = join(ROOT, 'data', '2024-info-center.yaml');
const COUNTY = join(ROOT, 'tests', 'fixtures', 'golden', 'county-bureau', 'data.yaml');

describe('check on the reference', () => {
  const findings = check(load(REFERENCE), { strict: true });

  it('finds only rounding notes', () => {
    expect(findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['note ROUNDING_NOTE', 'note ROUNDING_NOTE']);
  });

  it('notes the 301 row of table 6 at the stated subtotal, naming its cells', () => {
    const note = findings.find((f) => f.path === 'basic_economic.301')!;
    expect(note.pos?.line).toBe(46);
    expect(note.message).toContain('表 6“301 工资福利支出”行的合计、人员经费列显示 212.45，其下各行显示数之和为 212.46');
    expect(note.message).toContain('30101 基本工资 56.92 + 30102 津贴补贴 11.64');
    expect(note.message).toContain('精确数 212.454');
  });

  it('notes the total row of table 6, whose 合计 and 人员经费 are a cent above their rows', () => {
    const note = findings.find((f) => f.path === 'basic_economic')!;
    expect(note.message).toContain('合计列显示 270.37，其下各行显示数之和为 270.36');
    expect(note.message).toContain('人员经费列显示 257.19，其下各行显示数之和为 257.18');
  });
});

it('the county-bureau fixture checks clean', () => {
  expect(check(load(COUNTY), { strict: true })).toEqual([]);
});
