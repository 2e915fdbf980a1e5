// The print budgets with real Chromium, as a user meets them: a document longer than --max-pages or
// slower than --timeout is an error in yusuan's words (never Puppeteer's "protocolTimeout" advice),
// exit 1, and the unit's earlier outputs stay byte-identical. A document of exactly the budget prints.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const reference = readFileSync(join(root, 'data/2024-info-center.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'yusuan-budget-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function yusuan(args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/yusuan.js'), ...args], { encoding: 'utf8', cwd: root });
}

/** data.yaml built to md and html, then changed, so a build that wrote anything would show. */
function earlier(name: string) {
  const unit = join(dir, name);
  const file = join(unit, 'data.yaml');
  const out = join(unit, 'out');
  mkdirSync(unit, { recursive: true });
  writeFileSync(file, reference);
  expect(yusuan(['build', file, '--out', out, '--format', 'md,html']).status).toBe(0);
  const before = ['md', 'html'].map((ext) => readFileSync(join(out, `data.${ext}`)));
  writeFileSync(file, `${reference.trimEnd()}\nother_matters: 本单位本年度另有说明事项。\n`);
  return { file, out, before: () => expect(['md', 'html'].map((ext) => readFileSync(join(out, `data.${ext}`)))).toEqual(before) };
}

describe('print budgets', () => {
  it('the 22-page reference with --max-pages 10: PDF_TOO_LONG, exit 1, earlier outputs untouched', () => {
    const { file, out, before } = earlier('pages');
    const run = yusuan(['build', file, '--out', out, '--max-pages', '10']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PDF 超过 10 页的页数上限，未打印。确需打印时，请用 --max-pages 提高上限。');
    expect(run.stderr).toContain('[PDF_TOO_LONG]');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    before();
    expect(readdirSync(out).sort()).toEqual(['data.html', 'data.md']);
  }, 60_000);

  it('the reference with --max-pages 22 prints all 22 pages', () => {
    const out = join(dir, 'exact');
    const run = yusuan(['build', 'data/2024-info-center.yaml', '--out', out, '--format', 'pdf', '--max-pages', '22']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const info = spawnSync('pdfinfo', [join(out, '2024-info-center.pdf')], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/^Pages:\s+22$/m);
  }, 60_000);

  it('--timeout 1: PDF_TIMEOUT in yusuan\'s words, exit 1, earlier outputs untouched', () => {
    const { file, out, before } = earlier('time');
    // A document no machine lays out and prints within a second (~400,000 characters, hundreds of
    // pages): on a fast, quiet machine the 22-page reference alone may print inside the budget.
    const paragraph = '本单位主要职能的说明文字，'.repeat(1500);
    const text = readFileSync(file, 'utf8').replace('  functions:                   # 主要职能，每段一项\n', (line) => line + `    - ${paragraph}\n`.repeat(20));
    expect(text.length).toBeGreaterThan(reference.length + 380_000);
    writeFileSync(file, text);
    const started = Date.now();
    const run = yusuan(['build', file, '--out', out, '--timeout', '1']);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('打印 PDF 超过 1 秒的时间上限，已停止。');
    expect(run.stderr).toContain('[PDF_TIMEOUT]');
    expect(run.stderr).not.toMatch(/protocolTimeout|^\s+at /m);
    before();
    expect(readdirSync(out).sort()).toEqual(['data.html', 'data.md']);
  }, 60_000);
});
