// `yusuan init` on a terminal asks for what the flags leave out, and asks again after a wrong answer.
// Driven through a pseudo-terminal by tests/cli/pty-drive.py (skipped where python3 is missing).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ensureBuilt } from '../draft/built-cli.js';
import { ROOT } from '../draft/helpers.js';

const python = spawnSync('python3', ['-c', 'import pty']).status === 0;
const DRIVER = fileURLToPath(new URL('./pty-drive.py', import.meta.url));
let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'yusuan-init-tty-'));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!python)('yusuan init on a terminal', () => {
  it('asks for name, kind, year (default this year) and codes', () => {
    const answers = [
      ['单位名称', '某县人民医院'],
      ['单位类型', '企业'],
      ['单位类型', '行政单位'],
      [`预算年度 Budget year [${new Date().getFullYear()}]`, ''],
      ['功能分类', '2080502，2101102'],
    ];
    const run = spawnSync('python3', [DRIVER, JSON.stringify({ cwd: dir, argv: [process.execPath, join(ROOT, 'bin/yusuan.js'), 'init', '--out', 'tty.yaml'], answers })], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('0');
    expect(run.stdout).toContain('实为“企业”');
    const doc = parseDocument(readFileSync(join(dir, 'tty.yaml'), 'utf8'));
    expect(doc.toJS().unit).toMatchObject({ name: '某县人民医院', kind: 'administrative', year: new Date().getFullYear() });
    expect((doc.toJS().budget as { code: number }[]).map((l) => l.code)).toEqual([2080502, 2101102]);
  });
});
