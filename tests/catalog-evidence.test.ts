// The bundled lists agree with every source that could be checked (catalog/evidence.tsv and the
// published reference): scripts/catalog-verify.js exits 1 when a name differs from a source or a
// source's code is missing from a list of its year.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const script = join(root, 'scripts', 'catalog-verify.js');
const run = (cwdRoot: string) => {
  try {
    return { code: 0, out: execFileSync(process.execPath, [join(cwdRoot, 'scripts', 'catalog-verify.js')], { encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, out: err.stdout };
  }
};

describe('catalog/evidence.tsv', () => {
  it('every checked name agrees with the lists, and no source row is missing', () => {
    const { code, out } = run(root);
    expect(out).toMatch(/name differs from a source:\s+0/);
    expect(out).not.toMatch(/in a source, not in the list:\s+[1-9]/);
    expect(code).toBe(0);
  });

  it('the older edition is counted from evidence.tsv alone, apart from current sources', () => {
    const { out } = run(root);
    expect(out).toMatch(/same name in an older edition only \(wording genuine, not proof it is current\):\s+[1-9]\d*/);
    expect(out).toMatch(/ELE03 \(older edition\) https:\/\/github\.com\/Jackjet\/supervise\/blob\/8fc9205cb803164533a373585abf7b1b92e74e19\//);
  });

  it('every functional row no source or older edition backs is listed, with its reason, in the file header', () => {
    const out = execFileSync(process.execPath, [script, '--unconfirmed'], { encoding: 'utf8' });
    for (const file of ['functional-2024.tsv', 'functional-2025.tsv']) {
      const header = readFileSync(join(root, 'catalog', file), 'utf8').split('\n').filter((l) => l.startsWith('#')).join('\n');
      // Codes named in the header, ranges such as 2290401–2290403 expanded.
      const named = new Set<string>();
      for (const m of header.matchAll(/\b(2\d{2}(?:\d{2}){0,2})(?:–(\d+))?\b/g)) {
        const to = m[2] ? Number(m[2]) : Number(m[1]);
        for (let c = Number(m[1]); c <= to; c++) named.add(String(c));
      }
      const unbacked = out.split('\n').filter((l) => l.startsWith(`${file}\t`)).map((l) => l.split('\t')[1]);
      expect(unbacked.length).toBeGreaterThan(0);
      expect(unbacked.filter((c) => !named.has(c)), file).toEqual([]);
    }
  });

  it('a misnamed row is caught', () => {
    // A copy of the checkout's catalog/ and script beside the same shared/, with one confirmed name changed.
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-evidence-'));
    const copy = join(dir, 'repo');
    for (const d of ['catalog', 'scripts']) mkdirSync(join(copy, d), { recursive: true });
    for (const f of ['evidence.tsv', 'functional-2024.tsv', 'functional-2025.tsv', 'economic-2024.tsv', 'economic-2025.tsv'])
      copyFileSync(join(root, 'catalog', f), join(copy, 'catalog', f));
    copyFileSync(script, join(copy, 'scripts', 'catalog-verify.js'));
    symlinkSync(join(root, '..', 'shared'), join(dir, 'shared'));
    const f = join(copy, 'catalog', 'functional-2025.tsv');
    writeFileSync(f, readFileSync(f, 'utf8').replace('\n2100717\t计划生育服务\n', '\n2100717\t计划生育技术服务\n'));
    const { code, out } = run(copy);
    expect(out).toContain('2100717 计划生育技术服务  ≠  CF1:计划生育服务');
    expect(code).toBe(1);
  });
});
