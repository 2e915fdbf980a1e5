// Write failures in the user's words: every system error a write can meet names the output the user
// asked for, in Chinese then English, never a hidden temporary file. (EROFS, ENOSPC and EACCES cannot
// be provoked here without privileges the test suite should not need; tests/build-outputs.test.ts
// provokes EISDIR, EEXIST and ENOTDIR through the command line.)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputError, OutputError, replaceTogether } from '../src/write-atomic.js';

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

describe('replaceTogether', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'yusuan-write-'));
  const unit = (dir: string, text: string) => ['md', 'html', 'txt'].map((ext) => ({ path: join(dir, `unit.${ext}`), content: `${ext}:${text}` }));
  const files = (dir: string) => readdirSync(dir).sort();

  it('replaces every output and leaves no temporary or kept file', () => {
    const dir = folder();
    replaceTogether(unit(dir, 'one'));
    replaceTogether(unit(dir, 'two'));
    expect(files(dir)).toEqual(['unit.html', 'unit.md', 'unit.txt']);
    expect(readFileSync(join(dir, 'unit.md'), 'utf8')).toBe('md:two');
  });

  it('writes content given in pieces one after another', () => {
    const dir = folder();
    const pieces = [Buffer.from('<html>'), Buffer.alloc(0), Buffer.from('字'.repeat(100_000)), new Uint8Array([0x0a])];
    replaceTogether([{ path: join(dir, 'unit.html'), content: pieces }]);
    expect(readFileSync(join(dir, 'unit.html'))).toEqual(Buffer.concat(pieces));
  });

  it('makes a folder again that was removed after an earlier write into it', () => {
    const dir = join(folder(), 'out');
    replaceTogether(unit(dir, 'one'));
    rmSync(dir, { recursive: true });
    replaceTogether(unit(dir, 'two'));
    expect(readFileSync(join(dir, 'unit.txt'), 'utf8')).toBe('txt:two');
  });

  it('names the folder when a file has taken its place since an earlier write, and writes nothing', () => {
    const parent = folder();
    const dir = join(parent, 'out');
    replaceTogether(unit(dir, 'one'));
    rmSync(dir, { recursive: true });
    writeFileSync(dir, 'not a folder');
    expect(() => replaceTogether(unit(dir, 'two'))).toThrow(`无法创建输出文件夹 ${dir}`);
    expect(files(parent)).toEqual(['out']);
  });

  it('leaves every earlier output as it was when one cannot be replaced', () => {
    const dir = folder();
    replaceTogether(unit(dir, 'one'));
    rmSync(join(dir, 'unit.txt'));
    mkdirSync(join(dir, 'unit.txt'));
    expect(() => replaceTogether(unit(dir, 'two'))).toThrow(OutputError);
    expect(readFileSync(join(dir, 'unit.md'), 'utf8')).toBe('md:one');
    expect(readFileSync(join(dir, 'unit.html'), 'utf8')).toBe('html:one');
    expect(files(dir)).toEqual(['unit.html', 'unit.md', 'unit.txt']);
  });
});
