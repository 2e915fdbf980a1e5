// A data file from disk: refused unread when too large, findings (not exceptions) when it cannot be read.
import { readFileSync, statSync } from 'node:fs';
import { loadBytes, MAX_SOURCE_BYTES, tooLarge, type Loaded } from './load.js';

export function loadFile(file: string): Loaded {
  let bytes: Uint8Array;
  try {
    // Size first, so that a huge file is refused without being read.
    if (statSync(file).size > MAX_SOURCE_BYTES) return { file, source: '', findings: [tooLarge(file)] };
    bytes = readFileSync(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? `找不到数据文件。 No such file: ${file}`
      : code === 'EISDIR' ? `这是一个目录，不是数据文件。 ${file} is a directory.`
      : `无法读取数据文件。 Cannot read ${file}: ${(cause as Error).message}`;
    return { file, source: '', findings: [{ code: 'READ_ERROR', severity: 'error', message, path: '', file }] };
  }
  return loadBytes(bytes, file);
}
