// `yusuan build` when the outputs cannot be written as asked: every format of a unit is replaced
// together or not at all (earlier outputs byte-identical), a failed write is a bilingual finding
// naming the user's path (never a hidden temporary file), two inputs that would write the same
// outputs are refused before anything is built, and temporary files a killed run left are removed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const reference = readFileSync(join(root, 'data/2024-info-center.yaml'), 'utf8');
const changed = `${reference.trimEnd()}\nother_matters: 本单位本年度另有说明事项。\n`;

function yusuan(args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/yusuan.js'), ...args], { encoding: 'utf8', cwd: root });
}

function expectCleanFailure(run: ReturnType<typeof yusuan>, status: number) {
  expect(run.status).toBe(status);
  expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
  expect(run.stderr).not.toMatch(/\.tmp\b|\.old\b/); // never the hidden temporary name
}

/** A folder with data.yaml built once (md, html, txt); returns what the outputs held. */
function builtOnce(formats = 'md,html,txt') {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-outputs-'));
  const file = join(dir, 'data.yaml');
  const out = join(dir, 'out');
  writeFileSync(file, reference);
  expect(yusuan(['build', file, '--out', out, '--format', formats]).status).toBe(0);
  const before = new Map(formats.split(',').map((ext) => [ext, readFileSync(join(out, `data.${ext}`))]));
  writeFileSync(file, changed);
  return { dir, file, out, before };
}

const hidden = (out: string) => readdirSync(out).filter((name) => name.startsWith('.'));

describe('all formats of a unit or none', () => {
  it.each(['html', 'txt'])('a folder where data.%s goes: exit 1, a WRITE_FAILED naming it, every earlier output byte-identical', (blocked) => {
    const { dir, file, out, before } = builtOnce();
    rmSync(join(out, `data.${blocked}`));
    mkdirSync(join(out, `data.${blocked}`));
    const run = yusuan(['build', file, '--out', out, '--format', 'md,html,txt']);
    expectCleanFailure(run, 1);
    expect(run.stderr).toContain(`无法写出 ${join(out, `data.${blocked}`)}：该路径是一个文件夹。`);
    expect(run.stderr).toContain(`Cannot write ${join(out, `data.${blocked}`)}: it is a folder.`);
    expect(run.stderr).toContain('[WRITE_FAILED]');
    expect(run.stderr).toContain('未写出任何文件');
    expect(run.stderr).not.toContain('数据有错误');
    for (const [ext, content] of before) if (ext !== blocked) expect(readFileSync(join(out, `data.${ext}`)).equals(content)).toBe(true);
    expect(hidden(out)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('an output that did not exist before does not exist after a failed build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-outputs-'));
    const file = join(dir, 'data.yaml');
    writeFileSync(file, reference);
    const out = join(dir, 'out');
    mkdirSync(join(out, 'data.html'), { recursive: true });
    const run = yusuan(['build', file, '--out', out, '--format', 'md,html']);
    expectCleanFailure(run, 1);
    expect(readdirSync(out)).toEqual(['data.html']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the same build with nothing in the way replaces every format', () => {
    const { dir, file, out, before } = builtOnce();
    expect(yusuan(['build', file, '--out', out, '--format', 'md,html,txt']).status).toBe(0);
    for (const [ext, content] of before) expect(readFileSync(join(out, `data.${ext}`)).equals(content)).toBe(false);
    expect(readFileSync(join(out, 'data.txt'), 'utf8')).toContain('本单位本年度另有说明事项。');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('an output folder that cannot be made', () => {
  it.each([
    ['a file in its place', (dir: string) => join(dir, 'taken'), /无法创建输出文件夹 .*taken：已存在同名文件。 Cannot create the output folder .*taken: a file of that name exists\./],
    ['a file on its path', (dir: string) => join(dir, 'taken', 'sub'), /无法创建输出文件夹 .*sub：路径中有一项不是文件夹。 Cannot create the output folder .*sub: part of its path is not a folder\./],
  ])('%s: a bilingual WRITE_FAILED naming the folder, exit 1', (_, outOf, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-outputs-'));
    const file = join(dir, 'data.yaml');
    writeFileSync(file, reference);
    writeFileSync(join(dir, 'taken'), 'not a folder');
    const run = yusuan(['build', file, '--out', outOf(dir), '--format', 'md']);
    expectCleanFailure(run, 1);
    expect(run.stderr).toMatch(expected);
    expect(readFileSync(join(dir, 'taken'), 'utf8')).toBe('not a folder');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('two inputs writing the same outputs', () => {
  it.each([
    ['a/data.yaml and b/data.yaml', ['a/data.yaml', 'b/data.yaml']],
    ['data.yaml and data.yml', ['a/data.yaml', 'a/data.yml']],
    ['one file given twice', ['a/data.yaml', 'a/data.yaml']],
  ])('%s: refused with both names before anything is built, exit 2', (_, inputs) => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-clash-'));
    for (const input of inputs) {
      mkdirSync(join(dir, input, '..'), { recursive: true });
      writeFileSync(join(dir, input), reference);
    }
    const out = join(dir, 'out');
    const run = yusuan(['build', ...inputs.map((i) => join(dir, i)), '--out', out, '--format', 'md']);
    expectCleanFailure(run, 2);
    for (const input of inputs) expect(run.stderr).toContain(join(dir, input));
    expect(run.stderr).toMatch(inputs[0] === inputs[1] ? /给出了两次。 .* is given twice\./ : /都会写出 .*data\.\*，后者会覆盖前者.*would both write .*data\.\*/);
    expect(existsSync(out)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('different names into one folder are fine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-clash-'));
    writeFileSync(join(dir, 'a.yaml'), reference);
    writeFileSync(join(dir, 'b.yaml'), reference);
    const run = yusuan(['build', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--out', join(dir, 'out'), '--format', 'md']);
    expect(run.status).toBe(0);
    // A run of more than one unit also writes its list page.
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.md', 'b.md', 'index.html']);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('temporary files a killed run left behind', () => {
  it('are removed by the next build in that folder when their process is gone, and only then', () => {
    const { dir, file, out } = builtOnce('md');
    // A process that has exited: its pid is free (and not reused within this test).
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    const stale = [`.data.md.${deadPid}.1700000000000.tmp`, `.data.html.${deadPid}.1700000000001.old`];
    const live = `.data.md.${process.pid}.1700000000002.tmp`; // this test's own process still runs
    const foreign = ['.data.md.tmp', `.notes.${deadPid}.txt`]; // not yusuan's pattern
    for (const name of [...stale, live, ...foreign]) writeFileSync(join(out, name), 'partial');
    expect(yusuan(['build', file, '--out', out, '--format', 'md']).status).toBe(0);
    expect(hidden(out).sort()).toEqual([live, ...foreign].sort());
    rmSync(dir, { recursive: true, force: true });
  });

  it('a build killed with SIGKILL while writing leaves none that the next build keeps', () => {
    const { dir, file, out } = builtOnce('md');
    // Stand-in for a build killed between writing its temporary file and renaming it: a process
    // writes one under yusuan's naming, then dies by SIGKILL, so nothing of its own removes it.
    const script = `require('node:fs').writeFileSync(${JSON.stringify(join(out, '.data.md.'))} + process.pid + '.' + Date.now() + '.tmp', 'half'); process.kill(process.pid, 'SIGKILL');`;
    expect(spawnSync(process.execPath, ['-e', script]).signal).toBe('SIGKILL');
    expect(hidden(out)).toHaveLength(1);
    expect(yusuan(['build', file, '--out', out, '--format', 'md']).status).toBe(0);
    expect(hidden(out)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('print budgets on the command line', () => {
  it.each([['--max-pages', '0'], ['--max-pages', 'ten'], ['--timeout', '=-5'], ['--timeout', '1.5']])('%s %s is a usage error, exit 2', (option, value) => {
    const args = value.startsWith('=') ? [`${option}${value}`] : [option, value];
    const run = yusuan(['build', 'data/2024-info-center.yaml', '--format', 'md', ...args, '--out', mkdtempSync(join(tmpdir(), 'yusuan-budget-'))]);
    expectCleanFailure(run, 2);
    expect(run.stderr).toContain(`${option} 应为正整数：${value.replace(/^=/, '')}`);
  });
});
