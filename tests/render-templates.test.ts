// A broken replacement template is reported in the file it is in, with line and column, in Chinese
// and English: a syntax error, an unknown value or helper, a missing partial, a partial that
// includes itself (a bounded, named error, not "Maximum call stack size exceeded").
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compute, DEFAULT_TEMPLATES, loadText, loadTemplates, render } from '../src/index.js';
import { TemplateError } from '../src/render/index.js';
import { REFERENCE_DATA } from './helpers/reference.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const view = compute(loadText(readFileSync(REFERENCE_DATA, 'utf8'), REFERENCE_DATA).data!);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the bundled templates with one file changed. */
function broken(file: string, change: (source: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-templates-'));
  dirs.push(dir);
  cpSync(DEFAULT_TEMPLATES, dir, { recursive: true });
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

function errorOf(dir: string): TemplateError {
  try {
    render(view, loadTemplates(dir));
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }
  throw new Error('rendered without an error');
}

describe('template errors name the file, line and column they are in', () => {
  const cases: [string, string, (s: string) => string, { line?: number; column?: number; zh: RegExp; en: RegExp }][] = [
    ['an unclosed block in a partial', 'partials/part2.md.hbs', (s) => s.replace(/\n/, '\n{{#if unit.name}}\n'), { line: 29, column: 1, zh: /模板语法错误.*无法解析/, en: /Template syntax error.*Expecting/ }],
    ['a stray closing tag in a nested partial', 'partials/part3/change.hbs', (s) => `x {{/if}}\n${s}`, { line: 1, column: 3, zh: /模板语法错误/, en: /Template syntax error/ }],
    ['a mismatched block in the document', 'document.md.hbs', (s) => `${s}\n{{#each x}}{{/if}}\n`, { line: 11, zh: /不匹配/, en: /each doesn't match if/ }],
    ['an unknown value in a table partial', 'partials/tables/t7.hbs', (s) => s.replace('{{project}}', '{{projet}}'), { line: 12, column: 242, zh: /“projet”未定义/, en: /"projet" not defined/ }],
    ['an unknown helper in a nested partial', 'partials/part3/change.hbs', (s) => `{{nohelper 1}}${s}`, { line: 1, column: 3, zh: /“nohelper”未定义/, en: /"nohelper" not defined/ }],
    ['an unknown value in the layout', 'layout.html.hbs', (s) => s.replace('<title>{{unit.name}}', '<title>{{unit.nam}}'), { line: 6, column: 10, zh: /“nam”未定义/, en: /"nam" not defined/ }],
    ['a missing partial', 'partials/signature.md.hbs', (s) => `${s}{{> nowhere}}`, { zh: /找不到局部模板 nowhere/, en: /The partial nowhere could not be found/ }],
    ['a partial that includes itself', 'partials/part4.md.hbs', (s) => `${s}{{> part4}}`, { zh: /嵌套超过 50 层.*part4 → part4/, en: /partials nest more than 50 deep/ }],
  ];

  it.each(cases)('%s', (_, file, change, expected) => {
    const dir = broken(file, change);
    const error = errorOf(dir);
    expect(error.file).toBe(join(dir, file));
    expect(error.line).toBe(expected.line);
    if (expected.column !== undefined) expect(error.column).toBe(expected.column);
    expect(error.message).toMatch(expected.zh);
    expect(error.message).toMatch(expected.en);
    expect(error.message).toContain(expected.line === undefined ? join(dir, file) : `${join(dir, file)}:${expected.line}:`);
    expect(error.message).not.toContain('Maximum call stack');
    if (file !== 'document.md.hbs') expect(error.message).not.toContain('document.md.hbs');
  });

  it('the bundled templates nest partials far less deep than the bound', () => {
    expect(() => render(view)).not.toThrow();
  });

  it('yusuan build --templates: the file and position, exit 1, no stack trace', () => {
    const dir = broken('partials/part3/change.hbs', (s) => `{{nohelper 1}}${s}`);
    const out = mkdtempSync(join(tmpdir(), 'yusuan-templates-out-'));
    dirs.push(out);
    const run = spawnSync(process.execPath, [join(root, 'bin/yusuan.js'), 'build', REFERENCE_DATA, '--templates', dir, '--out', out, '--format', 'md'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${join(dir, 'partials/part3/change.hbs')}:1:3`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
