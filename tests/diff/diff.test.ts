// `yusuan diff`: the reference (2024, published) against its completed 2025 draft. The exact
// summary, changed figures and sentences are the golden file expected/reference-vs-completed.txt
// (`npx vitest run -u` rewrites it after a deliberate change); the tests below pin down why each
// entry is there, from what the completed draft changed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffFiles, diffSentences, type DocumentDiff, type SummaryRow } from '../../src/diff/index.js';
import { figuresOf } from '../../src/diff/figures.js';
import { formatDiffHtml } from '../../src/diff/format-html.js';
import { formatDiffText } from '../../src/diff/format-text.js';
import { diffSequences } from '../../src/diff/lcs.js';
import { sentencesOf, splitSentences } from '../../src/diff/sentences.js';
import { printed, printedChange, printedRate } from '../../src/diff/summary.js';
import { tokenDiff } from '../../src/diff/tokens.js';
import { produce } from '../../src/document.js';
import { COMPLETED, COUNTY, read, REFERENCE } from '../draft/helpers.js';

let diff: DocumentDiff;
const reference = () => produce(REFERENCE).document!;
const completed = () => produce(COMPLETED).document!;

beforeAll(() => {
  diff = diffFiles(REFERENCE, COMPLETED).diff!;
});

describe('the reference against its completed 2025 draft', () => {
  it('lists exactly the expected summary, figures and sentences (golden file)', async () => {
    await expect(formatDiffText(diff, { oldName: 'data/2024-info-center.yaml', newName: 'tests/fixtures/draft-2025-completed.yaml' }))
      .toMatchFileSnapshot('./expected/reference-vs-completed.txt');
    expect(diff.figures).toHaveLength(16);
    expect(diff.sentences.filter((s) => s.part === 'part-1')).toHaveLength(1);
    expect(diff.sentences.filter((s) => s.part === 'part-3')).toHaveLength(57);
    expect(diff.yearOnly).toHaveLength(21);
    expect(diff.reasons).toHaveLength(16);
  });

  it('the summary’s figures are those the two documents print, change and rate as the new one words them', () => {
    const [before, after] = [reference().text, completed().text];
    const row = (key: string) => diff.summary.find((r) => r.key === key)!;
    expect(diff.summary.map((r) => r.key)).toEqual([
      'total', 'income.general', 'expenditure.basic', 'expenditure.project', 'three_public', 'three_public.vehicle_operation', 'operating_expense',
    ]);
    // Part 3 of the completed draft compares with 2024's budget, which is the reference's: its words are the summary's.
    const words = (r: SummaryRow) =>
      `${r.change.up ? '增加' : '减少'} ${printedChange(r.change).replace(/^[+-]/, '')} 万元，${r.change.up ? '增长' : '下降'} ${printedRate(r.change).replace(/^[+-]/, '')}`;
    const both = (key: string, sentence: (amount: string) => string, changed: (r: SummaryRow) => string) => {
      const r = row(key);
      expect(before).toContain(sentence(printed(r.old)));
      expect(after).toContain(sentence(printed(r.new)));
      expect(after).toContain(changed(r));
    };
    both('total', (a) => `收支总预算 ${a} 万元。`, (r) => `收支总预算 ${printed(r.new)} 万元。`);
    both('income.general', (a) => `一般公共预算 ${a} 万元，占 100.00%`, (r) => `比上年预算${words(r)}，主要原因是在职人员增加1人`);
    both('expenditure.basic', (a) => `基本支出 ${a} 万元，占`, (r) => `基本支出 ${printed(r.new)} 万元，比上年预算${words(r)}。`);
    both('expenditure.project', (a) => `项目支出 ${a} 万元，占`, (r) => `项目支出 ${printed(r.new)} 万元，比上年预算${words(r)}。`);
    both('three_public', (a) => `“三公”经费预算数为 ${a} 万元`, (r) => `“三公”经费预算比上年预算${words(r)}`);
    both('three_public.vehicle_operation', (a) => `公务用车运行费 ${a} 万元`, (r) => `公务用车运行费${words(r)}`);
    both('operating_expense', (a) => `运行经费财政拨款预算 ${a} 万元`, (r) => `运行经费财政拨款预算 ${printed(r.new)} 万元，比上年预算${words(r)}`);
    expect([printed(row('total').old), printed(row('total').new), printedChange(row('total').change), printedRate(row('total').change)])
      .toEqual(['335.37', '339.02', '+3.65', '+1.09%']);
  });

  it('each figure once, where it is entered, with the tables that print it; no totals, shares or rates', () => {
    const keys = diff.figures.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([
      'staffing.serving',
      'budget.2080502.basic.general', 'budget.2150550.basic.general', 'budget.2150599.project.general',
      'economic.30107', 'economic.30201', 'economic.30231', 'economic.30299', 'economic.30302',
      'project.工信厅电子政务运行维护和企业信息化工作经费.302',
      'three_public.vehicle_operation.general',
      'procurement.services', 'procurement.sme_reserved', 'procurement.small_micro_reserved',
      'assets.furniture', 'assets.other',
    ]);
    const line = diff.figures.filter((f) => f.key.startsWith('budget.2080502.'));
    expect(line).toHaveLength(1);
    expect(line[0]).toMatchObject({ label: '2080502 事业单位离退休 · 基本支出 · 一般公共预算', tables: ['表2', '表3', '表5'], status: 'changed' });
    expect([String(line[0]!.old), String(line[0]!.new), String(line[0]!.difference)]).toEqual(['44.734', '46.2', '1.466']);
    const text = formatDiffText(diff);
    expect(text.match(/2080502 事业单位离退休/g)).toHaveLength(1);
    expect(text).toMatch(/2080502 事业单位离退休 · 基本支出 · 一般公共预算 +44\.73 → +46\.20 +\+1\.47 +表2、表3、表5\n/);
    expect(text).toMatch(/30201 办公费 +1\.53 → +1\.40 +-0\.13 +表6\n/);
    // Neither the old diff's derived figures (增减幅度, 占比, 总计) nor the 项's 款 and 类 rows.
    expect(text).not.toMatch(/增减幅度 -|占比|总计 ·|20805 |^ +208 /m);
  });

  it('lists a stated figure exactly when its value differs', () => {
    const before = new Map(figuresOf(produce(REFERENCE).loaded.data!).map((f) => [f.key, f.value]));
    const after = figuresOf(produce(COMPLETED).loaded.data!);
    const changed = after.filter((f) => String(f.value) !== String(before.get(f.key) ?? null)).map((f) => f.key);
    expect(diff.figures.map((f) => f.key).sort()).toEqual(changed.sort());
    // The completed draft's 上年数 are the reference's own figures: nothing to show.
    expect(diff.figures.filter((f) => f.key.startsWith('prior.'))).toEqual([]);
  });

  it('every sentence removed or added, and no other (old − removed + added = new)', () => {
    const count = (list: string[]) => list.reduce((m, s) => m.set(s, (m.get(s) ?? 0) + 1), new Map<string, number>());
    for (const part of ['part-1', 'part-3']) {
      const old = sentencesOf(reference().blocks).filter((s) => s.part === part).map((s) => s.text);
      const now = sentencesOf(completed().blocks).filter((s) => s.part === part).map((s) => s.text);
      const m = count(old);
      for (const c of [...diff.sentences, ...diff.yearOnly].filter((s) => s.part === part)) {
        expect(c.old).not.toBe(c.new);
        if (c.old !== null) m.set(c.old, m.get(c.old)! - 1);
        if (c.new !== null) m.set(c.new, (m.get(c.new) ?? 0) + 1);
      }
      expect([...m].filter(([, n]) => n !== 0).sort()).toEqual([...count(now)].sort());
    }
    for (const c of diff.yearOnly) expect(c.old!.replaceAll('2024', '2025').replaceAll('2023', '2024')).toBe(c.new);
  });

  it('pairs each reworded sentence with its successor and marks what changed in it', () => {
    const staff = diff.sentences.find((s) => s.new?.includes('在职 12人'))!;
    expect(staff.old).toBe('新疆维吾尔自治区工业和信息化厅信息中心编制数 14，实有人数 22人，其中：在职 11人，减少 1人；');
    expect(staff.segments!.filter((s) => s.kind !== 'same')).toEqual([
      { kind: 'removed', text: '22' }, { kind: 'added', text: '23' },
      { kind: 'removed', text: '11人，减少' }, { kind: 'added', text: '12人，增加' },
    ]);
    expect(formatDiffText(diff)).toContain('实有人数 [-22-]人，其中：在职 [-11人，减少-] 1人；');
    const line = diff.sentences.find((s) => s.new?.startsWith('5、资源勘探工业信息等支出（类）'))!;
    expect(line.context).toBe('（三）一般公共预算当年拨款具体使用情况');
    expect(line.old).toContain('2024 年预算数为 161.19 万元，比上年预算增加 0.30 万元，增长 0.19%。');
    expect(line.new).toContain('2025 年预算数为 158.37 万元，比上年预算减少 2.82 万元，下降 1.75%。');
  });

  it('--only reasons: the changed reasons: texts and the sentences giving 主要原因, nothing else', () => {
    const text = formatDiffText(diff, { only: 'reasons' });
    expect(text).not.toContain('摘要');
    expect(text).not.toContain('数字 Figures');
    expect(text).toContain('按项 2080502 事业单位离退休\n  - [-离-]退休人员[-自2023年起不再缴纳医疗保险-]\n  + 退休人员{+退休费标准调增+}\n');
    const reasons = diff.reasons.find((r) => r.key === 'reasons.operating_expense')!;
    expect([reasons.label, reasons.old, reasons.new]).toEqual(['运行经费', '在职人员减少1人，造成相关费用相对减少', '压减办公费和公务用车运行维护费']);
    const sentences = text.slice(text.indexOf('含“主要原因”的句子'));
    const listed = sentences.split('\n').filter((l) => /^  [-+] /.test(l));
    expect(listed.length).toBe(2 * diff.sentences.filter((s) => s.segments && (s.old!.includes('主要原因') || s.new!.includes('主要原因'))).length);
    for (const l of listed) expect(l.replace(/\[-|-\]|\{\+|\+\}/g, '')).toContain('主要原因');
    expect(formatDiffHtml(diff, { only: 'reasons' })).toContain('<h3>按项 2080502 事业单位离退休</h3>');
  });

  it('reads as a self-contained HTML page that prints on A4 without losing the marks', () => {
    const html = formatDiffHtml(diff, { oldName: 'a<b>.yaml', newName: 'new.yaml' });
    expect(html).toMatch(/^<!doctype html>/);
    // Nothing fetched: no attribute pointing anywhere, no CSS url() or @import, no scheme at all.
    expect(html).not.toMatch(/\b(src|href)=|url\(|@import|https?:|\/\//);
    expect(html).toContain('a&lt;b&gt;.yaml');
    expect(html).toContain('@page { size: A4;');
    const print = html.slice(html.indexOf('@media print {'), html.indexOf('</style>'));
    expect(print).toContain('tr, li { break-inside: avoid;');
    expect(print).toContain('print-color-adjust: exact;');
    expect(html).toContain('del { background: #ffa39e; text-decoration: line-through; } ins { background: #b7eb8f; text-decoration: underline; }');
    expect(html).toContain('<tr class="sub"><td>收入：一般公共预算</td><td class="num old">335.37</td><td class="num new">339.02</td><td class="num up">+3.65</td><td class="num up">+1.09%</td></tr>');
    expect(html).toContain('<tr><td>2080502 事业单位离退休 · 基本支出 · 一般公共预算</td><td class="num old">44.73</td><td class="num new">46.20</td><td class="num up">+1.47</td><td class="where">表2、表3、表5</td></tr>');
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
    expect([same.figures, same.sentences, same.yearOnly, same.reasons]).toEqual([[], [], [], []]);
    expect(same.summary.every((r) => r.change.zero)).toBe(true);
    expect(formatDiffText(same)).toContain('没有数字或句子变化');
  });
});

describe('across units (the county bureau against the reference)', () => {
  it('says 新增 of a line only the new file has and 删除 of one only the old file has', () => {
    const d = diffFiles(REFERENCE, COUNTY).diff!;
    const added = d.figures.filter((f) => f.key.startsWith('budget.2010401.'));
    expect(added.length).toBeGreaterThan(0);
    for (const f of added) expect([f.status, f.old]).toEqual(['added', null]);
    const gone = d.figures.find((f) => f.key === 'budget.2150550.basic.general')!;
    expect([gone.status, String(gone.old), gone.new]).toEqual(['removed', '161.186', null]);
    const text = formatDiffText(d);
    expect(text).toMatch(/2150550 事业运行 · 基本支出 · 一般公共预算 +161\.19 → +— +删除 +表2、表3、表5\n/);
    expect(text).toMatch(/2010401 [^\n]* +— → +[\d.]+ +新增 +表2/);
    expect(text).not.toMatch(/0\.00 → /);
  });
});

describe('across a year whose 上年数 is not the old file’s budget', () => {
  it('shows each 上年数 that differs from the old file’s own figure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-diff-prior-'));
    try {
      const file = join(dir, 'next.yaml');
      writeFileSync(file, read(COMPLETED).replace('basic: { general: 44.734 }', 'basic: { general: 44.7 }'));
      const d = diffFiles(REFERENCE, file).diff!;
      const prior = d.figures.filter((f) => f.key.startsWith('prior.'));
      expect(prior.map((f) => [f.key, String(f.old), String(f.new), f.tables])).toEqual([['prior.budget.2080502.basic.general', '44.734', '44.7', ['第三部分']]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
