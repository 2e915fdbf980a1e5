// `yusuan audit` as a supervisor runs it: the compiled CLI in a child process. Exit 0 with notes only,
// 1 when any document has an error, 2 on usage; a summary table per batch and a progress line per file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_FILE } from '../helpers/reference.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'yusuan-audit-cli-'));
const changed = join(dir, 'changed.txt');

function yusuan(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'yusuan.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'audit.js'))) throw new Error('dist/ is missing: run `npx tsc -p .` (npm test does) before these tests');
  writeFileSync(changed, readFileSync(REFERENCE_FILE, 'utf8').replace('占80.62%', '占81.62%'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('yusuan audit', () => {
  it('the reference: notes only, exit 0, page and quote in each finding', () => {
    const r = yusuan('audit', REFERENCE_FILE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2024-info-center\.txt p\.8 {2}note {2}表 6.*\[AUDIT_ROUNDING\]\n {4}「301 工资福利支出 212\.45 212\.45」/);
    expect(r.stdout).toContain('0 个错误，0 个警告，2 个提示');
  });

  it('a batch: exit 1 when one document has an error, a progress line each and a summary table', () => {
    const r = yusuan('audit', REFERENCE_FILE, changed);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/changed\.txt p\.15 {2}error {2}.*\[AUDIT_SHARE\]/);
    expect(r.stderr.split('\n').filter((l) => /^\[\d\/2\]/.test(l))).toHaveLength(2);
    const table = r.stdout.slice(r.stdout.indexOf('文件 file'));
    expect(table.split('\n').filter((l) => /\.txt\s/.test(l))).toHaveLength(2);
  });

  it('--format json: one entry per document with its findings', () => {
    const r = yusuan('audit', '--format', 'json', changed);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.documents[0]).toMatchObject({ kind: 'text', pages: 21, tables: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] });
    expect(json.documents[0].findings.some((f: { code: string; page: number }) => f.code === 'AUDIT_SHARE' && f.page === 15)).toBe(true);
  });

  it('usage errors exit 2', () => {
    expect(yusuan('audit').code).toBe(2);
    expect(yusuan('audit', '--format', 'xml', REFERENCE_FILE).code).toBe(2);
  });
});
