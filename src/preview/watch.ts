// Watches the files a preview is built from. Editors save by writing a new file and renaming it over
// the old one, which ends a watch on the file itself; so each folder is watched and an event counts
// when it names one of the files (or, for a template folder, any file). node:fs.watch is enough for
// a handful of folders; a burst of events (write, rename, chmod) becomes one call after `debounceMs`.
import { watch, type FSWatcher } from 'node:fs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A folder to watch: only events naming one of `names`, or every event when `names` is absent. */
export interface WatchTarget {
  dir: string;
  names?: readonly string[];
}

export interface Watcher {
  /** Watch these folders from now on (folders no longer named are let go). */
  update(targets: readonly WatchTarget[]): void;
  close(): void;
}

/** A folder and every folder under it, each to be watched for any file (a template folder). */
export function folderTargets(dir: string): WatchTarget[] {
  const dirs = [dir];
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory() && !entry.name.startsWith('.')) dirs.push(...folderTargets(join(dir, entry.name)).map((t) => t.dir));
  } catch {
    // A folder removed while we looked: the next change brings a new list.
  }
  return dirs.map((d) => ({ dir: d }));
}

/** Targets on one folder merged: any target without names makes the folder's every event count. */
function merge(targets: readonly WatchTarget[]): Map<string, Set<string> | undefined> {
  const byDir = new Map<string, Set<string> | undefined>();
  for (const t of targets) {
    const had = byDir.get(t.dir);
    if (byDir.has(t.dir) && had === undefined) continue;
    if (!t.names) byDir.set(t.dir, undefined);
    else byDir.set(t.dir, new Set([...(had ?? []), ...t.names]));
  }
  return byDir;
}

export function watchFiles(targets: readonly WatchTarget[], onChange: () => void, debounceMs = 60): Watcher {
  const watchers = new Map<string, FSWatcher>();
  let wanted = new Map<string, Set<string> | undefined>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const fire = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!closed) onChange();
    }, debounceMs);
  };

  const update = (next: readonly WatchTarget[]): void => {
    if (closed) return;
    wanted = merge(next);
    for (const [dir, w] of watchers)
      if (!wanted.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    for (const dir of wanted.keys()) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, { persistent: true }, (_event, name) => {
          const names = wanted.get(dir);
          // Linux always names the file; elsewhere a nameless event may be ours.
          if (names === undefined || name === null || names.has(String(name))) fire();
        });
        // A watched folder that is removed reports an error: stop watching it rather than crash.
        w.on('error', () => {
          w.close();
          watchers.delete(dir);
        });
        watchers.set(dir, w);
      } catch {
        // The folder does not exist (yet): the data file's own findings say what is missing.
      }
    }
  };

  update(targets);
  return {
    update,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
