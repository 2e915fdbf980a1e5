// The README's new-unit walkthrough, run as printed: each numbered step's command, in a copy of the
// project (its own data/ and out/), the fill-in step done here as the file's comments say. A change
// to the README's commands that no longer works fails this test; so does a README without them.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isScalar, parseDocument, visit } from 'yaml';
import { ensureBuilt } from '../draft/built-cli.js';
import { ROOT } from '../draft/helpers.js';

/** The commands of the numbered steps of a README section, in order. */
function steps(readme: string, heading: string): string[] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section “${heading}”`);
  const section = readme.slice(start + 1, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(/^\d+\. `(npx yusuan [^`]+)`/gm)].map((m) => m[1]!);
}

const en = steps(readFileSync(join(ROOT, 'README.md'), 'utf8'), 'A new unit, step by step');
const zh = steps(readFileSync(join(ROOT, 'README.zh-CN.md'), 'utf8'), '新单位：一步一步');
let dir: string;

beforeAll(() => {
  ensureBuilt();
  // A copy of the project: its files linked, data/ and out/ its own, so nothing lands in the checkout.
  dir = mkdtempSync(join(tmpdir(), 'yusuan-walkthrough-'));
  for (const name of readdirSync(ROOT)) if (!['data', 'out', '.git'].includes(name)) symlinkSync(join(ROOT, name), join(dir, name));
  mkdirSync(join(dir, 'data'));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A printed command line as the shell would split it (the walkthrough's have no quotes). */
const argv = (line: string) => line.split(/\s+/);

/**
 * The process a printed line starts. In the project folder `npx yusuan` runs the package's own bin
 * (package.json `bin.yusuan`); the test starts that bin directly, as npx would, because npx's
 * shared cache (~/.npm/_npx) is not safe for parallel runs and adds a process between the test and
 * the signal it sends.
 */
function command(line: string): [string, string[]] {
  const [npx, name, ...args] = argv(line);
  expect([npx, name]).toEqual(['npx', 'yusuan']);
  const bin = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin[name!]!;
  return [process.execPath, [join(dir, bin), ...args]];
}

function run(line: string) {
  const [cmd, args] = command(line);
  return spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', timeout: 240_000 });
}

/** Fills every 【待填写：…】 of an init file, as its comments ask (cf. tests/cli/init.test.ts). */
function fillIn(file: string): void {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const set = (path: (string | number)[], value: unknown) => doc.setIn(path, doc.createNode(value));
  set(['unit', 'published'], '2025-03-01');
  set(['overview', 'functions', 0], '承担本县的基本医疗服务。');
  set(['overview', 'departments', 0], '办公室');
  set(['overview', 'staffing'], { authorized: 10, serving: { count: 8, change: 0 }, retired: { count: 2, change: 0 }, honorary_retired: { count: 0, change: 0 } });
  for (const list of [['budget'], ['prior', 'budget']]) {
    set([...list, 0, 'project', 'general'], 5);
    doc.deleteIn([...list, 0, 'basic']);
    set([...list, 1, 'basic', 'general'], 10);
    doc.deleteIn([...list, 1, 'project']);
  }
  set(['basic_economic'], { 30101: 4, 30102: 1, 30108: 1, 30110: 1, 30113: 1, 30201: 2 });
  set(['projects', 0, 'name'], '医疗设备运行维护经费');
  set(['projects', 0, 'code'], 2100201);
  set(['projects', 0, 'economic', 302], 5);
  for (const key of ['policy_basis', 'allocation']) set(['projects', 0, key], '依据县政府有关规定。');
  set(['projects', 0, 'performance', 'manager'], '张三');
  set(['projects', 0, 'performance', 'goal'], '保障医疗设备正常运行。');
  for (const key of ['name', 'target', 'basis', 'last_year', 'weight', 'scoring', 'evidence'])
    set(['projects', 0, 'performance', 'indicators', 0, key], key === 'weight' ? '100' : '设备运行');
  for (const key of ['goods', 'works', 'services', 'sme_reserved', 'small_micro_reserved']) set(['procurement', key], 0);
  visit(doc.get('assets', true) as never, { Pair: (_, pair) => void (isScalar(pair.value) && (pair.value.value = 0)) });
  set(['purposes', 210], '公立医院和事业单位医疗支出');
  set(['prior', 'operating_expense'], 2);
  const left: string[] = [];
  visit(doc, { Scalar: (_, node) => void (isScalar(node) && String(node.value).includes('【待填写') && left.push(String(node.value))) });
  expect(left).toEqual([]);
  writeFileSync(file, String(doc));
}

describe('the README’s new-unit walkthrough', () => {
  it('is the same list of commands in both READMEs: init, check, check --strict, build, preview', () => {
    expect(zh).toEqual(en);
    expect(en.map((l) => argv(l)[2])).toEqual(['init', 'check', 'check', 'build', 'preview']);
  });

  it('runs as printed: init, check with placeholders, fill in, check --strict, build, preview', async () => {
    const [init, check, strict, build, preview] = en as [string, string, string, string, string];
    const file = join(dir, argv(init)[argv(init).indexOf('--out') + 1]!);

    const made = run(init);
    expect(made.status, made.stderr).toBe(0);
    const first = run(check);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/warning  PLACEHOLDER ×\d+/);
    expect(run(strict).status).toBe(1);

    fillIn(file);
    const passed = run(strict);
    expect(passed.stdout).toMatch(/0 个错误，0 个警告/);
    expect(passed.status).toBe(0);

    const built = run(build);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['hospital.html', 'hospital.md', 'hospital.pdf']);
    expect(readFileSync(join(dir, 'out', 'hospital.md'), 'utf8')).toContain('某县人民医院');

    // preview: started, its page fetched at the address it prints, stopped with SIGINT.
    const [cmd, args] = command(preview);
    const child = spawn(cmd, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) (clearTimeout(timer), resolve(m[0]));
      });
      child.once('exit', () => reject(new Error(`preview exited: ${out}`)));
    });
    const page = await (await fetch(url)).text();
    expect(page).toContain('某县人民医院');
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
  }, 300_000);
});
