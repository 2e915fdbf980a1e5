// Reads tables.yaml from layered template folders (`--templates DIR`, a profile, the bundled
// templates/), each holding only the tables it adds or changes (overlay.ts); a folder without one
// changes nothing, so a folder copied before the file existed still works.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLayoutYaml, parseTableLayouts, type TableLayouts } from './layout.js';
import { mergeTableLayouts } from './overlay.js';

const BUNDLED = fileURLToPath(new URL('../../templates/', import.meta.url));
export const TABLES_FILE = 'tables.yaml';

const cache = new Map<string, { text: string; layouts: TableLayouts }>();

/**
 * The layouts of a template folder over the bundled one, or of layered folders (most specific
 * first, as `templateLayers` gives them; the bundled folder is added last when missing).
 */
export function loadTableLayouts(dirs: string | readonly string[] = BUNDLED): TableLayouts {
  const layers = [...(typeof dirs === 'string' ? [dirs] : dirs), BUNDLED].map((d) => resolve(d));
  const files = layers.filter((d, i) => layers.indexOf(d) === i).map((d) => join(d, TABLES_FILE)).filter((f) => existsSync(f));
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const key = files.join('\0');
  const text = texts.join('\0');
  const hit = cache.get(key);
  if (hit && hit.text === text) return hit.layouts;
  const layouts = files.length === 1 ? parseTableLayouts(texts[0]!, files[0]!) : mergeTableLayouts(files.map((file, i) => ({ file, raw: parseLayoutYaml(texts[i]!, file) })));
  cache.set(key, { text, layouts });
  return layouts;
}
