// `yusuan init` as a script runs it (no terminal): the new file loads, `check` passes with only the
// placeholders to fill in, `check --strict` refuses it, and once filled in it checks and builds.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isScalar, parseDocument, visit } from 'yaml';
import { ensureBuilt, yusuan } from '../draft/built-cli.js';

let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'yusuan-init-'));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonFinding { code: string; severity: string; path: string; line: number | null }

function findings(file: string, strict = false): { status: number | null; findings: JsonFinding[] } {
  const run = yusuan(['check', file, '--format', 'json', ...(strict ? ['--strict'] : [])], dir);
  return { status: run.status, findings: JSON.parse(run.stdout) as JsonFinding[] };
}

const HOSPITAL = ['init', '--name', '某县人民医院', '--kind', '事业单位', '--year', '2025', '--codes', '2080502,2101102,2150599'];

// Until check/budget-lines and check/purposes learn that a figure still to be typed is not a zero,
// a new file's budget lines read as empty and its purposes as unused: warnings that go once the
// figures are filled in (asserted by the filled-in test below).
describe('yusuan init', () => {
  it('writes every section, names from the catalog, and prints the file name', () => {
    const run = yusuan(HOSPITAL, dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('2025-某县人民医院.yaml\n');
    expect(run.stderr).toMatch(/已生成 2025-某县人民医院\.yaml：共 \d+ 处【待填写：…】/);
    const text = readFileSync(join(dir, '2025-某县人民医院.yaml'), 'utf8');
    for (const section of ['unit', 'overview', 'budget', 'basic_economic', 'projects', 'three_public', 'procurement', 'assets', 'purposes', 'prior', 'reasons'])
      expect(text).toMatch(new RegExp(`^${section}:`, 'm'));
    expect(text).toContain('  name: 某县人民医院\n  year: 2025 ');
    expect(text).toMatch(/^ {2}kind: institution /m);
    expect(text).toContain('  - code: 2101102              # 事业单位医疗\n');
    expect(text).toContain('  210: 【待填写：卫生健康支出主要用于】\n');
    expect(text).toContain('# 上年（2024 年）预算数');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\S*schema\/yusuan\.schema\.json$/m);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('passes check with warnings only, all of them the figures still to fill in', () => {
    const { status, findings: all } = findings('2025-某县人民医院.yaml');
    expect(status).toBe(0);
    expect(all.filter((f) => f.severity === 'error')).toEqual([]);
    const placeholders = all.filter((f) => f.code === 'PLACEHOLDER');
    expect(placeholders.length).toBeGreaterThan(50);
    expect(all.filter((f) => f.code !== 'PLACEHOLDER')).toEqual([]);
  });

  it('fails check --strict until every placeholder is filled', () => {
    const { status, findings: all } = findings('2025-某县人民医院.yaml', true);
    expect(status).toBe(1);
    const errors = all.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(50);
    expect(new Set(errors.map((f) => f.code))).toEqual(new Set(['PLACEHOLDER']));
  });

  it('filled in as the comments say, passes check --strict and builds', () => {
    const out = join(dir, 'filled');
    expect(yusuan(['init', '--name', '某县信息中心', '--kind', 'administrative', '--year', '2025', '--codes', '2080502,2150599', '--out', 'filled/2025-x.yaml'], dir).status).toBe(0);
    const doc = parseDocument(readFileSync(join(out, '2025-x.yaml'), 'utf8'));
    const set = (path: (string | number)[], value: unknown) => doc.setIn(path, doc.createNode(value));
    set(['unit', 'published'], '2025-03-01');
    set(['overview', 'functions', 0], '负责本县电子政务系统的运行维护。');
    set(['overview', 'departments', 0], '办公室');
    set(['overview', 'staffing'], { authorized: 10, serving: { count: 8, change: 0 }, retired: { count: 2, change: 0 }, honorary_retired: { count: 0, change: 0 } });
    for (const list of [['budget'], ['prior', 'budget']]) {
      set([...list, 0, 'basic', 'general'], 10);
      doc.deleteIn([...list, 0, 'project']);
      doc.deleteIn([...list, 1, 'basic']);
      set([...list, 1, 'project', 'general'], 5);
    }
    set(['basic_economic'], { 30101: 4, 30102: 1, 30108: 1, 30110: 1, 30113: 1, 30201: 2 });
    set(['projects', 0, 'name'], '电子政务运行维护经费');
    set(['projects', 0, 'code'], 2150599);
    set(['projects', 0, 'economic', 302], 5);
    for (const key of ['policy_basis', 'allocation']) set(['projects', 0, key], '依据县政府有关规定。');
    set(['projects', 0, 'performance', 'manager'], '张三');
    set(['projects', 0, 'performance', 'goal'], '保障系统稳定运行。');
    for (const key of ['name', 'target', 'basis', 'last_year', 'weight', 'scoring', 'evidence'])
      set(['projects', 0, 'performance', 'indicators', 0, key], key === 'weight' ? '100' : '系统运行');
    for (const key of ['goods', 'works', 'services', 'sme_reserved', 'small_micro_reserved']) set(['procurement', key], 0);
    visit(doc.get('assets', true) as never, { Pair: (_, pair) => void (isScalar(pair.value) && (pair.value.value = 0)) });
    set(['purposes', 208], '机关事业单位离退休支出');
    set(['purposes', 215], '电子政务运行维护');
    set(['prior', 'operating_expense'], 2);
    const filled = String(doc);
    // Every placeholder was met above: a new one in the template must be filled here too.
    const left: string[] = [];
    visit(doc, { Scalar: (_, node) => void (isScalar(node) && String(node.value).includes('【待填写') && left.push(String(node.value))) });
    expect(left).toEqual([]);
    writeFileSync(join(out, '2025-x.yaml'), filled);

    const { status, findings: all } = findings('filled/2025-x.yaml', true);
    expect(all.filter((f) => f.severity !== 'note')).toEqual([]);
    expect(status).toBe(0);
    const build = yusuan(['build', 'filled/2025-x.yaml', '--out', 'filled/out', '--format', 'md,html'], dir);
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    expect(readFileSync(join(out, 'out/2025-x.md'), 'utf8')).toContain('某县信息中心');
  });

  it('accepts 行政单位, full-width digits and commas, and a name YAML must quote', () => {
    const run = yusuan(['init', '--name', '某局: 机关 #1', '--kind', '行政单位', '--year', '２０２５', '--codes', '２０８０５０２，2150599、2080502', '--out', 'quoted.yaml'], dir);
    expect(run.status).toBe(0);
    const doc = parseDocument(readFileSync(join(dir, 'quoted.yaml'), 'utf8'));
    expect(doc.errors).toEqual([]);
    expect(doc.getIn(['unit', 'name'])).toBe('某局: 机关 #1');
    expect(doc.getIn(['unit', 'kind'])).toBe('administrative');
    expect(doc.getIn(['unit', 'year'])).toBe(2025);
    expect((doc.toJS().budget as { code: number }[]).map((l) => l.code)).toEqual([2080502, 2150599]);
    expect(findings('quoted.yaml').status).toBe(0);
  });

  it('leaves a name to fill in for a code the catalog lacks', () => {
    const run = yusuan(['init', '--name', '某县人民医院', '--kind', 'institution', '--year', '2025', '--codes', '2029901', '--out', 'unknown.yaml'], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('内置目录中没有 2029901');
    expect(readFileSync(join(dir, 'unknown.yaml'), 'utf8')).toContain('  - code: 2029901              # 内置目录中没有此编码：请在下一行填写项名称\n    name: 【待填写：项名称】\n');
    const { status, findings: all } = findings('unknown.yaml');
    expect(status).toBe(0);
    expect(all.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('never overwrites without --force: exit 1, the file byte-identical', () => {
    const file = join(dir, 'existing.yaml');
    writeFileSync(file, 'mine\n');
    const run = yusuan([...HOSPITAL, '--out', 'existing.yaml'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('existing.yaml 已存在，未覆盖；要覆盖请加 --force');
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect(yusuan([...HOSPITAL, '--out', 'existing.yaml', '--force'], dir).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^# yaml-language-server/);
  });

  const usage: [string, string[], RegExp][] = [
    ['missing flags without a terminal', ['init', '--kind', '事业单位', '--year', '2025'], /^缺少 --name、--codes（不在终端上运行时须在命令行给出）。 Missing --name, --codes/],
    ['an unknown kind', [...HOSPITAL.slice(0, 3), '--kind', '企业', '--year', '2025', '--codes', '2080502'], /^--kind：单位类型应为 事业单位（institution）或 行政单位（administrative），实为“企业”/],
    ['a short code', [...HOSPITAL.slice(0, 8), '208050'], /^--codes：功能分类 项 编码应为 7 位数字：208050/],
    ['a code of no class', [...HOSPITAL.slice(0, 8), '9990101'], /^--codes：编码的类不存在：9990101/],
    ['a bad year', ['init', '--name', 'x', '--kind', '行政', '--year', '25', '--codes', '2080502'], /^--year：预算年度应为四位年份/],
    ['a file argument', [...HOSPITAL, 'x.yaml'], /^init 不接受文件参数：x\.yaml；用 --out FILE/],
  ];
  it.each(usage)('%s is a usage error: exit 2, nothing written', (_, args, message) => {
    const before = readdirSync(dir).sort();
    const run = yusuan(args, dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('用法 Usage: yusuan init ');
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
  });
});
