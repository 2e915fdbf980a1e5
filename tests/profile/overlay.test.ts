// A template folder (--templates, or a profile) holds only the files it changes: every other file
// comes from the bundled templates; an error names the file it is really in — the overlay's when
// the overlay provides it, the bundled one otherwise. A profile is named or given as a folder, and
// --templates layers over it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compute, DEFAULT_TEMPLATES, loadText, loadTemplates, ProfileError, profileNames, render } from '../../src/index.js';
import { TemplateError } from '../../src/render/index.js';
import { REFERENCE_DATA } from '../helpers/reference.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const view = compute(loadText(readFileSync(REFERENCE_DATA, 'utf8'), REFERENCE_DATA).data!);
const plain = render(view);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A folder holding only the given files. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-overlay-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const bundled = (file: string) => readFileSync(join(DEFAULT_TEMPLATES, file), 'utf8');
const CHANGE = 'partials/part3/change.hbs';
/** The worked change of the README: 比上年预算 … → 同比 … wording, in one partial. */
const TONGBI = '{{#if isNew}}{{zeroPrior delta}}{{else}}同比{{#if up}}增加{{else}}减少{{/if}} {{amount delta}} {{currency}}，{{#if up}}增长{{else}}下降{{/if}} {{pct pct}}%{{/if}}';

function errorOf(run: () => unknown): TemplateError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }
  throw new Error('rendered without an error');
}

describe('a template folder holds only the files it changes', () => {
  it('an empty folder renders the bundled templates, byte for byte', () => {
    expect(render(view, loadTemplates(folder({})))).toEqual(plain);
  });

  it('one partial changed: exactly the sentences it words change; every other file is the bundled one', () => {
    const dir = folder({ [CHANGE]: TONGBI });
    const set = loadTemplates(dir);
    expect(set.partialFiles['part3/change']).toBe(join(dir, CHANGE));
    expect(set.partialFiles['part3/share-change']).toBe(join(DEFAULT_TEMPLATES, 'partials/part3/share-change.hbs'));
    expect(set.files.document).toBe(join(DEFAULT_TEMPLATES, 'document.md.hbs'));
    const { markdown } = render(view, set);
    const before = plain.markdown.split('\n');
    const after = markdown.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i]));
    expect(changed.length).toBeGreaterThan(5);
    for (const i of changed) expect(after[i]).toBe(before[i]!.replace(/(增加|减少) (\d)/g, '同比$1 $2'));
    expect(markdown).toContain('一般公共预算 335.37 万元，占 100.00%，比上年预算同比减少 6.23 万元，下降 1.82%');
  });

  it('a syntax error in the overlay names the overlay file, line and column', () => {
    const dir = folder({ [CHANGE]: `x {{/if}}\n${bundled(CHANGE)}` });
    const error = errorOf(() => render(view, loadTemplates(dir)));
    expect(error.file).toBe(join(dir, CHANGE));
    expect([error.line, error.column]).toEqual([1, 3]);
    expect(error.message).toMatch(/模板语法错误.*Template syntax error/);
  });

  it('an error in a bundled partial the overlay calls wrongly names the bundled file', () => {
    // The overlay's part4 includes the bundled staffing partial with a context that has no `abs`.
    const dir = folder({ 'partials/part4.md.hbs': `${bundled('partials/part4.md.hbs')}{{> part1/staff-change unit}}` });
    const error = errorOf(() => render(view, loadTemplates(dir)));
    expect(error.file).toBe(join(DEFAULT_TEMPLATES, 'partials/part1/staff-change.hbs'));
    expect(error.message).toMatch(/“abs”未定义.*"abs" not defined/);
  });

  it('an unknown value in an overlaid document names the overlay document', () => {
    const dir = folder({ 'document.md.hbs': '{{> part1}}\n\n{{unit.nam}}\n' });
    const error = errorOf(() => render(view, loadTemplates(dir)));
    expect(error.file).toBe(join(dir, 'document.md.hbs'));
    expect(error.line).toBe(3);
  });
});

describe('profiles', () => {
  it('are named (the bundled ones) or given as a folder; default is the bundled templates', () => {
    expect(profileNames()).toEqual(expect.arrayContaining(['default', 'yuan']));
    expect(render(view, loadTemplates({ profile: 'default' }))).toEqual(plain);
    expect(loadTemplates({ profile: 'yuan' }).profile).toMatchObject({ unit: '元', thousands: ',', decimals: { amount: 2, rate: 2 } });
    expect(() => loadTemplates({ profile: 'nosuch' })).toThrow(ProfileError);
    expect(() => loadTemplates({ profile: 'nosuch' })).toThrow(/找不到配置 nosuch.*default、ten-tables、yuan/);
  });

  it('--templates layers over the profile: its files win, its settings override key by key', () => {
    const profile = folder({ 'profile.yaml': 'unit: 元\ntrim_zeros: true\n', [CHANGE]: '{{amount delta}}' });
    const over = folder({ 'profile.yaml': 'trim_zeros: false\n', [CHANGE]: TONGBI });
    const set = loadTemplates({ profile, templates: over });
    expect(set.layers).toEqual([over, profile, DEFAULT_TEMPLATES.replace(/\/$/, '')]);
    expect(set.partialFiles['part3/change']).toBe(join(over, CHANGE));
    expect(set.profile).toMatchObject({ unit: '元', trim_zeros: false });
    expect(render(view, set).markdown).toContain('一般公共预算 3353700.00 元，占 100.00%，比上年预算同比减少 62300.00 元，下降 1.82%');
  });

  it('a bad setting names profile.yaml with its line and column, in Chinese and English', () => {
    const dir = folder({ 'profile.yaml': 'unit: 万元\ndecimals:\n  amount: 9\n' });
    expect(() => loadTemplates({ profile: dir })).toThrow(`配置项 decimals.amount 应为 0 至 6 的整数：${join(dir, 'profile.yaml')}:3:11`);
    expect(() => loadTemplates(folder({ 'profile.yaml': 'units: 元\n' }))).toThrow(/配置项 units 未知.*Setting units in .*profile\.yaml:1:1: unknown/);
    expect(() => loadTemplates(folder({ 'profile.yaml': 'zero_prior: 新增\n' }))).toThrow(/expected text with \{amount\}/);
  });

  it('yusuan build --profile NAME|DIR: the profile shapes every output; an unknown one is exit 1 with the bundled names', () => {
    const out = folder({});
    const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/yusuan.js'), 'build', REFERENCE_DATA, '--out', out, ...args], { encoding: 'utf8' });
    const ok = run('--profile', 'yuan', '--format', 'md');
    expect(ok.status).toBe(0);
    expect(readFileSync(join(out, '2024-info-center.md'), 'utf8')).toContain('收支总预算 3,353,700.00 元。');
    const bad = run('--profile', 'nosuch', '--format', 'md');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/找不到配置 nosuch.*No profile nosuch: the bundled ones are default, ten-tables, yuan/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
