// `yusuan diff`: the reference (2024, published) against its completed 2025 draft. The exact list
// of changed figures and sentences is the golden file expected/reference-vs-completed.txt
// (`npx vitest run -u` rewrites it after a deliberate change); the tests below pin down why each
// entry is there, from what the completed draft changed.
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffFiles, diffSentences, type DocumentDiff } from '../../src/diff/index.js';
import { figuresOf } from '../../src/diff/figures.js';
import { formatDiffHtml } from '../../src/diff/format-html.js';
import { formatDiffText } from '../../src/diff/format-text.js';
import { diffSequences } from '../../src/diff/lcs.js';
import { sentencesOf, splitSentences } from '../../src/diff/sentences.js';
import { tokenDiff } from '../../src/diff/tokens.js';
import { produce } from '../../src/document.js';
import { COMPLETED, COUNTY, REFERENCE } from '../draft/helpers.js';

let diff: DocumentDiff;
const reference = () => produce(REFERENCE).document!;
const completed = () => produce(COMPLETED).document!;

beforeAll(() => {
  diff = diffFiles(REFERENCE, COMPLETED).diff!;
});

describe('the reference against its completed 2025 draft', () => {
  it('lists exactly the expected figures and sentences (golden file)', async () => {
    await expect(formatDiffText(diff, { oldName: 'data/2024-info-center.yaml', newName: 'tests/fixtures/draft-2025-completed.yaml' }))
      .toMatchFileSnapshot('./expected/reference-vs-completed.txt');
    expect(diff.figures).toHaveLength(214);
    expect(diff.sentences.filter((s) => s.part === 'part-1')).toHaveLength(2);
    expect(diff.sentences.filter((s) => s.part === 'part-3')).toHaveLength(77);
  });

  it('in the tables: exactly the rows of the 项 the draft changed, their 款 and 类, and the totals', () => {
    const rows = (table: string) => [...new Set(diff.figures.filter((f) => f.key.startsWith(`${table}.`)).map((f) => f.key.split('.')[1]))];
    for (const t of ['t2', 't3', 't5'])
      expect(rows(t).sort()).toEqual(['208', '20805', '2080502', '215', '21505', '2150550', '2150599', 'total']);
    expect(rows('t6').sort()).toEqual(['301', '30107', '302', '30201', '30231', '30299', '303', '30302', 'total']);
    expect(rows('t7').sort()).toEqual(['215', '21505', '2150599', 'total']);
    expect(rows('t10').sort()).toEqual(['total', 'vehicle_operation', 'vehicles']);
    for (const t of ['t8', 't9', 't11']) expect(rows(t)).toEqual([]);
  });

  it('each changed figure with old, new and difference', () => {
    const figure = (key: string) => {
      const f = diff.figures.find((x) => x.key === key);
      return f && [String(f.old), String(f.new), f.difference?.toString()];
    };
    expect(figure('t3.2080502.basic')).toEqual(['44.734', '46.2', '1.466']);
    expect(figure('t3.2150550.basic')).toEqual(['161.186', '158.368', '-2.818']);
    expect(figure('t6.30201.public')).toEqual(['1.532', '1.4', '-0.132']);
    expect(figure('staffing.serving.change')).toEqual(['-1', '1', '2']);
    // Part 3 compares with 2023 in the reference and with 2024 in the draft: the base moved.
    expect(figure('part3.general_budget.lines.2080502.change.prior')).toEqual(['53.566', '44.734', '-8.832']);
    expect(figure('part3.operating_expense.prior')).toEqual(['13.312', '13.182', '-0.13']);
    expect(figure('part3.assets.furniture')).toEqual(['5.73', '5.1', '-0.63']);
    // Not changed, so not listed: a 项 the draft left alone, a count, an asset.
    for (const key of ['t3.2101102.basic', 'staffing.authorized', 'part3.assets.building_area', 'part3.general_budget.lines.2101102.change.amount'])
      expect(figure(key)).toBeUndefined();
  });

  it('lists a figure exactly when its value differs (percentages as shown, to 2 decimals)', () => {
    const before = new Map(figuresOf(reference().view).map((f) => [f.key, f]));
    const after = figuresOf(completed().view);
    const value = (v: unknown, percent: boolean) => (v === null || v === undefined ? new Decimal(0) : new Decimal(v as Decimal.Value)).toDecimalPlaces(percent ? 2 : 20);
    const changed = after
      .filter((f) => !value(f.value, f.kind === 'percent').eq(value(before.get(f.key)?.value ?? null, f.kind === 'percent')))
      .map((f) => f.key);
    const gone = [...before.keys()].filter((k) => !after.some((f) => f.key === k) && !value(before.get(k)!.value, false).isZero());
    expect(diff.figures.map((f) => f.key).sort()).toEqual([...changed, ...gone].sort());
  });

  it('every sentence removed or added, and no other (old − removed + added = new)', () => {
    const count = (list: string[]) => list.reduce((m, s) => m.set(s, (m.get(s) ?? 0) + 1), new Map<string, number>());
    for (const part of ['part-1', 'part-3']) {
      const old = sentencesOf(reference().blocks).filter((s) => s.part === part).map((s) => s.text);
      const now = sentencesOf(completed().blocks).filter((s) => s.part === part).map((s) => s.text);
      const m = count(old);
      for (const c of diff.sentences.filter((s) => s.part === part)) {
        expect(c.old).not.toBe(c.new);
        if (c.old !== null) m.set(c.old, m.get(c.old)! - 1);
        if (c.new !== null) m.set(c.new, (m.get(c.new) ?? 0) + 1);
      }
      expect([...m].filter(([, n]) => n !== 0).sort()).toEqual([...count(now)].sort());
    }
  });

  it('pairs each reworded sentence with its successor and marks what changed in it', () => {
    const staff = diff.sentences.find((s) => s.new?.includes('在职 12人'))!;
    expect(staff.old).toBe('新疆维吾尔自治区工业和信息化厅信息中心编制数 14，实有人数 22人，其中：在职 11人，减少 1人；');
    expect(staff.segments!.filter((s) => s.kind !== 'same')).toEqual([
      { kind: 'removed', text: '22' }, { kind: 'added', text: '23' },
      { kind: 'removed', text: '11人，减少' }, { kind: 'added', text: '12人，增加' },
    ]);
    const line = diff.sentences.find((s) => s.new?.startsWith('5、资源勘探工业信息等支出（类）'))!;
    expect(line.context).toBe('（三）一般公共预算当年拨款具体使用情况');
    expect(line.old).toContain('2024 年预算数为 161.19 万元，比上年预算增加 0.30 万元，增长 0.19%。');
    expect(line.new).toContain('2025 年预算数为 158.37 万元，比上年预算减少 2.82 万元，下降 1.75%。');
  });

  it('reads as a self-contained HTML page', () => {
    const html = formatDiffHtml(diff, { oldName: 'a<b>.yaml', newName: 'new.yaml' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).toContain('a&lt;b&gt;.yaml');
    expect(html).toContain('<td>2080502 事业单位离退休 · 基本支出</td><td class="num old">44.734</td><td class="num new">46.20</td><td class="num up">+1.466</td>');
    expect(html).toContain('比上年预算<del>减少 8.83</del> 万元，<del>下降 16.49%</del>。</p><p class="new">');
    expect(html).toContain('比上年预算<ins>增加 1.47</ins> 万元，<ins>增长 3.28%</ins>。</p></li>');
  });

  it('colours the terminal text only when asked to', () => {
    expect(formatDiffText(diff)).not.toContain('\u001b[');
    expect(formatDiffText(diff, { color: true })).toContain('\u001b[31m');
  });
});

describe('diff of two identical documents', () => {
  it('says so', () => {
    const same = diffFiles(REFERENCE, REFERENCE).diff!;
    expect(same).toEqual({ figures: [], sentences: [] });
    expect(formatDiffText(same)).toContain('没有数字或句子变化');
  });
});

describe('across units (the county bureau against the reference)', () => {
  it('lists figures present in one document only, absent ones as —', () => {
    const d = diffFiles(REFERENCE, COUNTY).diff!;
    const newLine = d.figures.find((f) => f.key === 't3.2010401.total')!;
    expect([newLine.old, String(newLine.new)]).toEqual([null, '185.25']);
    const goneLine = d.figures.find((f) => f.key === 't3.2150550.total')!;
    expect([String(goneLine.old), goneLine.new]).toEqual(['161.186', null]);
    expect(formatDiffText(d)).toMatch(/2150550 事业运行 · 合计 +161\.186 → +— +-161\.186/);
  });
});

describe('the pieces', () => {
  it('LCS diff keeps the common subsequence and lists deletions before insertions', () => {
    const ops = diffSequences([...'abcde'], [...'abXde']).map((o) => `${o.kind[0]}${'a' in o ? o.a : ''}${'b' in o && o.kind !== 'equal' ? o.b : ''}`);
    expect(ops).toEqual(['ea', 'eb', 'dc', 'iX', 'ed', 'ee']);
    expect(diffSequences([], ['x'])).toEqual([{ kind: 'insert', b: 'x' }]);
    expect(diffSequences(['x'], [])).toEqual([{ kind: 'delete', a: 'x' }]);
  });

  it('sentences end at 。 and ；', () => {
    expect(splitSentences('甲。乙；丙，丁。 ')).toEqual(['甲。', '乙；', '丙，丁。']);
  });

  it('a figure is one token in a changed sentence', () => {
    expect(tokenDiff('减少 6.23 万元', '增加 0.00 万元')).toEqual([
      { kind: 'removed', text: '减少 6.23' }, { kind: 'added', text: '增加 0.00' }, { kind: 'same', text: ' 万元' },
    ]);
  });

  it('a sentence that moved within its part is a removal and an addition', () => {
    const s = (text: string) => ({ part: 'part-3', context: '', text });
    const changes = diffSentences([s('甲。'), s('乙。'), s('丙。')], [s('乙。'), s('丙。'), s('甲。')]);
    expect(changes.map((c) => [c.old, c.new])).toEqual([['甲。', null], [null, '甲。']]);
  });
});
