// The new unit's data file: templates/init.yaml.hbs filled with the unit's name, kind, year and
// codes, the names of codes taken from the catalog. The wording is the template's.
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { stringify } from 'yaml';
import { edition, editionYearFor, makeCatalog, type Catalog } from '../catalog/index.js';
import type { Kind } from './answers.js';

export const INIT_TEMPLATE = new URL('../../templates/init.yaml.hbs', import.meta.url);

export interface InitOptions {
  name: string;
  kind: Kind;
  year: number;
  /** Functional 项 codes, in the order the budget lists them. */
  codes: readonly string[];
  /** The `$schema` path written on the first line, relative to the file. */
  schema: string;
}

/** The 款 of 301–303 a unit's basic spending nearly always has: written as placeholders, the rest as comments. */
const USUAL_ECONOMIC = new Set(['30101', '30102', '30108', '30110', '30113', '30201']);
const BASIC_CLASSES = ['301', '302', '303'];

function economicGroups(catalog: Catalog) {
  const codes = [...edition(editionYearFor(catalog.year)).economic.keys()];
  return BASIC_CLASSES.map((cls) => ({
    code: cls,
    name: catalog.name('economic', cls)!,
    items: codes
      .filter((code) => code.length === 5 && code.startsWith(cls))
      .map((code) => ({ code, name: catalog.name('economic', code)!, usual: USUAL_ECONOMIC.has(code) })),
  }));
}

export function initText(options: InitOptions): string {
  const hb = Handlebars.create();
  const template = hb.compile(readFileSync(INIT_TEMPLATE, 'utf8'), { strict: true, noEscape: true });
  const classes = [...new Set(options.codes.map((c) => c.slice(0, 3)))].sort();
  const catalog = makeCatalog(options.year);
  const codeName = (code: string) => catalog.name('functional', code);
  return template({
    schema: options.schema,
    // The name as a YAML scalar (quoted only when it must be), and as one line for the heading comment.
    name: stringify(options.name).trimEnd(),
    title: options.name,
    year: options.year,
    priorYear: options.year - 1,
    kind: options.kind,
    lines: options.codes.map((code) => ({ code, name: codeName(code) ?? '', known: codeName(code) !== undefined })),
    firstCode: options.codes[0],
    classes: classes.map((code) => ({ code, name: codeName(code)! })),
    economic: economicGroups(catalog),
  });
}
