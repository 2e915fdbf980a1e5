// Golden bad inputs: each case under tests/fixtures/bad/ yields exactly its expected findings (codes,
// severities, positions, key paths; the wording is not asserted). UPDATE_FIXTURES=1 rewrites them.
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { check, formatFinding, load } from '../../src/index.js';
import { terminalText } from '../../src/render/escape.js';
import { badCases, removeGenerated, summary } from './bad-inputs.js';

const cases = badCases();
afterAll(removeGenerated);

it('the corpus has at least 40 cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
});

describe.each(cases)('bad input $name', (c) => {
  it('gives its expected findings', async () => {
    const loaded = load(await c.file());
    const findings = check(loaded, c.options);
    const actual = summary(findings);
    if (process.env.UPDATE_FIXTURES) writeFileSync(c.expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(c.expected);
  });

  it('words every finding in Chinese, with the key path and a position', async () => {
    const loaded = load(await c.file());
    for (const f of check(loaded, c.options)) {
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      const printed = formatFinding(f, loaded.source);
      expect(printed).toContain(`[${f.code}]`);
      // A key holding a control character is printed with it shown visibly (`\x1b`).
      if (f.path) expect(printed).toContain(terminalText(f.path));
      if (f.code !== 'READ_ERROR') expect(f.pos).toBeDefined();
    }
  });
});
