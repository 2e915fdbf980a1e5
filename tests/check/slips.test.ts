// The slips a Chinese keyboard and Excel make: each is said as what it is, at its line and column,
// with the fix. The cases are in the bad-input corpus; here their wording is asserted too.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, load, loadText } from '../../src/index.js';
import { BAD, badCases } from './bad-inputs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const findings = (name: string) => check(load(join(BAD, name, 'data.yaml')));
const at = (f: { code: string; pos?: { line: number; col: number } }) => `${f.code} ${f.pos?.line}:${f.pos?.col}`;

describe('a full-width colon after a key', () => {
  const found = findings('fullwidth-colon');

  it('is said at the colon, in a block and in { }, and nothing else is (the file reads on as if it were ":")', () => {
    expect(found.map(at)).toEqual(['FULLWIDTH_COLON 7:7', 'FULLWIDTH_COLON 29:21']);
    expect(found.map((f) => f.path)).toEqual(['unit.kind', 'budget[3].basic.general']);
  });

  it('names the fix, Chinese first', () => {
    expect(found[0]!.message).toMatch(/^键 kind 后用了全角冒号“：”，请改为半角冒号“:”加空格/);
    expect(found[0]!.message).toContain('full-width colon');
  });

  it('is not taken for one in a text value, nor at the start of a line inside a text', () => {
    const text = 'unit:\n  name: 演示：单位\n  kind: administrative\noverview:\n  functions:\n    - |\n      note： 职能\n';
    expect(loadText(text).findings.filter((f) => f.code === 'FULLWIDTH_COLON')).toEqual([]);
  });

  it('without a space after it, is still said once, not also as a syntax error', () => {
    const codes = loadText('unit:\n  name: x\n  kind：administrative\n').findings.map(at);
    expect(codes).toEqual(['FULLWIDTH_COLON 3:7']);
  });
});

describe('a thousands comma inside { }', () => {
  const found = findings('thousands-comma-flow');

  it('is said at the figure, whole, and not as an unknown key or code', () => {
    expect(found.map(at)).toEqual(['NOT_A_NUMBER 23:23', 'NOT_A_NUMBER 61:22']);
    expect(found.map((f) => f.path)).toEqual(['budget[0].basic.general', 'projects[0].economic.302']);
  });

  it('names the figure to write', () => {
    expect(found[0]!.message).toContain('金额 1,180.25 含千位分隔逗号');
    expect(found[0]!.message).toContain('请写为 1180.25');
    expect(found[1]!.message).toContain('请写为 1030.00');
  });

  it('leaves a comma followed by a space alone: that separates two entries', () => {
    const found = loadText('a: { general: 9, 650.00: 1 }\n').findings;
    expect(found.some((f) => f.message.includes('千位'))).toBe(false);
  });
});

describe('an amount typed in 元', () => {
  const found = findings('amount-in-yuan');

  it('is warned at its own line, besides the table total it upsets', () => {
    const warning = found.find((f) => f.code === 'AMOUNT_IN_YUAN')!;
    expect(at(warning)).toBe('AMOUNT_IN_YUAN 48:10');
    expect(warning.severity).toBe('warning');
    expect(warning.path).toBe('basic_economic.30201');
    expect(warning.message).toMatch(/^basic_economic\.30201 疑似以元填写，应为万元：32000 元 = 3\.20 万元/);
    expect(found.map((f) => f.code)).toContain('ECONOMIC_MISMATCH');
  });

  it('is not doubted in the reference, the golden fixtures, the completed draft or any other bad case', () => {
    const files = [
      join(ROOT, 'data', '2024-info-center.yaml'),
      join(ROOT, 'tests', 'fixtures', 'golden', 'county-bureau', 'data.yaml'),
      join(ROOT, 'tests', 'fixtures', 'draft-2025-completed.yaml'),
    ];
    for (const file of files) expect(load(file).findings.filter((f) => f.code === 'AMOUNT_IN_YUAN'), file).toEqual([]);
    for (const c of badCases()) if (c.name !== 'amount-in-yuan') expect(c.expected.filter((e) => e.code === 'AMOUNT_IN_YUAN'), c.name).toEqual([]);
  });
});

describe('an amount spelt as a Chinese keyboard or Excel spells it', () => {
  const found = findings('amount-spellings');
  const message = (path: string) => found.find((f) => f.path === path)!.message;

  it('is said at each figure', () => {
    expect(found.map(at)).toEqual(['NOT_A_NUMBER 29:23', 'NOT_A_NUMBER 31:23', 'NOT_A_NUMBER 33:23', 'NOT_A_NUMBER 37:23']);
  });

  it('names each slip and the figure to write', () => {
    expect(message('budget[3].basic.general')).toContain('全角');
    expect(message('budget[3].basic.general')).toContain('请写为 40.10');
    expect(message('budget[4].basic.general')).toContain('数字后不要写“万元”');
    expect(message('budget[4].basic.general')).toContain('请写为 22.40');
    expect(message('budget[5].basic.general')).toContain('102000 元 = 10.20 万元；请写为 10.20');
    expect(message('budget[7].basic.general')).toContain('百分号“%”不能用于金额');
  });

  it('handles them together: １２，５００．００元', () => {
    const text = 'unit: { x: 1 }\nprocurement: { goods: １２，５００．００元 }\n';
    const hint = loadText(text).findings.find((f) => f.code === 'NOT_A_NUMBER')!.message;
    expect(hint).toContain('全角');
    expect(hint).toContain('千位分隔逗号');
    expect(hint).toContain('12500.00 元 = 1.25 万元；请写为 1.25');
  });
});
