// Write failures in the user's words: every system error a write can meet names the output the user
// asked for, in Chinese then English, never a hidden temporary file. (EROFS, ENOSPC and EACCES cannot
// be provoked here without privileges the test suite should not need; tests/build-outputs.test.ts
// provokes EISDIR, EEXIST and ENOTDIR through the command line.)
import { describe, expect, it } from 'vitest';
import { outputError, OutputError } from '../src/write-atomic.js';

const reasons: [string, string, string][] = [
  ['EROFS', '所在文件系统为只读', 'the file system is read-only'],
  ['EACCES', '没有写入权限', 'permission denied'],
  ['EPERM', '不允许修改（没有权限，或文件被设为不可更改）', 'not permitted (no permission, or the file is immutable)'],
  ['EEXIST', '已存在同名文件', 'a file of that name exists'],
  ['ENOSPC', '磁盘空间已满', 'the disk is full'],
  ['EISDIR', '该路径是一个文件夹', 'it is a folder'],
  ['ENOENT', '路径中的文件夹不存在', 'a folder on its path does not exist'],
  ['ENOTDIR', '路径中有一项不是文件夹', 'part of its path is not a folder'],
];

describe('outputError', () => {
  it.each(reasons)('%s names the output, bilingual', (code, zh, en) => {
    const system = Object.assign(new Error(`${code}: failed, open 'out/.data.html.123.456.tmp'`), { code, path: 'out/.data.html.123.456.tmp' });
    const error = outputError(system, 'out/data.html');
    expect(error).toBeInstanceOf(OutputError);
    expect(error).toMatchObject({ code, path: 'out/data.html', cause: system });
    expect(error.message).toBe(`无法写出 out/data.html：${zh}。 Cannot write out/data.html: ${en}.`);
    expect(error.message).not.toContain('.tmp');
  });

  it('an unknown code still names the output and the code', () => {
    const error = outputError(Object.assign(new Error('x'), { code: 'EXDEV' }), 'out/data.pdf');
    expect(error.message).toBe('无法写出 out/data.pdf：系统错误 EXDEV。 Cannot write out/data.pdf: system error EXDEV.');
  });
});
