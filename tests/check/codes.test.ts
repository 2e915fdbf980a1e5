// The finding codes: registered in src/check/codes.ts, each exercised by the bad-input corpus, each
// listed with an example in docs/finding-codes.md (regenerate with `node scripts/finding-codes.js`).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { FINDING_CODES } from '../../src/check/index.js';
import { badCases } from './bad-inputs.js';

const DOC = readFileSync(fileURLToPath(new URL('../../docs/finding-codes.md', import.meta.url)), 'utf8');
const registered = Object.keys(FINDING_CODES);
const exercised = new Set(badCases().flatMap((c) => c.expected.map((f) => f.code)));

it('every code the corpus produces is registered', () => {
  expect([...exercised].filter((c) => !registered.includes(c))).toEqual([]);
});

it('every registered code has a bad input producing it (except the internal error, the PDF and writing stages\', audit\'s, and the workbook import\'s, which tests/import/bad-workbooks.test.ts produces)', () => {
  expect(registered.filter((c) => !exercised.has(c) && c !== 'INTERNAL_ERROR' && !['print', 'write', 'audit', 'import'].includes(FINDING_CODES[c]!.stage))).toEqual([]);
});

it('the codes audit reports are registered as audit codes', () => {
  const dir = fileURLToPath(new URL('../../src/audit/', import.meta.url));
  const source = readdirSync(dir).map((f) => readFileSync(dir + f, 'utf8')).join('\n');
  const used = new Set([...source.matchAll(/'(AUDIT_[A-Z_]+)'/g)].map((m) => m[1]!));
  expect(used.size).toBeGreaterThan(10);
  expect([...used].filter((c) => FINDING_CODES[c]?.stage !== 'audit')).toEqual([]);
});

it('the codes build reports while printing are registered', () => {
  const build = readFileSync(fileURLToPath(new URL('../../src/build.ts', import.meta.url)), 'utf8');
  const printed = [...build.matchAll(/code: '([A-Z_]+)'/g)].map((m) => m[1]!);
  expect(printed.length).toBeGreaterThan(0);
  expect(printed.filter((c) => FINDING_CODES[c]?.stage !== 'print')).toEqual([]);
});

it.each(registered)('docs/finding-codes.md lists %s with an example', (code) => {
  const section = DOC.split(/^### /m).find((s) => s.startsWith(`${code}\n`));
  expect(section).toBeDefined();
  if (code !== 'INTERNAL_ERROR') expect(section).toContain(`[${code}]`);
});
