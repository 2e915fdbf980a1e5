// Hostile inputs through every command that reads a data file (check, build, draft, diff), as the
// compiled CLI runs them: a positioned finding, exit 1, no stack trace, earlier outputs untouched.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readError } from '../../src/load/read.js';
import { BAD } from './bad-inputs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REFERENCE = join(ROOT, 'data', '2024-info-center.yaml');
const work = mkdtempSync(join(tmpdir(), 'yusuan-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function yusuan(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'yusuan.js'), ...args], { cwd: work, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}
const STACK = /\n\s+at .+:\d+:\d+\)?\n/;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'check.js'))) throw new Error('dist/ is missing: run `npx tsc -p .` (npm test does) before these tests');
});

/** A copy of a corpus case under a year-bearing name, so that `draft` can name its output. */
function copy(name: string): string {
  const file = join(work, `2025-${name}.yaml`);
  cpSync(join(BAD, name, 'data.yaml'), file);
  return file;
}

describe.each([
  ['prototype-keys', /:4:3  error  未知的键 "constructor".*\[UNKNOWN_KEY\]/],
  ['aliases', /:13:7  error  overview\.functions\[2\] 不支持 YAML 别名.*\[ALIAS_UNSUPPORTED\]/],
  ['tagged-figures', /:97:24  error  assets\.building_area 应为金额数字.*\[NOT_A_NUMBER\]/],
  ['numbers-too-large', /:16:17  error  overview\.staffing\.authorized 数值过大.*\[LIMIT_EXCEEDED\]/],
  ['deep-block-list', /:167:129  error  嵌套超过 64 层.*\[LIMIT_EXCEEDED\]/],
])('%s', (name, finding) => {
  it('check: the finding with its position, exit 1, no stack trace', () => {
    const r = yusuan('check', copy(name));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(finding);
    expect(r.out).not.toMatch(STACK);
  });

  it('build: the same finding, nothing written, earlier outputs untouched', () => {
    const file = copy(name);
    const out = mkdtempSync(join(work, 'out-'));
    writeFileSync(join(out, `2025-${name}.md`), 'previous\n');
    const r = yusuan('build', file, '--out', out, '--format', 'md,html');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(finding);
    expect(r.out).not.toMatch(STACK);
    expect(readdirSync(out)).toEqual([`2025-${name}.md`]);
    expect(readFileSync(join(out, `2025-${name}.md`), 'utf8')).toBe('previous\n');
  });

  it('draft: the same finding, no draft written', () => {
    const file = copy(name);
    const r = yusuan('draft', file, '--year', '2026');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(finding);
    expect(r.out).not.toMatch(STACK);
    expect(existsSync(join(work, `2026-${name}.yaml`))).toBe(false);
  });

  it('diff: the same finding, exit 1', () => {
    const r = yusuan('diff', REFERENCE, copy(name));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(finding);
    expect(r.out).not.toMatch(STACK);
  });
});

describe('files that are not regular files', () => {
  it('a FIFO, /dev/zero and /dev/urandom are refused at once by every command', () => {
    const fifo = join(work, 'pipe.yaml');
    spawnSync('mkfifo', [fifo]);
    symlinkSync('/dev/zero', join(work, 'zero.yaml'));
    symlinkSync('/dev/urandom', join(work, 'random.yaml'));
    for (const file of [fifo, join(work, 'zero.yaml'), join(work, 'random.yaml')]) {
      for (const args of [['check', file], ['build', file, '--out', join(work, 'out-dev'), '--format', 'md'], ['draft', file, '--year', '2026'], ['diff', REFERENCE, file]]) {
        const r = yusuan(...args);
        expect(r.code, `${args.join(' ')}`).toBe(1);
        expect(r.out).toContain('不是普通文件');
        expect(r.out).toContain(file);
        expect(r.out).not.toMatch(STACK);
      }
    }
  });
});

describe('read errors', () => {
  it.each([
    ['EACCES', '没有读取该文件的权限', 'Permission denied'],
    ['ENOENT', '找不到数据文件', 'No such file'],
    ['ENOTDIR', '路径中有一级不是目录', 'not a directory'],
    ['EISDIR', '这是一个目录', 'directory'],
    ['EWHATEVER', '无法读取数据文件', 'EWHATEVER'],
  ])('%s is worded in Chinese and English, naming the path given', (code, zh, en) => {
    const [finding] = readError('data/年度.yaml', Object.assign(new Error(`${code}: raw node message, open '/tmp/.hidden'`), { code })).findings;
    expect(finding).toMatchObject({ code: 'READ_ERROR', severity: 'error' });
    expect(finding!.message).toContain(zh);
    expect(finding!.message).toContain(en);
    expect(finding!.message).toContain('data/年度.yaml');
    expect(finding!.message).not.toContain('raw node message');
  });
});

describe('templates', () => {
  it('a template saved as GBK is refused by name, not shown as U+FFFD', () => {
    const templates = join(work, 'templates-gbk');
    cpSync(join(ROOT, 'templates'), templates, { recursive: true });
    const partial = join(templates, 'partials', 'part1.md.hbs');
    writeFileSync(partial, Buffer.concat([readFileSync(partial), Buffer.from([0xc4, 0xb3, 0xb5, 0xa5])]));
    const out = join(work, 'out-gbk');
    const r = yusuan('build', REFERENCE, '--templates', templates, '--out', out, '--format', 'md');
    expect(r.code).toBe(1);
    expect(r.out).toContain('模板文件不是 UTF-8 文本');
    expect(r.out).toContain(partial);
    expect(r.out).not.toMatch(STACK);
    expect(existsSync(out)).toBe(false);
  });
});
