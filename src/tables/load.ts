// Reads tables.yaml from a template folder, falling back to the bundled one when the folder has none
// (a folder copied before the file existed still works).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTableLayouts, type TableLayouts } from './layout.js';

const BUNDLED = fileURLToPath(new URL('../../templates/', import.meta.url));
export const TABLES_FILE = 'tables.yaml';

const cache = new Map<string, { text: string; layouts: TableLayouts }>();

export function loadTableLayouts(dir: string = BUNDLED): TableLayouts {
  const own = join(dir, TABLES_FILE);
  const file = existsSync(own) ? own : join(BUNDLED, TABLES_FILE);
  const text = readFileSync(file, 'utf8');
  const hit = cache.get(file);
  if (hit && hit.text === text) return hit.layouts;
  const layouts = parseTableLayouts(text, file);
  cache.set(file, { text, layouts });
  return layouts;
}
