// Outputs are written to temporary files beside their targets and renamed over them, so a failed
// run never leaves a half-written file and a reader never sees one. The formats of one unit (md,
// html, pdf, txt) are replaced together or not at all: every temporary file is written first, the
// old files are kept as hard links, and when any rename fails the ones already done are undone.
// Temporary names are `.<name>.<pid>.<ms>.tmp` (and `.old` for the kept files); one left by a
// process that no longer runs (killed with SIGKILL, a power cut) is removed by the next write there.
import { closeSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync, writevSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface WriteOptions {
  /** Replace an existing file. With false an existing file is left untouched and an `EEXIST` error thrown. Default true. */
  overwrite?: boolean;
}

/**
 * A write that failed, worded for the user: the path is the output they asked for (never a
 * temporary file), the message bilingual. `code` is the system's (EROFS, ENOSPC, …).
 */
export class OutputError extends Error {
  override name = 'OutputError';
  constructor(
    message: string,
    readonly code: string,
    readonly path: string,
    options?: { cause?: unknown; unrestored?: string[] },
  ) {
    super(message, options);
    this.unrestored = options?.unrestored ?? [];
  }
  /** Outputs that were replaced and could not be put back (empty: every output is as it was). */
  readonly unrestored: string[];
}

const REASONS: Record<string, [string, string]> = {
  EROFS: ['所在文件系统为只读', 'the file system is read-only'],
  EACCES: ['没有写入权限', 'permission denied'],
  EPERM: ['不允许修改（没有权限，或文件被设为不可更改）', 'not permitted (no permission, or the file is immutable)'],
  EEXIST: ['已存在同名文件', 'a file of that name exists'],
  ENOSPC: ['磁盘空间已满', 'the disk is full'],
  EDQUOT: ['超出磁盘配额', 'the disk quota is exceeded'],
  EISDIR: ['该路径是一个文件夹', 'it is a folder'],
  ENOENT: ['路径中的文件夹不存在', 'a folder on its path does not exist'],
  ENOTDIR: ['路径中有一项不是文件夹', 'part of its path is not a folder'],
  ENAMETOOLONG: ['文件名过长', 'the name is too long'],
  EMFILE: ['打开的文件过多', 'too many open files'],
  EIO: ['磁盘读写错误', 'an I/O error'],
};

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? 'UNKNOWN';
}

/** `verb` is what was being done to `path`, as 写出 / write or 创建文件夹 / create the folder. */
export function outputError(error: unknown, path: string, verb: [string, string] = ['写出', 'write']): OutputError {
  if (error instanceof OutputError) return error;
  const code = codeOf(error);
  const [zh, en] = REASONS[code] ?? [`系统错误 ${code}`, `system error ${code}`];
  return new OutputError(`无法${verb[0]} ${path}：${zh}。 Cannot ${verb[1]} ${path}: ${en}.`, code, path, { cause: error });
}

const TEMP = /^\.(.+)\.(\d+)\.(\d+)\.(?:tmp|old)$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return codeOf(error) === 'EPERM';
  }
}

/** Removes yusuan's temporary files in `dir` whose writing process no longer runs. Never throws. */
export function removeStaleTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = TEMP.exec(name);
    if (!match || alive(Number(match[2]))) continue;
    try {
      if (lstatSync(join(dir, name)).isFile()) rmSync(join(dir, name), { force: true });
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
}

let sequence = 0;
function temporaryName(file: string, kind: 'tmp' | 'old'): string {
  // Date.now() alone repeats within a millisecond; the sequence keeps names of one process apart.
  return join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now() + sequence++}.${kind}`);
}

/** Folders whose stale temporaries this process has removed: once is enough (a batch of 300 units read `out/` 300 times). */
const cleaned = new Set<string>();

function prepareFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw outputError(error, dir, ['创建输出文件夹', 'create the output folder']);
  }
  if (cleaned.has(dir)) return;
  removeStaleTemporaries(dir);
  cleaned.add(dir);
}

export interface Output {
  path: string;
  /** The file's content; a list of pieces is written one after another (a page and its fonts, uncopied). */
  content: string | Uint8Array | readonly Uint8Array[];
}

/** writeFileSync, taking the content in pieces too. */
function writeContent(file: string, content: Output['content']): void {
  if (typeof content === 'string' || !Array.isArray(content)) return writeFileSync(file, content as string | Uint8Array);
  const fd = openSync(file, 'w', 0o666);
  try {
    let pieces = content as readonly Uint8Array[];
    while (pieces.length > 0) {
      let written = writevSync(fd, pieces as NodeJS.ArrayBufferView[]);
      // A short write: go on from where it stopped.
      let done = 0;
      while (done < pieces.length && written >= pieces[done]!.byteLength) written -= pieces[done++]!.byteLength;
      pieces = done < pieces.length ? [pieces[done]!.subarray(written), ...pieces.slice(done + 1)] : [];
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces every file of `outputs` or none: on failure each target is as it was (or absent, if it
 * was), and an OutputError names the output that could not be written.
 */
export function replaceTogether(outputs: readonly Output[]): void {
  // A folder this process has made ready is not made again for every unit of a batch: if it has
  // gone or changed since, the first write into it fails, and it is made ready then (below).
  const ready = new Set<string>();
  for (const dir of new Set(outputs.map((o) => dirname(o.path)))) {
    if (cleaned.has(dir)) continue;
    prepareFolder(dir);
    ready.add(dir);
  }
  const staged: { path: string; tmp: string; old?: string }[] = [];
  const renamed: typeof staged = [];
  try {
    for (const { path, content } of outputs) {
      const entry = { path, tmp: temporaryName(path, 'tmp') };
      staged.push(entry);
      try {
        writeContent(entry.tmp, content);
      } catch (error) {
        const dir = dirname(path);
        if (ready.has(dir)) throw outputError(error, path);
        // As if the folder had been made ready first: its own error (a file in its place), else a second try.
        prepareFolder(dir);
        ready.add(dir);
        try {
          writeContent(entry.tmp, content);
        } catch (again) {
          throw outputError(again, path);
        }
      }
    }
    for (const entry of staged) entry.old = keepOld(entry.path);
    for (const entry of staged) {
      try {
        renameSync(entry.tmp, entry.path);
      } catch (error) {
        throw outputError(error, entry.path);
      }
      renamed.push(entry);
    }
  } catch (error) {
    const unrestored = rollBack(renamed);
    if (unrestored.length === 0) throw error;
    const failed = error as OutputError;
    throw new OutputError(
      `${failed.message} 另有 ${unrestored.join('、')} 未能恢复为原来的内容。 ${unrestored.join(', ')} could not be restored to the earlier content.`,
      failed.code,
      failed.path,
      { cause: error, unrestored },
    );
  } finally {
    // A renamed temporary file is gone already; the others, and the kept old files, are removed.
    for (const entry of staged) {
      if (!renamed.includes(entry)) removeFile(entry.tmp);
      if (entry.old) removeFile(entry.old);
    }
  }
}

/** Removes a file of ours (a temporary or a kept old file); one that is not there (or whose folder is not) is fine. */
function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT' && codeOf(error) !== 'ENOTDIR') throw error;
  }
}

/** A second name for the file at `path` (a hard link, or a copy where links are not allowed); undefined when there is none to keep. */
function keepOld(path: string): string | undefined {
  let isFolder: boolean;
  try {
    // No file yet (a first build): undefined, without the cost of an error thrown and caught.
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat === undefined) return undefined;
    isFolder = stat.isDirectory();
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw outputError(error, path);
  }
  // A folder cannot be kept, and the rename over it will fail: nothing to undo for it.
  if (isFolder) return undefined;
  const old = temporaryName(path, 'old');
  try {
    linkSync(path, old);
  } catch {
    try {
      copyFileSync(path, old);
    } catch (error) {
      throw outputError(error, path);
    }
  }
  return old;
}

/** Puts back what the renames replaced, newest first; returns the paths that could not be. */
function rollBack(renamed: readonly { path: string; old?: string }[]): string[] {
  const failed: string[] = [];
  for (const { path, old } of [...renamed].reverse()) {
    try {
      if (old) renameSync(old, path);
      else rmSync(path, { force: true });
    } catch {
      failed.push(path);
    }
  }
  return failed;
}

/** One file, atomically; with `overwrite: false` never replacing an existing one. */
export function writeAtomic(file: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  if (options.overwrite !== false) return replaceTogether([{ path: file, content }]);
  prepareFolder(dirname(file));
  const tmp = temporaryName(file, 'tmp');
  try {
    writeFileSync(tmp, content);
    publishNew(tmp, file);
  } catch (error) {
    throw outputError(error, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** A hard link fails when the target exists, so checking and creating are one step; no race. */
function publishNew(tmp: string, file: string): void {
  try {
    linkSync(tmp, file);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'EEXIST' || !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code)) throw error;
    // A file system without hard links: check, then rename (a narrow race is the best it allows).
    if (existsSync(file)) throw Object.assign(new Error(`EEXIST: file already exists, '${file}'`), { code: 'EEXIST', path: file });
    renameSync(tmp, file);
  }
}
