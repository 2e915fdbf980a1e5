// Every command that takes --profile refuses one that does not exist as build does: exit 1, the bundled
// names in Chinese and English, no stack trace, and nothing written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'yusuan-profile-option-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const data = join(root, 'data/2024-info-center.yaml');
const text = join(root, 'tests/fixtures/golden/ten-tables-school/expected.txt');

it.each([
  ['check', [data]],
  ['diff', [data, data]],
  ['audit', [text]],
  ['import', [text, '--out', join(dir, 'imported.yaml')]],
  ['preview', [data, '--port', '0']],
])('%s --profile with no such profile: exit 1, named, nothing written', (command, args) => {
  const run = spawnSync(process.execPath, [join(root, 'bin/yusuan.js'), command, ...args, '--profile', 'nosuch'], { encoding: 'utf8', cwd: dir, timeout: 30_000 });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/找不到配置 nosuch.*No profile nosuch: the bundled ones are default, ten-tables, yuan/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(join(dir, 'imported.yaml'))).toBe(false);
  expect(readdirSync(dir)).toEqual([]);
});
