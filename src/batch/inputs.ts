// What `yusuan build` is given: files, folders (every *.yaml and *.yml directly inside, not hidden, not in
// subfolders: a folder of units is flat, and a data folder's `archive/` should not be built by
// surprise) and globs (`data/units/*.yaml`, `data/**/*.yaml`), expanded here since a quoted glob reaches
// us unexpanded and Windows shells never expand them. Each folder's and glob's files are sorted.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DATA_FILE = /\.ya?ml$/i;
const GLOB = /[*?]/;

/** Inputs as files, in the order given; a file a folder or glob repeats is listed once. */
export function expandInputs(inputs: readonly string[]): { files: string[]; unmatched: string[] } {
  const files: string[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  const add = (found: string[]) => {
    for (const file of found.sort()) {
      if (seen.has(resolve(file))) continue;
      seen.add(resolve(file));
      files.push(file);
    }
  };
  for (const input of inputs) {
    if (GLOB.test(input)) {
      const found = globFiles(input);
      if (found.length === 0) unmatched.push(input);
      add(found);
    } else if (isFolder(input)) {
      const found = readdirSync(input, { withFileTypes: true })
        .filter((e) => e.isFile() && DATA_FILE.test(e.name) && !e.name.startsWith('.'))
        .map((e) => join(input, e.name));
      if (found.length === 0) unmatched.push(input);
      add(found);
    } else {
      // A file is kept as given, twice if given twice: `build` says so rather than guess.
      seen.add(resolve(input));
      files.push(input);
    }
  }
  return { files, unmatched };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `*` and `?` within one name, `**` any number of folders; names starting with a dot only when the pattern's do. */
export function globFiles(pattern: string): string[] {
  const parts = pattern.split(/[\\/]+/);
  const firstGlob = parts.findIndex((p) => GLOB.test(p));
  const base = parts.slice(0, firstGlob).join('/') || (pattern.startsWith('/') ? '/' : '.');
  const rest = parts.slice(firstGlob);
  const results: string[] = [];
  const walk = (dir: string, index: number): void => {
    if (index === rest.length) return;
    const part = rest[index]!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (part === '**') {
      walk(dir, index + 1);
      for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) walk(join(dir, e.name), index);
      return;
    }
    const matcher = segmentMatcher(part);
    const last = index === rest.length - 1;
    for (const e of entries) {
      if (!matcher.test(e.name) || (e.name.startsWith('.') && !part.startsWith('.'))) continue;
      const path = join(dir, e.name);
      if (last ? e.isFile() || (e.isSymbolicLink() && !isFolder(path)) : e.isDirectory() || isFolder(path)) {
        if (last) results.push(path);
        else walk(path, index + 1);
      }
    }
  };
  walk(base, 0);
  // `**` can reach a file by two routes (`a/**/**/x`): once each.
  return [...new Set(results)];
}

function segmentMatcher(part: string): RegExp {
  const source = part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${source}$`);
}
