// Rows of a table by functional classification: 项 lines rolled up to 款 and 类, exactly.
import type { Decimal } from 'decimal.js';
import type { Catalog } from '../catalog/index.js';
import { ZERO } from './money.js';

export interface FunctionalRow {
  /** 1 类, 2 款, 3 项. */
  level: 1 | 2 | 3;
  /** The whole code: 3, 5 or 7 digits. */
  code: string;
  /** The code split as the tables print it: 类 / 款 / 项. */
  cls: string;
  /** The 款 digits (2); printed on 款 and 项 rows. */
  kind: string;
  /** The 项 digits (2); printed on 项 rows. */
  item: string;
  /** The code's name (the catalog's, the unit's `catalog:` block, or the line's `name:`). */
  name: string;
  /** The row's amounts, one a column of the table, left to right (tables.yaml `columns`). */
  values: Decimal[];
}

export interface FunctionalTable {
  /** The 合计 row's amounts, one a column. */
  total: Decimal[];
  /** 类 / 款 / 项 rows in code order, rows with only zeros left out. */
  rows: FunctionalRow[];
  /** No row: the table is printed empty with its sentence (tables.yaml `empty`). */
  empty: boolean;
}

export interface Named {
  code: string;
  name?: string;
}

/** Name of a functional code: the catalog's (the unit's block first), else a line's own `name:`. */
export function functionalName(catalog: Catalog, code: string, lines: readonly Named[] = []): string {
  return catalog.name('functional', code) ?? lines.find((l) => l.code === code)?.name ?? code;
}

function addInto(target: Decimal[], values: readonly Decimal[]): void {
  values.forEach((v, i) => (target[i] = target[i]!.plus(v)));
}

export function functionalRows<L extends Named>(
  catalog: Catalog,
  lines: readonly L[],
  width: number,
  valuesOf: (line: L) => Decimal[],
): FunctionalTable {
  const byCode = new Map<string, Decimal[]>();
  const total = new Array<Decimal>(width).fill(ZERO);
  for (const line of lines) {
    const values = valuesOf(line);
    if (values.every((v) => v.isZero())) continue;
    for (const code of [line.code.slice(0, 3), line.code.slice(0, 5), line.code]) {
      if (!byCode.has(code)) byCode.set(code, new Array<Decimal>(width).fill(ZERO));
      addInto(byCode.get(code)!, values);
    }
    addInto(total, values);
  }
  const rows = [...byCode.keys()].sort().map((code): FunctionalRow => ({
    level: code.length === 3 ? 1 : code.length === 5 ? 2 : 3,
    code,
    cls: code.slice(0, 3),
    kind: code.slice(3, 5),
    item: code.slice(5, 7),
    name: functionalName(catalog, code, lines),
    values: byCode.get(code)!,
  }));
  return { total, rows, empty: rows.length === 0 };
}
