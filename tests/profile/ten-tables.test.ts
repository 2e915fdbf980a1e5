// The bundled ten-tables profile (profiles/ten-tables/) on its golden fixture, a fictional county
// primary school: the fixture checks with no finding at all; the document puts 情况说明 before the
// tables, which come last as an attachment of ten; 三公, 会议费 and 培训费 share table 7; each setting
// of the profile shows in the golden (put back to the default, exactly the sentences it shapes
// change); and `yusuan build --profile ten-tables` writes md, html, pdf, xlsx, docx and txt — the PDF
// on A4 with its fonts embedded, the workbook opened by LibreOffice.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, compute, loadTemplates, loadText, render } from '../../src/index.js';
import { htmlBlocks, type Block } from '../../src/render/html-blocks.js';
import { readOutline, type OutlineItem } from '../print/helpers/pdf-catalog.js';
import { expectOnlyBundledFonts, pdfInfo } from '../print/helpers/poppler.js';
import { hasChromium } from '../helpers/chromium.js';
import { body } from '../helpers/docx-xml.js';
import { entryText, unzip } from '../helpers/unzip.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = join(root, 'tests/fixtures/golden/ten-tables-school/data.yaml');
const loaded = loadText(readFileSync(FIXTURE, 'utf8'), FIXTURE);
const view = compute(loaded.data!);

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

/** The fixture's document as blocks, with the ten-tables profile and, optionally, a profile.yaml over it. */
function blocks(overlay?: string): Block[] {
  let templates: string | undefined;
  if (overlay !== undefined) {
    templates = tempDir('yusuan-ten-');
    writeFileSync(join(templates, 'profile.yaml'), overlay);
  }
  return htmlBlocks(render(view, loadTemplates({ profile: 'ten-tables', templates })).html);
}
const paragraphs = (bs: Block[]) => bs.flatMap((b) => (b.kind === 'table' ? [] : [b.text]));
const squash = (s: string) => s.replace(/\s+/g, '');

const TITLES = ['收支总表', '收入总表', '支出总表', '财政拨款收支总表', '一般公共预算支出表', '一般公共预算基本支出表', '“三公”经费、会议费、培训费支出表', '政府性基金预算支出表', '国有资本经营预算支出表'];
const PROJECTS = 5;

describe('profiles/ten-tables on its fixture', () => {
  const shown = blocks();

  it("numbers a unit's own glossary terms after its ten (the hospital example's two)", () => {
    const file = join(root, 'examples/2025-county-hospital.yaml');
    const hospital = compute(loadText(readFileSync(file, 'utf8'), file).data!);
    const text = paragraphs(htmlBlocks(render(hospital, loadTemplates({ profile: 'ten-tables' })).html));
    const terms = text.filter((p) => /^[一二三四五六七八九十]+、[^：，。]+：指/.test(p)).map((p) => p.slice(0, p.indexOf('：')));
    expect(terms.slice(-3)).toEqual(['十、机关运行经费', '十一、事业收入', '十二、集中采购']);
  });

  it('the fixture passes check with no finding at all (no warning, no note)', () => {
    expect(check(loaded)).toEqual([]);
  });

  it('puts 情况说明 (Part 2 here) before the tables, which come last as an attachment of ten', () => {
    const h1 = shown.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => squash((b as { text: string }).text));
    expect(h1).toEqual(['第一部分2025年演示县实验小学单位概况', '第二部分2025年单位预算情况说明', '第三部分名词解释', '附件2025年单位预算公开表']);
    const captions = shown.filter((b) => b.kind === 'heading' && b.level === 2 && /^表/.test(b.text)).map((b) => squash((b as { text: string }).text));
    expect(captions).toEqual([
      ...TITLES.map((t, i) => `表${i + 1}${t}`),
      ...Array.from({ length: PROJECTS }, (_, i) => `表10-${i + 1}项目支出绩效目标表`),
    ]);
    // The signature closes the text, before the attachment.
    const texts = paragraphs(shown);
    expect(texts.indexOf('2025 年 2 月 24 日')).toBeLessThan(texts.findIndex((t) => t.startsWith('附件')));
  });

  it('prints 三公, 会议费 and 培训费 in one table (表 7), with the prior year beside this year by source', () => {
    const t7 = shown.find((b) => b.kind === 'table' && b.within.includes('table-7'));
    expect(t7?.kind).toBe('table');
    const rows = (t7 as Extract<Block, { kind: 'table' }>).rows.map((r) => r.map((c) => c.text));
    expect(rows).toContainEqual(['合计', '85,000.00', '90,000.00', '90,000.00', '', '']);
    expect(rows).toContainEqual(['一、“三公”经费', '25,000.00', '20,000.00', '20,000.00', '', '']);
    expect(rows).toContainEqual(['二、会议费', '8,000.00', '6,000.00', '6,000.00', '', '']);
    expect(rows).toContainEqual(['三、培训费', '52,000.00', '64,000.00', '64,000.00', '', '']);
    expect(paragraphs(shown)).toContain('会议费财政拨款预算 6,000.00 元，同比减少 2,000.00 元，下降 25.00%，主要原因是压减会议数量，能合并的会议合并召开。');
  });

  it('words a change 同比增加/减少 … 增长/下降 …%, and no change 与上年持平', () => {
    const texts = paragraphs(shown).join('\n');
    expect(texts).toContain('培训费财政拨款预算 64,000.00 元，同比增加 12,000.00 元，增长 23.08%');
    expect(texts).toContain('因公出国（境）费 0.00 元，与上年持平');
    expect(texts).not.toContain('比上年预算');
  });

  // Each setting the profile sets, put back to the default in a folder over it: exactly the sentences
  // that show it change. The golden (expected.md/.txt) holds the profile's side of each.
  // [setting, put back, a line of ours, the same line put back, how many paragraphs change (null: most)]
  const settings: [string, string, RegExp, RegExp, number | null][] = [
    ['unit: 元', 'unit: 万元', /^一般公共预算 13,674,800\.00 元，占 94\.87%/, /^一般公共预算 1,367\.48 万元，占 94\.87%/, null],
    ["thousands: ','", "thousands: ''", /^一般公共预算 13,674,800\.00 元/, /^一般公共预算 13674800\.00 元/, null],
    ['zero_prior', 'zero_prior: 增加 {amount} {unit}（上年未安排）', /培训支出（项）：2025 年预算数为 186,000\.00 元，上年未安排，本年新增 186,000\.00 元。/, /培训支出（项）：2025 年预算数为 186,000\.00 元，增加 186,000\.00 元（上年未安排）。/, 1],
    // Rounded each on its own, the income shares sum to 100.01 and the 类 shares to 99.99.
    ['shares: largest_remainder', 'shares: each', /^单位资金 60,000\.00 元，占 0\.41%/, /^单位资金 60,000\.00 元，占 0\.42%/, 2],
  ];
  it.each(settings)('%s shows in the golden', (_, back, ours, theirs, count) => {
    const profileYaml = readFileSync(join(root, 'profiles/ten-tables/profile.yaml'), 'utf8');
    expect(profileYaml).toMatch(new RegExp(`^${_.split(':')[0]}:`, 'm'));
    const golden = readFileSync(join(root, 'tests/fixtures/golden/ten-tables-school/expected.txt'), 'utf8').split('\n');
    expect(golden.some((line) => ours.test(line))).toBe(true);
    const a = paragraphs(shown);
    const b = paragraphs(blocks(back));
    expect(b).toHaveLength(a.length);
    const changed = a.flatMap((p, i) => (p === b[i] ? [] : [i]));
    expect(changed.length).toBeGreaterThan(0);
    expect(a.some((p) => ours.test(p))).toBe(true);
    expect(b.some((p) => theirs.test(p))).toBe(true);
    if (count !== null) expect(changed).toHaveLength(count);
    else expect(changed.length).toBeGreaterThanOrEqual(40);
  });
});

it('its layout.html.hbs is the bundled one plus its table widths, so a change to the bundled page reaches it (update the copy when this fails)', () => {
  const own = readFileSync(join(root, 'profiles/ten-tables/layout.html.hbs'), 'utf8');
  const bundled = readFileSync(join(root, 'templates/layout.html.hbs'), 'utf8');
  expect(own.replace('<style>\n{{> table-widths}}\n</style>\n', '')).toBe(bundled);
});

describe.skipIf(!hasChromium)('yusuan build --profile ten-tables --format md,html,pdf,xlsx,docx,txt', () => {
  let out: string;
  let files: string[];
  beforeAll(() => {
    const dir = tempDir('yusuan-ten-build-');
    out = join(dir, 'out');
    const tmp = join(dir, 'tmp');
    execFileSync('mkdir', ['-p', tmp]);
    const run = spawnSync(process.execPath, [join(root, 'bin/yusuan.js'), 'build', FIXTURE, '--profile', 'ten-tables', '--format', 'md,html,pdf,xlsx,docx,txt', '--out', out], {
      encoding: 'utf8',
      cwd: root,
      env: { ...process.env, TMPDIR: tmp },
      timeout: 300_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    files = readdirSync(out).sort();
  }, 320_000);

  it('writes every format', () => {
    expect(files).toEqual(['data.docx', 'data.html', 'data.md', 'data.pdf', 'data.txt', 'data.xlsx']);
    expect(readFileSync(join(out, 'data.txt'), 'utf8')).toBe(readFileSync(join(root, 'tests/fixtures/golden/ten-tables-school/expected.txt'), 'utf8'));
  });

  it('prints an A4 PDF of a sane length, wide tables landscape, every font embedded, a bookmark for each part and table', async () => {
    const pdf = join(out, 'data.pdf');
    const info = pdfInfo(pdf);
    // 9 pages of text, one page a table (9) and a performance table (5): 23 here; allow a little for font metrics.
    expect(info.pages.length).toBeGreaterThanOrEqual(20);
    expect(info.pages.length).toBeLessThanOrEqual(27);
    const landscape = info.pages.filter((p) => p.width > p.height).length;
    // 表2, 表4 and the five performance tables.
    expect(landscape).toBe(2 + PROJECTS);
    for (const p of info.pages) expect([p.width, p.height].sort((a, b) => a - b).map(Math.round)).toEqual([595, 842]);
    expectOnlyBundledFonts(pdf);
    const outline = await readOutline(readFileSync(pdf));
    const titles = (items: OutlineItem[]): string[] => items.map((i) => squash(i.title));
    expect(titles(outline)).toEqual(['第一部分2025年演示县实验小学单位概况', '第二部分2025年单位预算情况说明', '第三部分名词解释', '附件2025年单位预算公开表']);
    expect(titles(outline[3]!.children)).toHaveLength(TITLES.length + PROJECTS);
  });

  it('writes the ten tables as sheets 表1 … 表9 and 表10-1 … 表10-5', async () => {
    const zip = unzip(readFileSync(join(out, 'data.xlsx')));
    const names = [...entryText(zip, 'xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual([...TITLES.map((_, i) => `表${i + 1}`), ...Array.from({ length: PROJECTS }, (_, i) => `表10-${i + 1}`)]);
  });

  it('writes a Word document with each table under its caption', () => {
    const items = body(entryText(unzip(readFileSync(join(out, 'data.docx'))), 'word/document.xml'));
    const headings = items.flatMap((i) => (i.kind === 'paragraph' && i.p.style === 'Heading2' && /^表/.test(i.p.text) ? [squash(i.p.text)] : []));
    expect(headings).toEqual([...TITLES.map((t, i) => `表${i + 1}${t}`), ...Array.from({ length: PROJECTS }, (_, i) => `表10-${i + 1}项目支出绩效目标表`)]);
    expect(items.filter((i) => i.kind === 'table').length).toBe(TITLES.length + 2 * PROJECTS);
  });

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  it.skipIf(Boolean(soffice.error) || soffice.status !== 0)('the workbook opens in LibreOffice: 表7 as CSV holds the 三公, 会议费 and 培训费 rows in 元', () => {
    const dir = tempDir('yusuan-ten-lo-');
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', join(dir, 'csv'), join(out, 'data.xlsx')], {
      timeout: 180_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sheets = readdirSync(join(dir, 'csv')).sort();
    expect(sheets).toHaveLength(TITLES.length + PROJECTS);
    const t7 = readFileSync(join(dir, 'csv', 'data-表7.csv'), 'utf8');
    expect(t7).toContain('编制单位：演示县实验小学,,,,,单位：元');
    expect(t7).toContain('二、会议费,"8,000.00","6,000.00","6,000.00",,');
    expect(t7).toContain('三、培训费,"52,000.00","64,000.00","64,000.00",,');
  }, 200_000);
});
