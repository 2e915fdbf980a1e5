// The classification a data file is read against: the edition of its year (or the closest one),
// overlaid with the unit's own `catalog:` block (codes it adds or renames).
import type { DisclosureData } from '../model.js';
import { edition, editionYearFor, EDITION_YEARS, type CodeKind, type Edition } from './editions.js';

export { EDITION_YEARS, edition, editionYearFor, parseCatalogTsv, type CodeKind, type Edition } from './editions.js';

export interface Catalog {
  /** The data file's budget year, and the edition year its codes are read against. */
  year: number;
  editionYear: number;
  /** Name of a code: the unit's own entry first, else the edition's; undefined when neither has it. */
  name(kind: CodeKind, code: string): string | undefined;
  /** The edition's name, ignoring the unit's block. */
  official(kind: CodeKind, code: string): string | undefined;
  /** Whether the unit's block names this code. */
  own(kind: CodeKind, code: string): boolean;
  /** 类 of the functional classification in official (ascending) order: tables 1 and 4 list them all. */
  functionalClasses: readonly string[];
}

export type UnitEntries = Partial<Record<CodeKind, Partial<Record<string, string>>>>;

// Tables 1 and 4 list every 类 of the edition. 2024's are the published reference's rows; a later
// edition that adds a 类 adds a row, and a unit's block may add one too.
function classesOf(e: Edition, unit: UnitEntries): string[] {
  const codes = new Set([...e.functional.keys(), ...Object.keys(unit.functional ?? {})].filter((c) => c.length === 3));
  return [...codes].sort((a, b) => Number(a) - Number(b));
}

export function makeCatalog(year: number, unit: UnitEntries = {}): Catalog {
  const editionYear = editionYearFor(year);
  const e = edition(editionYear);
  const ownOf = (kind: CodeKind, code: string) => {
    const m = unit[kind];
    // Own keys only: a code like 'constructor' must not resolve through the prototype.
    return m && Object.hasOwn(m, code) ? m[code] : undefined;
  };
  return {
    year,
    editionYear,
    official: (kind, code) => e[kind].get(code),
    own: (kind, code) => ownOf(kind, code) !== undefined,
    name: (kind, code) => ownOf(kind, code) ?? e[kind].get(code),
    functionalClasses: Object.freeze(classesOf(e, unit)),
  };
}

const byData = new WeakMap<DisclosureData, Catalog>();

/** The catalog of one data file (cached per loaded data object). */
export function catalogFor(data: DisclosureData): Catalog {
  let c = byData.get(data);
  if (!c) {
    c = makeCatalog(data.unit.year, { functional: data.catalog?.functional, economic: data.catalog?.economic });
    byData.set(data, c);
  }
  return c;
}

/** Every other edition's name of a code, for findings that name both years. */
export function otherEditions(kind: CodeKind, code: string, except: number): { year: number; name: string | undefined }[] {
  return EDITION_YEARS.filter((y) => y !== except).map((y) => ({ year: y, name: edition(y)[kind].get(code) }));
}
