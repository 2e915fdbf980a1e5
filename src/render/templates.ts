// Loads a template folder: document.md.hbs, layout.html.hbs, style.css, print.css, partials/**.hbs,
// tables.yaml (the tables' layout; the bundled one when the folder has none).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTableLayouts, type TableLayouts } from '../tables/index.js';

export const DEFAULT_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface TemplateSet {
  dir: string;
  document: string;
  layout: string;
  css: string;
  printCss: string;
  /** Highlight of a draft's 【待填写：…】; the bundled one when the folder has none. */
  placeholderCss: string;
  partials: Record<string, string>;
  /** The statutory tables' titles, headers, columns and row labels (tables.yaml). */
  tables: TableLayouts;
  /** Each partial's file, relative to `dir` (`partials/part3/change.hbs`), for error messages. */
  partialFiles: Record<string, string>;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.hbs') ? [join(dir, e.name)] : [],
  );
}

export function loadTemplates(dir: string = DEFAULT_TEMPLATES): TemplateSet {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const partialsDir = join(dir, 'partials');
  const files = walk(partialsDir).map((file) => relative(dir, file).split(sep).join('/'));
  const nameOf = (file: string) => file.replace(/^partials\//, '').replace(/(\.(md|html))?\.hbs$/, '');
  const partials = Object.fromEntries(files.map((file) => [nameOf(file), readFileSync(join(dir, file), 'utf8')]));
  const partialFiles = Object.fromEntries(files.map((file) => [nameOf(file), file]));
  const placeholderCss = existsSync(join(dir, 'placeholder.css')) ? read('placeholder.css') : readFileSync(join(DEFAULT_TEMPLATES, 'placeholder.css'), 'utf8');
  return { dir, document: read('document.md.hbs'), layout: read('layout.html.hbs'), css: read('style.css'), printCss: read('print.css'), placeholderCss, partials, partialFiles, tables: loadTableLayouts(dir) };
}
