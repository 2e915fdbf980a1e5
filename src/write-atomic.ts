// Outputs are written to a temporary file beside the target and renamed over it, so a failed run
// never leaves a half-written file and a reader never sees one.
import { existsSync, linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

export interface WriteOptions {
  /** Replace an existing file. With false an existing file is left untouched and an `EEXIST` error thrown. Default true. */
  overwrite?: boolean;
}

export function writeAtomic(file: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, content);
    if (options.overwrite === false) publishNew(tmp, file);
    else renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** A hard link fails when the target exists, so checking and creating are one step; no race. */
function publishNew(tmp: string, file: string): void {
  try {
    linkSync(tmp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code ?? '')) throw error;
    // A file system without hard links: check, then rename (a narrow race is the best it allows).
    if (existsSync(file)) throw Object.assign(new Error(`EEXIST: file already exists, '${file}'`), { code: 'EEXIST', path: file });
    renameSync(tmp, file);
    return;
  }
  rmSync(tmp, { force: true });
}
