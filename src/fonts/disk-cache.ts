// What a process learns of the bundled fonts, kept on disk for the next one: a chunk's character map,
// its font decoded from WOFF2, and its subsets. A cold build spent ~0.5 s of its ~2.5 s decoding and
// subsetting the ~76 chunks the reference draws from; the next build of the same (or an edited)
// document reads them back. Entries are named by a hash of everything they are made from (the
// chunk file's path, size and time, the characters, the versions of the tools that made them), so
// an entry is never stale, only unused; a torn or foreign file is ignored and made again.
// YUSUAN_CACHE_DIR names the folder ("" turns the cache off); else $XDG_CACHE_HOME/yusuan or ~/.cache/yusuan.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Bumped when what an entry holds, or how yusuan makes it (e.g. the WOFF2 writer), changes. */
const FORMAT = 1;
/** Entries past this many are pruned, oldest first, once a process: ~76 make one document's fonts. */
const MOST_ENTRIES = 4000;

export interface DiskCache {
  get(parts: readonly (string | number)[], valid: (bytes: Buffer) => boolean): Buffer | undefined;
  set(parts: readonly (string | number)[], bytes: Uint8Array): void;
}

/** The folder entries go to, or undefined when the cache is off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env['YUSUAN_CACHE_DIR'];
  if (named !== undefined) return named === '' ? undefined : named;
  const base = env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'yusuan');
}

/** The tools whose output the entries are: a new version of any makes new entries. */
function toolVersions(): string {
  const require = createRequire(import.meta.url);
  return ['subset-font', 'harfbuzzjs', 'fontverter', 'wawoff2']
    .map((name) => {
      try {
        return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
      } catch {
        return `${name}@?`;
      }
    })
    .join(' ');
}

/** A cache in `dir`; every failure to read or write it is a miss, never an error of the build. */
export function openDiskCache(dir: string): DiskCache {
  const folder = join(dir, `fonts-${FORMAT}`);
  const salt = `${FORMAT} ${toolVersions()}`;
  // Pruned on the first write of a process and again every MOST_ENTRIES / 2 writes: a long batch of
  // distinct units writes ~76 subsets each.
  let writes = 0;
  const path = (parts: readonly (string | number)[]): string => {
    const hash = createHash('sha256').update(salt);
    for (const part of parts) hash.update(`\0${part}`);
    return join(folder, hash.digest('hex').slice(0, 40));
  };
  return {
    get(parts, valid) {
      try {
        const bytes = readFileSync(path(parts));
        return valid(bytes) ? bytes : undefined;
      } catch {
        return undefined;
      }
    },
    set(parts, bytes) {
      const file = path(parts);
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(folder, { recursive: true });
        if (writes++ % (MOST_ENTRIES / 2) === 0) prune(folder);
        // Renamed into place: a reader never sees half a file, and two processes writing one entry write the same bytes.
        writeFileSync(temporary, bytes);
        renameSync(temporary, file);
      } catch {
        try {
          unlinkSync(temporary);
        } catch {
          // Never written, or gone already.
        }
      }
    },
  };
}

/** Past MOST_ENTRIES, the older half goes (a district's batch of distinct units would otherwise grow it without end). */
function prune(folder: string): void {
  const names = readdirSync(folder);
  if (names.length <= MOST_ENTRIES) return;
  const aged = names.map((name) => {
    try {
      return { name, time: statSync(join(folder, name)).mtimeMs };
    } catch {
      return { name, time: 0 };
    }
  });
  aged.sort((a, b) => a.time - b.time);
  for (const { name } of aged.slice(0, aged.length - MOST_ENTRIES / 2)) {
    try {
      unlinkSync(join(folder, name));
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

let shared: { dir: string | undefined; cache: DiskCache | undefined } | undefined;

/** The font cache of the folder the environment names now (undefined when off). */
export function fontCache(): DiskCache | undefined {
  const dir = cacheDir();
  if (shared === undefined || shared.dir !== dir) shared = { dir, cache: dir === undefined ? undefined : openDiskCache(dir) };
  return shared.cache;
}

/** A file's identity for a key: path, size and modification time (the bundled chunks do not change in place). */
export function fileIdentity(file: string): string {
  let identity = identities.get(file);
  if (identity === undefined) {
    const { size, mtimeMs } = statSync(file);
    identities.set(file, (identity = `${file} ${size} ${mtimeMs}`));
  }
  return identity;
}

const identities = new Map<string, string>();
