// A data file from disk: only a regular file, read no further than the size limit, so that a FIFO,
// /dev/zero or a file that grows while read can neither hang nor exhaust memory. A file that cannot
// be read is a finding worded for the user, naming the path they gave, never a bare Node error.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { loadBytes, tooLarge, type Loaded } from './load.js';
import { MAX_SOURCE_BYTES } from './limits.js';

/** Why a file could not be opened or read, by Node's error code. */
const READ_ERRORS: Record<string, [string, string]> = {
  ENOENT: ['找不到数据文件', 'No such file'],
  EISDIR: ['这是一个目录，不是数据文件', 'It is a directory, not a data file'],
  ENOTDIR: ['路径中有一级不是目录', 'A part of the path is not a directory'],
  EACCES: ['没有读取该文件的权限', 'Permission denied'],
  EPERM: ['没有读取该文件的权限', 'Operation not permitted'],
  ELOOP: ['符号链接循环', 'Too many levels of symbolic links'],
  ENAMETOOLONG: ['文件名过长', 'File name too long'],
  EMFILE: ['打开的文件过多', 'Too many open files'],
  ENFILE: ['打开的文件过多', 'Too many open files'],
  EIO: ['读取时发生输入输出错误', 'Input/output error'],
  ENXIO: ['该设备或特殊文件无法读取', 'No such device'],
};

export function readError(file: string, cause: unknown): Loaded {
  const code = (cause as NodeJS.ErrnoException).code ?? '';
  const [zh, en] = READ_ERRORS[code] ?? ['无法读取数据文件', `Cannot read the file${code ? ` (${code})` : ''}`];
  return refused(file, `${zh}：${file}。 ${en}: ${file}.`);
}

function refused(file: string, message: string): Loaded {
  return { file, source: '', findings: [{ code: 'READ_ERROR', severity: 'error', message, path: '', file }] };
}

export function loadFile(file: string): Loaded {
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO with no writer returns at once instead of waiting forever.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    return readError(file, cause);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return readError(file, { code: 'EISDIR' });
    if (!stat.isFile())
      return refused(file, `不是普通文件（如管道、设备），未读取：${file}。 Not a regular file (a pipe or a device): ${file} was not read.`);
    // Size first, so that a huge file is refused unread; then read at most one byte past the limit,
    // in case the file grew meanwhile.
    if (stat.size > MAX_SOURCE_BYTES) return { file, source: '', findings: [tooLarge(file)] };
    // The buffer starts at the size the file had and grows while the file does, up to the limit and
    // one byte: a batch of small files does not take 10 MB from the system for each.
    let buffer = Buffer.allocUnsafe(Math.min(stat.size + 1, MAX_SOURCE_BYTES + 1));
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      length += n;
      if (n === 0 || length > MAX_SOURCE_BYTES) break;
      if (length === buffer.length) {
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_SOURCE_BYTES + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
    }
    if (length > MAX_SOURCE_BYTES) return { file, source: '', findings: [tooLarge(file)] };
    return loadBytes(buffer.subarray(0, length), file);
  } catch (cause) {
    return readError(file, cause);
  } finally {
    closeSync(fd);
  }
}
