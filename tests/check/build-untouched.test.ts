// `build` runs the checks first: on a bad input it writes nothing, and outputs already in the out
// folder (a previous good build) stay byte for byte as they were. No browser is started: the
// printer is a stub that fails the test if it is ever reached for a file with errors.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOne } from '../../src/index.js';
import { badCases, removeGenerated } from './bad-inputs.js';

const withErrors = badCases().filter((c) => c.expected.some((f) => f.severity === 'error'));
afterAll(removeGenerated);

function sentinelDir(stem: string): { dir: string; files: Map<string, Buffer> } {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-out-'));
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, Buffer>();
  for (const ext of ['md', 'html', 'pdf']) {
    const content = Buffer.from(`sentinel ${stem}.${ext} — a previous build's output, must survive\n`);
    writeFileSync(join(dir, `${stem}.${ext}`), content);
    files.set(`${stem}.${ext}`, content);
  }
  return { dir, files };
}

describe.each(withErrors)('build on bad input $name', (c) => {
  it('writes nothing and leaves existing outputs byte-identical', async () => {
    const file = await c.file();
    const stem = basename(file, extname(file));
    const { dir, files } = sentinelDir(stem);
    const result = await buildOne(file, {
      outDir: dir,
      strict: c.options.strict,
      print: async () => {
        throw new Error('print must not be reached for a file with errors');
      },
    });
    expect(result.outputs).toEqual([]);
    expect(result.findings.some((f) => f.severity === 'error')).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([...files.keys()].sort());
    for (const [name, content] of files) expect(readFileSync(join(dir, name)).equals(content)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

it('every bad input either has errors or is one of the warning-only cases', () => {
  const names = new Set(withErrors.map((c) => c.name));
  const warningOnly = badCases().filter((c) => !names.has(c.name)).map((c) => c.name);
  expect(warningOnly.sort()).toEqual(['catalog-edition', 'catalog-year', 'empty-line', 'html-script', 'missing-category', 'name-mismatch', 'placeholder', 'placeholder-unit-name', 'purposes', 'reason-contradicts', 'stated-rounding', 'unconfirmed', 'unused-reason'].sort());
});
