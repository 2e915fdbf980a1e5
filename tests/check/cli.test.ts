// `yusuan check` and `yusuan build` as a finance officer runs them: the compiled CLI in a child
// process (`npm test` compiles first). Exit 0 clean or warnings only, 1 on errors, 2 on usage.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAD } from './bad-inputs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REFERENCE = join(ROOT, 'data', '2024-info-center.yaml');

function yusuan(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'yusuan.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'check.js'))) throw new Error('dist/ is missing: run `npx tsc -p .` (npm test does) before these tests');
});

describe('yusuan check', () => {
  it('passes the reference with only rounding notes, exit 0', () => {
    const r = yusuan('check', REFERENCE);
    expect(r.code).toBe(0);
    const codes = [...r.stdout.matchAll(/\s(error|warning|note)\s.*\[([A-Z_]+)\]$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['note ROUNDING_NOTE']));
    expect(r.stdout).toContain('0 个错误，0 个警告');
  });

  it('prints file:line:col  severity  message  [CODE], then the line with a marker', () => {
    const file = join(BAD, 'unknown-keys', 'data.yaml');
    const r = yusuan('check', file);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const i = lines.findIndex((l) => l.includes('[UNKNOWN_KEY]') && l.includes('reson'));
    expect(lines[i]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:140:1  error  未知的键 "reson"，是否应为 "reasons"？`));
    expect(lines[i + 1]).toBe('  140 | reson:');
    expect(lines[i + 2]).toBe('      | ^^^^^');
    expect(r.stdout).toMatch(/3 个错误，0 个警告，0 个提示/);
  });

  it('reports every problem of every file at once', () => {
    const r = yusuan('check', join(BAD, 'many-problems', 'data.yaml'), join(BAD, 'missing-reason', 'data.yaml'), REFERENCE);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/  error  /g)?.length).toBe(13);
    expect(r.stdout.split('\n').filter((l) => /: \d+ 个错误/.test(l))).toHaveLength(3);
  });

  it('shows the control characters of a file visibly: its source lines cannot drive the terminal', () => {
    const file = join(BAD, 'control-characters', 'data.yaml');
    for (const r of [yusuan('check', file), yusuan('diff', REFERENCE, file), yusuan('build', file, '--format', 'md', '--out', mkdtempSync(join(tmpdir(), 'yusuan-cc-')))]) {
      expect(r.code).toBe(1);
      const out = r.stdout + r.stderr;
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(out).toContain('\\x1b]0;pwned\\x07\\x1b[2J');
      expect(out).toMatch(/:7:28  error  unit\.name 含有控制字符 \\x1b \\x07/);
    }
    const json = yusuan('check', '--format', 'json', file);
    expect(json.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(JSON.parse(json.stdout).filter((f: { code: string }) => f.code === 'CONTROL_CHARACTER')).toHaveLength(4);
  });

  it('exits 0 on warnings, 1 on the same file under --strict', () => {
    const file = join(BAD, 'placeholder', 'data.yaml');
    expect(yusuan('check', file).code).toBe(0);
    const strict = yusuan('check', '--strict', file);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/error  .*【待填写：增减原因】.*\[PLACEHOLDER\]/);
  });

  it('prints JSON with --format json', () => {
    const r = yusuan('check', '--format', 'json', join(BAD, 'vehicle-mismatch', 'data.yaml'), REFERENCE);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(findings.map((f) => [f.code, f.severity, f.line, f.col, f.path])).toEqual([
      ['VEHICLE_MISMATCH', 'error', 87, 3, 'three_public.vehicle_operation'],
      ['ROUNDING_NOTE', 'note', 45, 1, 'basic_economic'],
      ['ROUNDING_NOTE', 'note', 46, 3, 'basic_economic.301'],
    ]);
    expect(Object.keys(findings[0]!).sort()).toEqual(['code', 'col', 'file', 'line', 'message', 'path', 'severity']);
  });

  it.each([
    ['no file', []],
    ['an unknown format', ['--format', 'xml', REFERENCE]],
    ['an unknown option', ['--strictly', REFERENCE]],
  ])('exits 2 on a usage error: %s', (_, args) => {
    const r = yusuan('check', ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('用法 Usage');
  });

  it('never prints a stack trace, whatever the input', () => {
    const garbage = join(mkdtempSync(join(tmpdir(), 'yusuan-cli-')), 'garbage.yaml');
    writeFileSync(garbage, Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a, 0x9c]));
    const r = yusuan('check', garbage, join(BAD, 'deep-nesting', 'data.yaml'), join(BAD, 'does-not-exist.yaml'), BAD);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(r.stdout).toContain('[NOT_TEXT]');
    expect(r.stdout).toContain('[LIMIT_EXCEEDED]');
    expect(r.stdout.match(/\[READ_ERROR\]/g)).toHaveLength(2);
  });
});

describe('yusuan build on bad data', () => {
  it('refuses to write, says so, and leaves existing outputs alone', () => {
    const out = mkdtempSync(join(tmpdir(), 'yusuan-cli-out-'));
    writeFileSync(join(out, 'data.md'), 'previous\n');
    const r = yusuan('build', join(BAD, 'economic-mismatch', 'data.yaml'), '--out', out, '--format', 'md,html');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[ECONOMIC_MISMATCH]');
    expect(r.stderr).toContain('未写出任何文件');
    expect(readdirSync(out)).toEqual(['data.md']);
    expect(readFileSync(join(out, 'data.md'), 'utf8')).toBe('previous\n');
  });

  it('refuses a draft with placeholders under --strict', () => {
    const out = mkdtempSync(join(tmpdir(), 'yusuan-cli-out-'));
    const r = yusuan('build', '--strict', join(BAD, 'placeholder', 'data.yaml'), '--out', out, '--format', 'md');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[PLACEHOLDER]');
    expect(readdirSync(out)).toEqual([]);
  });
});
