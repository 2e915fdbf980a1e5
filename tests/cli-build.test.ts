// `yusuan build` as a user runs it: outputs on success; on bad input file:line:col with the key,
// a non-zero exit, and earlier outputs left byte-identical.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const reference = readFileSync(join(root, 'data/2024-info-center.yaml'), 'utf8');

function yusuan(args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/yusuan.js'), ...args], { encoding: 'utf8', cwd: root });
}

describe('yusuan build', () => {
  it('writes the requested formats of the reference', () => {
    const out = mkdtempSync(join(tmpdir(), 'yusuan-cli-'));
    const run = yusuan(['build', 'data/2024-info-center.yaml', '--out', out, '--format', 'md,html']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(join(out, '2024-info-center.md'), 'utf8')).toContain('第一部分 2024 年新疆维吾尔自治区工业和信息化厅信息中心单位概况');
    expect(readFileSync(join(out, '2024-info-center.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(existsSync(join(out, '2024-info-center.pdf'))).toBe(false);
  });

  it('refuses an unknown format with exit 2', () => {
    expect(yusuan(['build', 'data/2024-info-center.yaml', '--format', 'odt']).status).toBe(2);
  });

  const bad: [string, (s: string) => string, RegExp][] = [
    ['a YAML syntax error', (s) => s.replace('  year: 2024\n', '  year: [2024\n'), /data\.yaml:\d+:\d+ +error .*\[YAML_SYNTAX\]/],
    ['a missing figure', (s) => s.replace('    basic: { general: 23.79 }\n', '    basic: { general: }\n'), /data\.yaml:33:\d+ +error .*budget\[1\]\.basic\.general/],
    ['a non-number', (s) => s.replace('30103: 31.91 ', '30103: 31,91 '), /data\.yaml:49:10 +error .*basic_economic\.30103.*\[NOT_A_NUMBER\]/],
  ];
  it.each(bad)('on %s: file:line:col and key, exit 1, earlier outputs untouched', (_, mutate, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-bad-'));
    const out = join(dir, 'out');
    const file = join(dir, 'data.yaml');
    writeFileSync(file, reference);
    expect(yusuan(['build', file, '--out', out, '--format', 'md,html']).status).toBe(0);
    const before = ['md', 'html'].map((ext) => readFileSync(join(out, `data.${ext}`)));
    writeFileSync(file, mutate(reference));
    const run = yusuan(['build', file, '--out', out, '--format', 'md,html']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).toContain('未写出任何文件');
    expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(['md', 'html'].map((ext) => readFileSync(join(out, `data.${ext}`)))).toEqual(before);
  });
});
