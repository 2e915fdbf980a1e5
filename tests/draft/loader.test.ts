// What the loader makes of a draft's marks: `!unconfirmed` figures and `【待填写：…】` placeholders.
import { describe, expect, it } from 'vitest';
import { compute } from '../../src/compute/index.js';
import { draftText } from '../../src/draft/index.js';
import { loadText } from '../../src/load/load.js';
import { htmlText, markdownText, markPlaceholders } from '../../src/render/escape.js';
import { read, REFERENCE } from './helpers.js';

const reference = read(REFERENCE);
const edit = (from: string, to: string) => {
  expect(reference).toContain(from);
  return loadText(reference.replace(from, to));
};

describe('!unconfirmed', () => {
  it('on an amount: the figure as written, recorded with its position', () => {
    const loaded = edit('    basic: { general: 23.79 }\n', '    basic: { general: !unconfirmed 23.79 }\n');
    expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(loaded.data!.budget[1]!.basic!.general!.toFixed()).toBe('23.79');
    expect(loaded.unconfirmed).toEqual([{ path: 'budget[1].basic.general', pos: expect.objectContaining({ line: 33 }) }]);
    // The tag stays on the YAML node, where check/placeholders looks for it.
    expect((loaded.doc!.getIn(['budget', 1, 'basic', 'general'], true) as { tag?: string }).tag).toBe('!unconfirmed');
  });

  it('empty (`!unconfirmed ~` or bare) reads as 0, on amounts and counts alike', () => {
    const loaded = loadText(reference
      .replace('    basic: { general: 23.79 }\n', '    basic: { general: !unconfirmed ~ }\n')
      .replace('    authorized: 14 ', '    authorized: !unconfirmed '));
    expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(loaded.data!.budget[1]!.basic!.general!.isZero()).toBe(true);
    expect(loaded.data!.overview.staffing.authorized).toBe(0);
    expect(loaded.unconfirmed!.map((m) => m.path)).toEqual(['overview.staffing.authorized', 'budget[1].basic.general']);
  });
});

describe('placeholders', () => {
  it('where a date is expected: carried through, shown in the signature', () => {
    const loaded = edit('  published: 2024-03-01\n', '  published: 【待填写：公开日期】\n');
    expect(loaded.data!.unit.published).toBe('【待填写：公开日期】');
    expect(compute(loaded.data!).unit.published).toMatchObject({ placeholder: '【待填写：公开日期】', iso: null });
  });

  it('as a staffing change: carried through for the sentence', () => {
    const loaded = edit('change: -1 }', 'change: 【待填写：增减人数】 }');
    expect(compute(loaded.data!).overview.staffing.serving).toMatchObject({ count: 11, placeholder: '【待填写：增减人数】' });
  });

  it('where another count or an amount is expected: read as 0 and recorded', () => {
    const loaded = loadText(reference
      .replace('    authorized: 14 ', '    authorized: 【待填写：编制数】 ')
      .replace('  furniture: 5.73\n', '  furniture: 【待填写：办公家具价值】\n'));
    expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(loaded.data!.overview.staffing.authorized).toBe(0);
    expect(loaded.data!.assets.furniture.isZero()).toBe(true);
    expect(loaded.placeholders!.map((m) => m.path)).toEqual(['overview.staffing.authorized', 'assets.furniture']);
  });

  it('anywhere in a text, recorded, and marked once the text is escaped for the page body', () => {
    const loaded = edit('    2150550: 人员调增基本工资，因此有一定程度的增长\n', '    2150550: 人员<调增>基本工资【待填写：补充说明】\n');
    expect(loaded.placeholders!.map((m) => m.path)).toEqual(['reasons.lines.2150550']);
    const text = loaded.data!.reasons.lines['2150550']!;
    expect(markPlaceholders(htmlText(text))).toBe('人员&lt;调增&gt;基本工资<mark class="placeholder">【待填写：补充说明】</mark>');
    expect(markPlaceholders(markdownText(text))).toBe('人员&lt;调增&gt;基本工资<mark class="placeholder">【待填写：补充说明】</mark>');
  });

  it('a file without any: nothing recorded', () => {
    const loaded = loadText(reference);
    expect([loaded.unconfirmed, loaded.placeholders]).toEqual([[], []]);
  });
});

describe('line endings', () => {
  it('a CRLF file gives the same draft, in CRLF', () => {
    const lf = draftText(reference, { year: 2025 }).text!;
    const crlf = draftText(reference.replace(/\n/g, '\r\n'), { year: 2025 }).text!;
    expect(crlf).toBe(lf.replace(/\n/g, '\r\n'));
  });
});
