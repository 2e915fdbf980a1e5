// `yusuan draft`: next year's data file from a published year's — through the library API, with the
// PDF stage stubbed so no browser starts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOne, type PrintFn } from '../../src/build.js';
import { check } from '../../src/check/index.js';
import { produce } from '../../src/document.js';
import { defaultDraftPath, draftText } from '../../src/draft/index.js';
import { shiftCommentYears, yearPlaceholders } from '../../src/draft/years.js';
import type { PdfMeta } from '../../src/print/index.js';
import { loadText } from '../../src/load/load.js';
import { anyYear, commentLines, COMPLETED, COUNTY, keyPaths, read, REFERENCE } from './helpers.js';

let dir: string;
let draft: string;
let draftFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yusuan-draft-'));
  draft = draftText(read(REFERENCE), { year: 2025, file: REFERENCE }).text!;
  draftFile = join(dir, '2025-info-center.yaml');
  writeFileSync(draftFile, draft);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const squash = (s: string) => s.replace(/\s+/g, '');

describe('the 2025 draft of the reference', () => {
  it('builds every format, the PDF through the injected printer', async () => {
    const printed: { html: string; meta: PdfMeta }[] = [];
    const print: PrintFn = async (html, meta) => {
      printed.push({ html, meta });
      return new TextEncoder().encode('%PDF-stub');
    };
    const result = await buildOne(draftFile, { outDir: join(dir, 'out'), formats: ['md', 'html', 'pdf', 'txt'], print });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.outputs.map((o) => o.slice(o.lastIndexOf('.')))).toEqual(['.md', '.html', '.pdf', '.txt']);
    expect(printed).toHaveLength(1);
    // The date is still a placeholder: the PDF is dated 1 January of the budget year, reproducibly.
    expect(printed[0]!.meta.date.toISOString()).toBe('2024-12-31T16:00:00.000Z');
    expect(printed[0]!.html).toContain('<mark class="placeholder">【待填写：公开日期】</mark>');
  });

  it('shows every placeholder, highlighted in the HTML', () => {
    const html = produce(draftFile).document!.html;
    expect(html).toContain('mark.placeholder'); // templates/placeholder.css is inlined
    expect(html).toContain('<p><mark class="placeholder">【待填写：公开日期】</mark></p>');
    expect(html).toContain('在职 11人，<mark class="placeholder">【待填写：增减人数】</mark>；退休 10 人，<mark class="placeholder">【待填写：增减人数】</mark>');
    expect(html).toContain('主要原因是<mark class="placeholder">【待填写：主要原因（上年：离退休人员自2023年起不再缴纳医疗保险）】</mark>。');
    // Nothing the data file holds as a placeholder is printed without its highlight.
    expect(html.replace(/<mark class="placeholder">【待填写[^<]*<\/mark>/g, '')).not.toContain('【待填写');
  });

  it('compares Part 3 with 2024: this year’s figures start as 2024’s, so every change is 0.00', () => {
    const doc = produce(draftFile).document!;
    expect(doc.view.unit.year).toBe(2025);
    expect(doc.view.part3.expenditure.basic.prior!.toFixed()).toBe('270.37');
    expect(squash(doc.text)).toContain(squash(
      '基本支出 270.37 万元，占 80.62%，比上年预算增加 0.00 万元，增长 0.00%，主要原因是【待填写：主要原因（上年：人员减少、人员职级增长、工资普调等原因造成预算相对减少）】。'));
    expect(squash(doc.text)).toContain(squash('项目支出 65.00 万元，占 19.38%，比上年预算增加 0.00 万元，增长 0.00%'));
    // 2024's operating expense (公用经费, table 6) is the draft's prior figure.
    expect(squash(doc.text)).toContain(squash('2025 年的事业单位运行经费财政拨款预算 13.18 万元，比上年预算增加 0.00 万元，增长 0.00%。'));
    expect(squash(doc.text)).toContain(squash('截至 2024 年底'));
  });

  it('moves this year’s figures to prior, copied as written, comments included', () => {
    const ref = read(REFERENCE);
    const budget = ref.slice(ref.indexOf('budget:\n  - code'), ref.indexOf('\n\n', ref.indexOf('budget:\n  - code')));
    const priorBudget = draft.slice(draft.indexOf('prior:\n  budget:\n') + 'prior:\n  '.length, draft.indexOf('  operating_expense:'));
    expect(priorBudget.trimEnd()).toBe(budget.replace(/\n/g, '\n  '));
    expect(draft).toContain('  operating_expense: 13.182\n');
    expect(draft).toContain('    vehicle_operation: { general: 0.70 }   # 公务用车运行费\n');
    expect(draft).toContain('  staffing: { serving: 11, retired: 10, honorary_retired: 1 }');
    expect(draft).toContain('# 上年（2024 年）预算数');
  });

  it('copies no comment about what is new this year into prior, and keeps it on this year’s line', () => {
    const source = read(REFERENCE)
      .replace('  - code: 2150599              # 其他工业和信息产业监管支出\n', '  # 本年新增项目\n  - code: 2150599              # 其他工业和信息产业监管支出（本年新增）\n')
      .replace('  vehicle_operation: { general: 0.70 }   # 公务用车运行费\n', '  vehicle_operation: { general: 0.70 }   # 公务用车运行费，今年调减\n');
    for (const eol of ['\n', '\r\n']) {
      const out = draftText(source.replace(/\n/g, eol), { year: 2025 }).text!.replace(/\r\n/g, '\n');
      const [now, prior] = [out.slice(0, out.indexOf('\nprior:')), out.slice(out.indexOf('\nprior:'))];
      expect(now).toContain('  # 本年新增项目\n  - code: 2150599              # 其他工业和信息产业监管支出（本年新增）\n');
      expect(now).toMatch(/\n  vehicle_operation: \{ general: !unconfirmed 0\.70 \} +# 公务用车运行费，今年调减\n/);
      expect(prior).not.toMatch(/本年新增|今年调减/);
      // The same prior as the reference's draft but for those comments, each gone whole (line or trailing part).
      const expected = draft.slice(draft.indexOf('\nprior:'))
        .replace('    - code: 2150599              # 其他工业和信息产业监管支出\n', '    - code: 2150599\n')
        .replace('    vehicle_operation: { general: 0.70 }   # 公务用车运行费\n', '    vehicle_operation: { general: 0.70 }\n');
      expect(prior).toBe(expected);
      expect(loadText(out).data!.prior.budget).toEqual(loadText(draft).data!.prior.budget);
    }
  });

  it('tags every figure of next year !unconfirmed, and none of last year’s', () => {
    const loaded = loadText(draft);
    const paths = loaded.unconfirmed!.map((m) => m.path);
    expect(paths).toContain('budget[0].basic.general');
    expect(paths).toContain('basic_economic.30101');
    expect(paths).toContain('projects[0].economic.302');
    expect(paths).toContain('three_public.vehicle_operation.general');
    expect(paths).toContain('procurement.services');
    expect(paths).toContain('assets.vehicles.general.count');
    expect(paths).toContain('overview.staffing.serving.count');
    expect(paths.filter((p) => p.startsWith('prior') || p.startsWith('unit'))).toEqual([]);
    // The figures are carried over unchanged: the same totals as 2024.
    expect(produce(draftFile).document!.view.tables.t1.total.toFixed()).toBe('335.37');
  });

  it('turns every reason, the date, the staffing changes and 上年完成值 into placeholders', () => {
    const loaded = loadText(draft);
    const paths = loaded.placeholders!.map((m) => m.path);
    expect(paths).toContain('unit.published');
    expect(paths).toContain('overview.staffing.serving.change');
    expect(paths).toContain('reasons.lines.2080502');
    expect(paths).toContain('reasons.three_public.reception');
    expect(paths).toContain('projects[0].performance.indicators[0].last_year');
    const reasons = Object.values(loaded.data!.reasons).flatMap((r) => (typeof r === 'string' ? [r] : Object.values(r ?? {})));
    expect(reasons.length).toBeGreaterThan(20);
    for (const r of reasons) expect(r).toMatch(/^【待填写：主要原因（上年：.+）】$/);
  });

  it('keeps key order and every line it has no reason to touch', () => {
    const ref = read(REFERENCE);
    expect(keyPaths(draft).filter((k) => !k.startsWith('prior.'))).toEqual(keyPaths(ref).filter((k) => !k.startsWith('prior.')));
    const functions = ref.slice(ref.indexOf('overview:'), ref.indexOf('  staffing:'));
    expect(draft).toContain(functions);
    // Aligned trailing comments keep their column where the value left room.
    expect(draft).toContain('  30101: !unconfirmed 56.917   # 基本工资\n');
  });

  it('is refused by check --strict, accepted with warnings otherwise', () => {
    const loaded = loadText(draft, draftFile);
    expect(check(loaded).filter((f) => f.severity === 'error')).toEqual([]);
    const strict = check(loaded, { strict: true }).filter((f) => f.severity === 'error');
    expect(new Set(strict.map((f) => f.code))).toEqual(new Set(['PLACEHOLDER', 'UNCONFIRMED']));
    expect(strict.find((f) => f.path === 'unit.published')?.code).toBe('PLACEHOLDER');
  });
});

describe('draft --empty', () => {
  it('leaves every figure of next year empty (!unconfirmed ~, read as 0) and still builds', () => {
    const empty = draftText(read(REFERENCE), { year: 2025, empty: true }).text!;
    expect(empty).toContain('    basic: { general: !unconfirmed ~ }\n');
    expect(empty).toContain('  30101: !unconfirmed ~        # 基本工资\n');
    const loaded = loadText(empty);
    expect(loaded.unconfirmed!.length).toBe(loadText(draft).unconfirmed!.length);
    const file = join(dir, 'empty-2025.yaml');
    writeFileSync(file, empty);
    const doc = produce(file).document!;
    expect(doc.view.tables.t1.total.isZero()).toBe(true);
    expect(doc.view.part3.expenditure.basic.prior!.toFixed()).toBe('270.37');
    expect(squash(doc.text)).toContain(squash('基本支出 0.00 万元，占 0.00%，比上年预算减少 270.37 万元，下降 100.00%'));
  });
});

describe('years in the text', () => {
  it('become placeholders where written as years, not in document numbers or codes', () => {
    expect(yearPlaceholders('离退休人员自2023年起不再缴纳医疗保险')).toBe('离退休人员自【待填写：年份（原 2023）】年起不再缴纳医疗保险');
    expect(yearPlaceholders('2025 年 3 月-11 月')).toBe('【待填写：年份（原 2025）】 年 3 月-11 月');
    expect(yearPlaceholders('(国办发〔2018〕45号)、2150599、20231年')).toBe('(国办发〔2018〕45号)、2150599、20231年');
    expect(yearPlaceholders('【待填写：主要原因（上年：自2023年起）】')).toBe('【待填写：主要原因（上年：自2023年起）】');
  });

  it('in a project’s period (the county bureau’s draft for 2026)', () => {
    const county = draftText(read(COUNTY), { year: 2026 }).text!;
    expect(county).toContain('    period: 【待填写：年份（原 2025）】 年 3 月-11 月\n');
    expect(loadText(county).data!.projects[1]!.period).toBe('【待填写：年份（原 2025）】 年 3 月-11 月');
  });

  it('move on in comments: the budget year and the year before it', () => {
    expect(shiftCommentYears('# 上年（2023 年）预算数；2024 年单位预算；2019 年标准', 2024, 2025)).toBe('# 上年（2024 年）预算数；2025 年单位预算；2019 年标准');
  });
});

describe('the completed draft (tests/fixtures/draft-2025-completed.yaml)', () => {
  const completed = read(COMPLETED);

  it('is the draft with its placeholders filled in: the same keys', () => {
    // Sorted: the reference's keys may be reordered by hand without the fixture going stale.
    expect(keyPaths(completed).sort()).toEqual(keyPaths(draft).sort());
  });

  it('has no placeholder and no unconfirmed figure, and passes check --strict', () => {
    const loaded = loadText(completed, COMPLETED);
    expect(loaded.placeholders).toEqual([]);
    expect(loaded.unconfirmed).toEqual([]);
    expect(completed).not.toContain('【待填写');
    expect(check(loaded, { strict: true })).toEqual([]);
  });

  it('says 增加 and 减少 as the figures moved against 2024', () => {
    const text = squash(produce(COMPLETED, { strict: true }).document!.text);
    for (const sentence of [
      '在职12人，增加1人；退休10人，增加0人；离休1人，增加0人。',
      '一般公共预算339.02万元，占100.00%，比上年预算增加3.65万元，增长1.09%',
      '基本支出269.02万元，占79.35%，比上年预算减少1.35万元，下降0.50%',
      '项目支出70.00万元，占20.65%，比上年预算增加5.00万元，增长7.69%',
      '事业单位离退休（项）：2025年预算数为46.20万元，比上年预算增加1.47万元，增长3.28%。',
      '事业运行（项）：2025年预算数为158.37万元，比上年预算减少2.82万元，下降1.75%。',
      '住房公积金（项）：2025年预算数为18.50万元，比上年预算增加0.00万元，增长0.00%。',
      '公务用车运行费减少0.05万元，下降7.14%，主要原因是严格执行公务用车制度，压减公务用车运行费；',
      '事业单位运行经费财政拨款预算13.05万元，比上年预算减少0.13万元，下降1.00%。',
      '2025年2月28日',
    ])
      expect(text).toContain(sentence);
    expect(text).not.toContain('待填写');
  });
});

describe('a draft of a draft', () => {
  it('loses no comment (each comment’s years moved on by one)', () => {
    const second = draftText(draft, { year: 2026 }).text!;
    const before = commentLines(draft).map(anyYear).sort();
    const after = commentLines(second).map(anyYear).sort();
    expect(after).toEqual(before);
    expect(commentLines(second)).toContain('上年（2025 年）预算数：第三部分的每个比较都以此为基数');
  });

  it('and the first draft loses none of the reference’s', () => {
    const ref = commentLines(read(REFERENCE)).map(anyYear);
    const first = commentLines(draft).map(anyYear);
    for (const c of new Set(ref)) expect(first.filter((x) => x === c).length).toBeGreaterThanOrEqual(ref.filter((x) => x === c).length);
  });

  it('keeps placeholders still unfilled and figures still unconfirmed', () => {
    const second = draftText(draft, { year: 2026 }).text!;
    expect(second).toContain('    2080502: 【待填写：主要原因（上年：离退休人员自2023年起不再缴纳医疗保险）】\n');
    expect(second).toContain('  published: 【待填写：公开日期】\n');
    // Last year's figures were themselves unconfirmed in the first draft, and stay so.
    expect(second).toContain('      basic: { general: !unconfirmed 44.734 }\n');
    expect(second).toContain('  staffing: { serving: !unconfirmed 11, retired: !unconfirmed 10, honorary_retired: !unconfirmed 1 }');
  });
});

describe('where the draft goes', () => {
  it('is named after the new year', () => {
    expect(defaultDraftPath('data/2024-info-center.yaml', 2024, 2025)).toBe(join('data', '2025-info-center.yaml'));
    expect(defaultDraftPath('units/info-2024.yaml', 2024, 2025)).toBe(join('units', 'info-2025.yaml'));
    expect(defaultDraftPath('unit.yaml', 2024, 2025)).toBe('2025-unit.yaml');
  });

  it('refuses a year that is not later than the source’s', () => {
    expect(() => draftText(read(REFERENCE), { year: 2024 })).toThrow(/--year 2024/);
  });

  it('makes nothing from a file with errors, and says why', () => {
    const result = draftText(read(REFERENCE).replace('year: 2024', 'year: twenty'), { year: 2025 });
    expect(result.text).toBeUndefined();
    expect(result.findings.some((f) => f.severity === 'error' && f.path === 'unit.year')).toBe(true);
  });
});
