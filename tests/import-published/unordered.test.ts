// import refuses text whose tables are out of row order (plain `pdftotext` without -layout of yusuan's
// PDF): one AUDIT_TABLE_UNORDERED error per such table, naming its page and table and pointing to the
// PDF or `pdftotext -layout`; exit 1, nothing written. The `-layout` text of the same PDF imports.
// Skipped without Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/chromium.js';
import { printedText } from '../helpers/printed-text.js';
import { REFERENCE_DATA } from '../helpers/reference.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'yusuan-import-unordered-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(file: string) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.yaml`);
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'yusuan.js'), 'import', file, '--out', out], { encoding: 'utf8' });
  return { ...r, written: existsSync(out), data: existsSync(out) ? readFileSync(out, 'utf8') : '' };
}

describe.skipIf(!hasChromium)('import of plain pdftotext of yusuan’s PDF', () => {
  let plain: string;
  let layout: string;
  beforeAll(async () => {
    const text = await printedText(REFERENCE_DATA);
    plain = join(dir, 'plain.txt');
    layout = join(dir, 'layout.txt');
    writeFileSync(plain, text.plain);
    writeFileSync(layout, text.layout);
  }, 120_000);

  it('refuses: one error per scrambled table, on its page, exit 1, nothing written', () => {
    const r = cli(plain);
    expect(r.status).toBe(1);
    expect(r.written).toBe(false);
    expect(r.stderr + r.stdout).not.toMatch(/\n\s+at /); // no stack trace
    const found = [...(r.stdout + r.stderr).matchAll(/^\S+ p\.(\d+)  error  第 (\d+) 页表 (\d+)（(.+?)）：.*\[AUDIT_TABLE_UNORDERED\]$/gm)];
    expect(found.map((m) => m[3])).toEqual(['1', '2', '3', '4', '5', '6', '7', '10']);
    for (const m of found) {
      expect(m[1]).toBe(m[2]);
      expect(m[0]).toMatch(/不能导入；请导入 PDF 本身，或用 pdftotext -layout.*cannot be imported; import the PDF itself or text extracted with pdftotext -layout/);
    }
  });

  it('the -layout text of the same PDF imports', () => {
    const r = cli(layout);
    expect(r.status).toBe(0);
    expect(r.written).toBe(true);
    expect(r.stdout + r.stderr).not.toContain('AUDIT_TABLE_UNORDERED');
    // Table 7's project name wraps around its row (half above, half below, as -layout prints a
    // vertically centred cell): both halves, in order, and not the 项's name.
    expect(r.data).toMatch(/^ {2}- name: 工信厅电子政务运行维护和企业信息化工作经费$/m);
  });
});
