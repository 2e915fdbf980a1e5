// The bundled editions of 政府收支分类科目, one data file per list and year under catalog/ (see
// catalog/README.md for where each list comes from and how it was checked).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type CodeKind = 'functional' | 'economic';

export const CATALOG_DIR = fileURLToPath(new URL('../../catalog/', import.meta.url));

/** One year's edition: code → name, per list. */
export interface Edition {
  year: number;
  functional: ReadonlyMap<string, string>;
  economic: ReadonlyMap<string, string>;
}

/** Years with a bundled edition, ascending. */
export const EDITION_YEARS = [2024, 2025] as const;

/** `code<TAB>name` lines; `#` starts a comment line. A malformed line is a bug in the bundle: it throws. */
export function parseCatalogTsv(text: string, origin: string): Map<string, string> {
  const out = new Map<string, string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const [code, name, ...rest] = line.split('\t');
    if (!code || !/^\d{3}(\d{2}){0,2}$/.test(code) || !name?.trim() || rest.length || out.has(code))
      throw new Error(`${origin}:${i + 1}: expected "code<TAB>name" with a new 3-, 5- or 7-digit code`);
    out.set(code, name.trim());
  });
  return out;
}

const cache = new Map<number, Edition>();

export function edition(year: (typeof EDITION_YEARS)[number]): Edition {
  let e = cache.get(year);
  if (!e) {
    const read = (kind: CodeKind) => {
      const file = `${kind}-${year}.tsv`;
      return parseCatalogTsv(readFileSync(CATALOG_DIR + file, 'utf8'), file);
    };
    e = { year, functional: read('functional'), economic: read('economic') };
    cache.set(year, e);
  }
  return e;
}

/** The edition a data file of `year` is checked against: its own, else the closest year. */
export function editionYearFor(year: number): (typeof EDITION_YEARS)[number] {
  let best: (typeof EDITION_YEARS)[number] = EDITION_YEARS[0];
  for (const y of EDITION_YEARS) if (Math.abs(y - year) < Math.abs(best - year)) best = y;
  return best;
}
