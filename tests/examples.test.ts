// The starting points for a newcomer (examples/*.yaml): each must check with no finding at all —
// no error, warning or note, so a unit copying one starts clean — and build. Markdown and HTML for
// every example (in memory, no browser); one PDF with the real printer, skipped only where no
// Chromium is installed. Their plain text is kept as snapshots (tests/snapshot's recipe), so a
// template change that alters an example's wording is seen in review.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { build, check, documentText, load } from '../src/index.js';
import { pdfInfo } from './print/helpers/poppler.js';
import { hasChromium } from './helpers/chromium.js';

const dir = fileURLToPath(new URL('../examples/', import.meta.url));
const EXAMPLES = readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort();


it('ships the hospital, the school and the bureau with subordinate units', () => {
  expect(EXAMPLES).toEqual(['2025-county-agriculture-bureau.yaml', '2025-county-hospital.yaml', '2025-county-school.yaml']);
});

const out = mkdtempSync(join(tmpdir(), 'yusuan-examples-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.each(EXAMPLES)('examples/%s', (name) => {
  const file = join(dir, name);

  it('checks with no finding at all, --strict included', () => {
    expect(check(load(file))).toEqual([]);
    expect(check(load(file), { strict: true })).toEqual([]);
  });

  it('builds Markdown and HTML', async () => {
    const [result] = await build([file], { outDir: out, formats: ['md', 'html'] });
    expect(result!.findings).toEqual([]);
    const base = join(out, name.replace(/\.yaml$/, ''));
    expect(result!.outputs.sort()).toEqual([`${base}.html`, `${base}.md`]);
    expect(readFileSync(`${base}.md`, 'utf8')).toContain('第三部分');
    expect(readFileSync(`${base}.html`, 'utf8')).toContain('</html>');
  });

  it('publishes the same text as last time', async () => {
    await expect(documentText(file)).toMatchFileSnapshot(`./snapshot/__snapshots__/examples-${name.replace(/\.yaml$/, '')}.txt`);
  });
});

describe('what each example is an example of', () => {
  const text = (name: string) => documentText(join(dir, name)).replace(/\s+/g, '');
  it('the hospital: an institution living on business income, with a government-fund line named from the catalog', () => {
    const t = text('2025-county-hospital.yaml');
    expect(t).toContain('其中：事业收入20668.23');
    // The 款 22904 named in tables 2, 3 and 8, never printed as a bare code.
    expect(t).toContain('22904其他政府性基金及对应专项债务收入安排的支出');
    expect(t).toContain('事业单位运行经费');
  });
  it('the hospital also gives the optional fields other regions print, each worded where the reference-shaped document has room for it', () => {
    const t = text('2025-county-hospital.yaml');
    expect(t).toContain('收支总预算23953.13万元，比上年预算增加722.25万元，增长3.11%。主要原因是门诊和住院服务量增长');
    expect(t).toContain('财政拨款收支总预算3284.90万元，比上年预算增加156.16万元，增长4.99%。主要原因是');
    expect(t).toContain('一般公共预算基本支出2729.30万元，比上年预算增加92.96万元，增长3.53%，其中：');
    expect(t).toContain('住房公积金、离休费、退休费；比上年预算增加77.96万元，增长3.18%。主要原因是在编人员增加12人');
    expect(t).toContain('对个人和家庭的补助168.30万元，比上年预算减少3.50万元，下降2.04%，主要原因是离休人员减少1人、退休人员减少3人。');
    expect(t).toContain('项目类别：特定目标类项目');
    expect(t).toContain('一般公共预算项目支出405.60万元，比上年预算增加13.20万元，增长3.36%，其中：商品和服务支出165.60万元，比上年预算增加3.20万元，增长1.97%，主要原因是');
    expect(t).toContain('政府采购预算比上年预算增加220.00万元，增长10.00%，主要原因是');
    expect(t).toContain('按组织形式分：集中采购1600.00万元，分散采购820.00万元。按资金来源分：一般公共预算资金240.00万元，政府性基金预算资金150.00万元，单位资金2030.00万元。');
    expect(t).toContain('5.资产原值合计52800.00万元，其中：房屋和构筑物24600.00万元，设备27150.00万元，家具和用具1050.00万元。');
    expect(t).toMatch(/八、机关运行经费:.*九、事业收入:指事业单位.*十、集中采购:指/);
  });
  it('the school: 205 教育, 财政专户 tuition and a carry-over', () => {
    const t = text('2025-county-school.yaml');
    expect(t).toContain('教育支出（类）普通教育（款）初中教育（项）');
    expect(t).toContain('财政专户管理资金180.00万元');
    expect(t).toContain('财政拨款结转36.00万元');
  });
  it('the bureau: an administrative unit with subordinate units, 三公 with a vehicle, a line dropped since last year', () => {
    const t = text('2025-county-agriculture-bureau.yaml');
    expect(t).toContain('有下属预算单位3个（演示县农业技术推广中心、演示县动物疫病预防控制中心、演示县农村经营管理站）');
    expect(t).toContain('公务用车购置费增加18.00万元（上年未安排）');
    expect(t).toContain('其他农业农村支出（项）：2025年预算数为0.00万元，比上年预算减少25.00万元，下降100.00%。主要原因是');
    expect(t).toContain('机关运行经费');
  });
});

describe('one example as a PDF, printed by Chromium', () => {
  it.skipIf(!hasChromium)('the hospital prints to an A4 PDF titled with its name', async () => {
    const [result] = await build([join(dir, '2025-county-hospital.yaml')], { outDir: out, formats: ['pdf'] });
    expect(result!.findings).toEqual([]);
    const pdf = join(out, '2025-county-hospital.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const info = pdfInfo(pdf);
    expect(info.pages.length).toBeGreaterThan(20);
    // A4, portrait or landscape.
    for (const page of info.pages) expect([Math.round(page.width), Math.round(page.height)].sort()).toEqual([595, 842]);
    expect(info.fields.get('Title')).toContain('演示县人民医院');
  }, 180_000);
});
