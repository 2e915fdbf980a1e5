// Cells as budget systems write them: amounts (元/万元, text with separators, blanks, floats) and
// codes (one cell, spaced, inside the name).
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parseAmount, unitIn } from '../../src/import/amount.js';
import { codeOf, splitName } from '../../src/import/code.js';
import { numberText } from '../../src/import/workbook/read.js';

const cell = (text: string, numeric = false) => ({ text, numeric });
const amount = (text: string, unit: '元' | '万元' = '元') => {
  const v = parseAmount(cell(text), unit);
  return v instanceof Decimal ? v.toFixed() : v;
};

describe('amounts', () => {
  it.each([
    ['447,340.00', '44.734'],
    ['447340', '44.734'],
    ['1，234，567.89', '123.456789'],
    ['1 234 567.89', '123.456789'],
    ['', '0'],
    ['-', '0'],
    ['—', '0'],
    ['0.01', '0.000001'],
  ])('%s 元 is %s 万元, exactly', (text, want) => expect(amount(text)).toBe(want));

  it('万元 stays as written', () => expect(amount('212.45', '万元')).toBe('212.45'));
  it('text is not a number', () => expect(amount('四十四万')).toEqual({ error: '四十四万' }));
  it('a numeric cell is read at Excel\'s 15 digits, not through the float', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(447340)).toBe('447340');
    expect(numberText(1616.86)).toBe('1616.86');
    expect(amount(numberText(1611860.0000000002))).toBe('161.186');
  });
  it.each([['单位：元', '元'], ['单位:万元', '万元'], ['编制单位：某中心            单位：万元', '万元'], ['金额单位：元', '元'], ['单位名称', undefined]])('%s', (text, want) => expect(unitIn(text)).toBe(want));
});

describe('codes', () => {
  it.each([['2080502', '2080502'], ['208 05 02', '2080502'], [' 208 ', '208'], ['总计', undefined], ['2080502x', undefined]])('one cell %s', (text, want) => expect(codeOf(text)).toBe(want));
  it.each([
    ['[2080502]事业单位离退休', '2080502', '事业单位离退休'],
    ['【2080502】事业单位离退休', '2080502', '事业单位离退休'],
    ['2080502 事业单位离退休', '2080502', '事业单位离退休'],
    ['208 社会保障和就业支出', '208', '社会保障和就业支出'],
    ['208 05 02 事业单位离退休', '2080502', '事业单位离退休'],
    ['公务用车运行费', undefined, '公务用车运行费'],
    ['2024年预算', undefined, '2024年预算'],
  ])('in the name %s', (text, code, name) => expect(splitName(text)).toEqual(code ? { code, name } : { name }));
});
