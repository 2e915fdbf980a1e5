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

/** A template file as UTF-8 text; a GBK or binary file is refused by name rather than read as U+FFFD. */
function readText(file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch (cause) {
    if (!(cause instanceof TypeError)) throw cause;
    throw new Error(`模板文件不是 UTF-8 文本（如为 GBK 等编码，请另存为 UTF-8）：${file}。 The template file is not UTF-8 text: ${file}.`, { cause });
  }
}

export function loadTemplates(dir: string = DEFAULT_TEMPLATES): TemplateSet {
  const read = (name: string) => readText(join(dir, name));
  const partialsDir = join(dir, 'partials');
  const files = walk(partialsDir).map((file) => relative(dir, file).split(sep).join('/'));
  const nameOf = (file: string) => file.replace(/^partials\//, '').replace(/(\.(md|html))?\.hbs$/, '');
  const partials = Object.fromEntries(files.map((file) => [nameOf(file), readText(join(dir, file))]));
  const partialFiles = Object.fromEntries(files.map((file) => [nameOf(file), file]));
  const placeholderCss = existsSync(join(dir, 'placeholder.css')) ? read('placeholder.css') : readText(join(DEFAULT_TEMPLATES, 'placeholder.css'));
  return { dir, document: read('document.md.hbs'), layout: read('layout.html.hbs'), css: read('style.css'), printCss: read('print.css'), placeholderCss, partials, partialFiles, tables: loadTableLayouts(dir) };
}
