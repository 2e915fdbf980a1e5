// Loads a template set from layered folders: a file is taken from the first folder that has it
// (`--templates DIR`, then the profile's folder, then the bundled templates/), so a folder holds only
// the files it changes. Files: document.md.hbs, layout.html.hbs, style.css, print.css,
// placeholder.css, partials/**.hbs, tables.yaml (the tables' layout), profile.yaml (the settings).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DEFAULT_TEMPLATES, loadProfile, templateLayers, type Profile, type TemplateSource } from '../profile/index.js';
import { loadTableLayouts, type TableLayouts } from '../tables/index.js';

export { DEFAULT_TEMPLATES };

export interface TemplateSet {
  /** The most specific folder (the one `--templates` or the profile names). */
  dir: string;
  /** Every folder read, most specific first, the bundled templates last. */
  layers: string[];
  document: string;
  layout: string;
  css: string;
  printCss: string;
  /** Highlight of a draft's 【待填写：…】. */
  placeholderCss: string;
  partials: Record<string, string>;
  /** The statutory tables' titles, headers, columns and row labels (tables.yaml, layered: tables/overlay.ts). */
  tables: TableLayouts;
  /** The file each partial was read from (the overlay's or the bundled one), for error messages. */
  partialFiles: Record<string, string>;
  /** The files document.md.hbs and layout.html.hbs were read from. */
  files: { document: string; layout: string };
  /** How figures are shown (profile.yaml, layered). */
  profile: Profile;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
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

/** Partial name of a file under partials/: `part3/change` for partials/part3/change.hbs. */
const nameOf = (file: string) => file.replace(/^partials\//, '').replace(/(\.(md|html))?\.hbs$/, '');

/**
 * A template set from a template folder (a string, as `--templates DIR`) or from a profile and a
 * folder over it. Without either, the bundled templates.
 */
export function loadTemplates(source: string | TemplateSource = {}): TemplateSet {
  const layers = templateLayers(typeof source === 'string' ? { templates: source } : source);
  const find = (name: string) => join(layers.find((dir) => existsSync(join(dir, name))) ?? DEFAULT_TEMPLATES, name);
  const read = (name: string) => readText(find(name));
  const partials: Record<string, string> = {};
  const partialFiles: Record<string, string> = {};
  // The bundled partials first, each overlay's replacing them by name.
  for (const dir of [...layers].reverse())
    for (const file of walk(join(dir, 'partials'))) {
      const name = nameOf(relative(dir, file).split(sep).join('/'));
      partials[name] = readText(file);
      partialFiles[name] = file;
    }
  return {
    dir: layers[0]!,
    layers,
    document: read('document.md.hbs'),
    layout: read('layout.html.hbs'),
    css: read('style.css'),
    printCss: read('print.css'),
    placeholderCss: read('placeholder.css'),
    partials,
    partialFiles,
    files: { document: find('document.md.hbs'), layout: find('layout.html.hbs') },
    tables: loadTableLayouts(layers),
    profile: loadProfile(layers),
  };
}
