// The bad-input corpus: one folder per case under tests/fixtures/bad/, holding the data file (or a
// generate.ts that writes it into a temp folder: the 50 MB, binary and GBK cases), the findings it
// must produce (expected.json: code, severity, line, col, path) and optionally options.json.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/index.js';

export const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));

export interface Expected {
  code: string;
  severity: string;
  line: number | null;
  col: number | null;
  path: string;
}

export interface BadCase {
  name: string;
  dir: string;
  options: { strict?: boolean };
  expectedFile: string;
  expected: Expected[];
  /** The data file; generated ones are written on first use. */
  file(): Promise<string>;
}

/** Generated data files by case, with the temp folder each was written into. */
const generated = new Map<string, { file: string; dir: string }>();

export function badCases(): BadCase[] {
  return readdirSync(BAD, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const dir = join(BAD, name);
      const expectedFile = join(dir, 'expected.json');
      const optionsFile = join(dir, 'options.json');
      return {
        name,
        dir,
        options: existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {},
        expectedFile,
        expected: existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : [],
        async file() {
          const generator = join(dir, 'generate.ts');
          if (!existsSync(generator)) return join(dir, 'data.yaml');
          let made = generated.get(name);
          if (!made) {
            const { default: generate } = (await import(generator)) as { default: (dir: string) => string };
            const temp = mkdtempSync(join(tmpdir(), `yusuan-${name}-`));
            made = { file: generate(temp), dir: temp };
            generated.set(name, made);
          }
          return made.file;
        },
      };
    });
}

/** Removes the generated files (the 50 MB one among them): call from afterAll. */
export function removeGenerated(): void {
  for (const { dir } of generated.values()) rmSync(dir, { recursive: true, force: true });
  generated.clear();
}

export function summary(findings: readonly Finding[]): Expected[] {
  return findings.map((f) => ({ code: f.code, severity: f.severity, line: f.pos?.line ?? null, col: f.pos?.col ?? null, path: f.path }));
}
