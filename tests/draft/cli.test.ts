// `yusuan draft` from the command line: where it writes, and that it never overwrites by accident.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, yusuan } from './built-cli.js';
import { read, REFERENCE } from './helpers.js';

let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'yusuan-draft-cli-'));
  copyFileSync(REFERENCE, join(dir, '2024-info-center.yaml'));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('yusuan draft', () => {
  it('writes next year’s file beside the source, named for the year', () => {
    const run = yusuan(['draft', '2024-info-center.yaml', '--year', '2025'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('2025-info-center.yaml');
    const draft = readFileSync(join(dir, '2025-info-center.yaml'), 'utf8');
    expect(draft).toContain('  year: 2025\n  published: 【待填写：公开日期】\n');
    expect(draft).toContain('    basic: { general: !unconfirmed 44.734 }\n');
    expect(readdirTmp()).toEqual([]);
  });

  it('onto an existing file without --force: exit 1, a clear message, the file byte-identical', () => {
    const target = join(dir, 'existing.yaml');
    const bytes = Buffer.from('# 已有文件，不得覆盖\nunit: {}\n\u00e9\r\n', 'utf8');
    writeFileSync(target, bytes);
    const run = yusuan(['draft', '2024-info-center.yaml', '--year', '2025', '--out', 'existing.yaml'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('目标文件已存在');
    expect(run.stderr).toContain('--force');
    expect(readFileSync(target).equals(bytes)).toBe(true);
    expect(readdirTmp()).toEqual([]);
  });

  it.each([
    ['a file in GBK', () => writeFileSync(join(dir, 'gbk.yaml'), Buffer.from([0x75, 0x6e, 0x69, 0x74, 0x3a, 0x20, 0xd0, 0xc2, 0xbd, 0xae, 0x0a])), 'gbk.yaml', 'NOT_TEXT'],
    ['a folder', () => undefined, '.', 'READ_ERROR'],
    ['a missing file', () => undefined, 'missing.yaml', 'READ_ERROR'],
  ])('from %s: the loader\'s finding, exit 1, nothing written', (_, setup, source, code) => {
    setup();
    const before = readdirSync(dir).sort();
    const run = yusuan(['draft', source, '--year', '2025', '--out', 'never.yaml'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`[${code}]`);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(dir).filter((f) => !before.includes(f) && f !== 'gbk.yaml')).toEqual([]);
  });

  it('with --force replaces it', () => {
    const target = join(dir, 'forced.yaml');
    writeFileSync(target, 'old\n');
    const run = yusuan(['draft', '2024-info-center.yaml', '--year', '2025', '--out', 'forced.yaml', '--force'], dir);
    expect(run.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(join(dir, '2025-info-center.yaml'), 'utf8'));
  });

  it('--empty leaves the figures empty', () => {
    const run = yusuan(['draft', '2024-info-center.yaml', '--year', '2025', '--empty', '--out', 'empty.yaml'], dir);
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'empty.yaml'), 'utf8')).toContain('    basic: { general: !unconfirmed ~ }\n');
  });

  it.each([
    ['no --year', ['draft', '2024-info-center.yaml']],
    ['a year not after the source’s', ['draft', '2024-info-center.yaml', '--year', '2024']],
    ['a malformed year', ['draft', '2024-info-center.yaml', '--year', '25']],
    ['no file', ['draft', '--year', '2025']],
  ])('usage errors exit 2: %s', (_, args) => {
    const run = yusuan(args, dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('用法 Usage');
  });

  it('a source with errors: exit 1, findings shown, nothing written', () => {
    writeFileSync(join(dir, 'bad-2024.yaml'), read(REFERENCE).replace('    basic: { general: 23.79 }\n', '    basic: { general: x }\n'));
    const run = yusuan(['draft', 'bad-2024.yaml', '--year', '2025'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad-2024\.yaml:\d+:\d+ +error .*budget\[1\]\.basic\.general/);
    expect(existsSync(join(dir, 'bad-2025.yaml'))).toBe(false);
  });
});

describe('yusuan check of the draft', () => {
  it('shows each kind of draft warning once, with its keys; --verbose and JSON list every one', () => {
    expect(yusuan(['draft', '2024-info-center.yaml', '--year', '2025', '--out', 'grouped.yaml'], dir).status).toBe(0);
    const run = yusuan(['check', 'grouped.yaml'], dir);
    expect(run.status).toBe(0);
    const total = /0 个错误，(\d+) 个警告/.exec(run.stdout)![1];
    const unconfirmed = /^grouped\.yaml:\d+:\d+  warning  UNCONFIRMED ×(\d+)：(.*)$/m.exec(run.stdout)!;
    const placeholders = /^grouped\.yaml:\d+:\d+  warning  PLACEHOLDER ×(\d+)：(.*)$/m.exec(run.stdout)!;
    expect(Number(unconfirmed[1]) + Number(placeholders[1])).toBe(Number(total));
    expect(unconfirmed[2]).toContain('budget[0].basic.general:31, ');
    expect(unconfirmed[2].split(', ')).toHaveLength(Number(unconfirmed[1]));
    expect(placeholders[2]).toContain('unit.published:9');
    expect(run.stdout).toContain('--verbose');
    expect(run.stdout.match(/\[UNCONFIRMED\]$/gm)).toHaveLength(1);
    // The two rounding notes of table 6 are too few to group: each keeps its source line.
    expect(run.stdout.match(/  note  .*\[ROUNDING_NOTE\]\n  \d+ \| /g)).toHaveLength(2);

    const verbose = yusuan(['check', '--verbose', 'grouped.yaml'], dir);
    expect(verbose.stdout.match(/\[UNCONFIRMED\]$/gm)).toHaveLength(Number(unconfirmed[1]));
    expect(verbose.stdout.match(/\[PLACEHOLDER\]$/gm)).toHaveLength(Number(placeholders[1]));
    expect(verbose.stdout).not.toContain('×');
    const json = JSON.parse(yusuan(['check', '--format', 'json', 'grouped.yaml'], dir).stdout) as { code: string }[];
    expect(json.filter((f) => f.code === 'UNCONFIRMED')).toHaveLength(Number(unconfirmed[1]));
  });
});

/** Leftover temporary files of the atomic write. */
function readdirTmp(): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tmp'));
}
