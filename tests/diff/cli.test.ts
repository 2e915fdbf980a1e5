// `yusuan diff` from the command line: plain text when piped, HTML on request, --only, --templates, exit codes.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffFiles } from '../../src/diff/index.js';
import { formatDiffText } from '../../src/diff/format-text.js';
import { ensureBuilt, yusuan } from '../draft/built-cli.js';
import { read, REFERENCE } from '../draft/helpers.js';

const OLD = 'data/2024-info-center.yaml';
const NEW = 'tests/fixtures/draft-2025-completed.yaml';
let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'yusuan-diff-cli-'));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('yusuan diff', () => {
  it('prints the text diff, without colour when standard output is not a terminal', () => {
    const run = yusuan(['diff', OLD, NEW]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stdout).toBe(formatDiffText(diffFiles(OLD, NEW).diff!, { oldName: OLD, newName: NEW }));
  });

  it('--format html prints one self-contained page', () => {
    const run = yusuan(['diff', OLD, NEW, '--format', 'html']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
  });

  it('--only reasons prints the reasons view alone', () => {
    const run = yusuan(['diff', OLD, NEW, '--only', 'reasons']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(formatDiffText(diffFiles(OLD, NEW).diff!, { oldName: OLD, newName: NEW, only: 'reasons' }));
    expect(run.stdout).toContain('原因 Reasons');
    expect(run.stdout).not.toContain('摘要');
  });

  it('--templates renders both documents with the given templates', () => {
    const templates = join(dir, 'templates');
    cpSync('templates', templates, { recursive: true });
    const part3 = join(templates, 'partials', 'part3.md.hbs');
    const wording = readFileSync(part3, 'utf8');
    expect(wording).toContain('收支总预算 {{amount part3.total}} {{currency}}。');
    writeFileSync(part3, wording.replace('收支总预算 {{amount part3.total}} {{currency}}。', '本单位收支预算总额 {{amount part3.total}} {{currency}}。'));
    const run = yusuan(['diff', OLD, NEW, '--templates', templates]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  - 本单位收支预算总额 [-335.37-] 万元。\n  + 本单位收支预算总额 {+339.02+} 万元。\n');
    expect(run.stdout).not.toContain('- 收支总预算 [-335.37-]');
    expect(yusuan(['diff', OLD, NEW, '--templates', join(dir, 'none')]).status).not.toBe(0);
  });

  it('exit 2 on usage errors, 1 when a file has errors', () => {
    expect(yusuan(['diff', OLD]).status).toBe(2);
    expect(yusuan(['diff', OLD, NEW, '--format', 'pdf']).status).toBe(2);
    const only = yusuan(['diff', OLD, NEW, '--only', 'why']);
    expect([only.status, only.stderr]).toEqual([2, expect.stringContaining('--only 的取值应为 summary、figures、sentences、reasons')]);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, read(REFERENCE).replace('  year: 2024\n', '  year: x\n'));
    const run = yusuan(['diff', OLD, bad]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad\.yaml:\d+:\d+ +error .*unit\.year/);
  });
});
