// Large and hostile data files for the benchmark: each must be checked (a result or a positioned
// finding) within 10 s and 1 GiB. Used by scripts/bench.js; `node scripts/hostile-inputs.js DIR`
// writes them into DIR for trying the CLI by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The reference with `n` more budget lines (2 lines of YAML each), all of one code: one finding each. */
export function budgetLines(reference, lines) {
  const extra = Array.from({ length: Math.floor(lines / 2) }, (_, i) => `  - code: 2080502\n    basic: { general: ${(i % 100) + 1} }`).join('\n');
  return reference.replace(/^budget:\n/m, `budget:\n${extra}\n`);
}

/** name → [what it is, text]. Each about 9 MB unless said otherwise. */
export function hostileInputs(reference) {
  return [
    ['10,000 budget lines (5,000 findings)', budgetLines(reference, 10_000)],
    ['100,000 budget lines (50,000 findings)', budgetLines(reference, 100_000)],
    ['9 MB [[[… after "\\\\"', `unit:\n  name: ["\\\\", ${'['.repeat(9_000_000)}${']'.repeat(10)}\n`],
    ['9 MB [[[… after a#', `unit:\n  name: [a#, ${'['.repeat(9_000_000)}\n`],
    ['9 MB - - - … (block lists)', `budget:\n  ${'- '.repeat(4_500_000)}x\n`],
    ['4,000 levels of indented keys (8 MB)', Array.from({ length: 4000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
    ['9 MB of stray ]', `unit: ${']'.repeat(9_000_000)}\n`],
    ['9 MB one-line list [1,1,…]', `budget: [${'1,'.repeat(4_500_000)}]\n`],
    ['9 MB "\\q\\q…" (bad escapes)', `unit: "${'\\q'.repeat(4_500_000)}"\n`],
    ['9 MB &a &a … (anchors)', `unit: ${'&a '.repeat(3_000_000)}x\n`],
    ['9 MB one plain scalar', `unit:\n  name: ${'信'.repeat(3_000_000)}\n`],
    ['9 MB explicit key', `? ${'k'.repeat(9_000_000)}\n: 1\n`],
    ['120,000 copies of one key', `unit: {${' a: 1,'.repeat(120_000)}}\n`],
    ['1,500,000 lines', '#\n'.repeat(1_500_000)],
  ];
}

if (process.argv[1]?.endsWith('hostile-inputs.js') && process.argv[2]) {
  const reference = readFileSync(new URL('../data/2024-info-center.yaml', import.meta.url), 'utf8');
  hostileInputs(reference).forEach(([what, text], i) => {
    const file = join(process.argv[2], `hostile-${String(i + 1).padStart(2, '0')}.yaml`);
    writeFileSync(file, text);
    console.log(`${file}  ${what}`);
  });
}
