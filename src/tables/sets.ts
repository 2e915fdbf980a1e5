// Which set of tables a document or workbook holds, when no one said: the bundled default's eleven or a
// bundled profile's own set (profiles/<name>/tables.yaml, such as ten-tables). A supervisor auditing
// a unit's disclosure does not know the profile it was built with, so readers try the default first
// and the other sets only when it leaves tables unrecognised; an explicit --profile/--templates is
// one set, layered as `build` layers it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PROFILE_NAME, profileDir, profileNames, templateLayers, type TemplateSource } from '../profile/resolve.js';
import type { TableLayouts } from './layout.js';
import { loadTableLayouts, TABLES_FILE } from './load.js';

export interface LayoutSet {
  /** The profile's name (`default`, `ten-tables`), or the folders given. */
  name: string;
  layouts: TableLayouts;
}

/** The given set when `source` names a profile or templates; else every bundled set, the default first. */
export function layoutSets(source: TemplateSource = {}): LayoutSet[] {
  if (source.profile !== undefined || source.templates !== undefined)
    return [{ name: source.profile ?? source.templates!, layouts: loadTableLayouts(templateLayers(source)) }];
  const own = profileNames().filter((n) => n !== DEFAULT_PROFILE_NAME && existsSync(join(profileDir(n), TABLES_FILE)));
  return [DEFAULT_PROFILE_NAME, ...own].map((name) => ({ name, layouts: loadTableLayouts(templateLayers({ profile: name })) }));
}

/**
 * The set a reader recognises best: `read` gives, for a set, how many tables it leaves unrecognised or
 * missing (0: all of them); the first set with the fewest wins, so the default stays the default, and
 * later sets are tried only while the best so far misses something.
 */
export function bestLayoutSet<T>(sets: readonly LayoutSet[], read: (set: LayoutSet) => { result: T; misses: number }): { set: LayoutSet; result: T } {
  let best: { set: LayoutSet; result: T; misses: number } | undefined;
  for (const set of sets) {
    const r = read(set);
    if (!best || r.misses < best.misses) best = { set, ...r };
    if (best.misses === 0) break;
  }
  return best!;
}
