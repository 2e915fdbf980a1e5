// Rounding notes name the figures the document shows: in the profile's unit and decimals. A cent's
// rounding in 万元 is none in 元 (two decimals of 元 hold every figure the data may give), and a
// profile that rounds coarser than the data has notes of its own. `check --profile` and `build
// --profile` give the same notes. Whether a change shows (and so needs its reason) is the profile's too.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check/index.js';
import { produce } from '../../src/document.js';
import type { Finding } from '../../src/findings.js';
import { loadFile } from '../../src/load/read.js';
import { loadProfile, templateLayers } from '../../src/profile/index.js';
import { loadTableLayouts } from '../../src/tables/index.js';
import { ensureBuilt, yusuan } from '../draft/built-cli.js';
import { ROOT } from '../draft/helpers.js';

const SCHOOL = join(ROOT, 'tests/fixtures/golden/ten-tables-school/data.yaml');
const dir = mkdtempSync(join(tmpdir(), 'yusuan-notes-unit-'));

/** The school's data with three 301 款 changed as `to` says; their exact sum (697.20, of 1006.38 in all) is unchanged. */
function school(name: string, to: Record<string, string>): string {
  let text = readFileSync(SCHOOL, 'utf8');
  for (const [code, value] of Object.entries(to)) {
    const before = text;
    text = text.replace(new RegExp(`^( {2}${code}): [\\d.]+`, 'm'), `$1: ${value}`);
    if (text === before) throw new Error(`no ${code} in the school's data`);
  }
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
}

// 312.40 + 86.20 + 298.60: in 万元 the three 款 show 312.40, 86.20, 298.59, the 301 款 add up to 1006.37
// under a 301 of 1006.38; in 元 every figure is whole (3,124,040.00 …), so there is nothing to note.
const WAN = school('wan', { 30101: '312.404', 30102: '86.204', 30107: '298.592' });
// 0.4 元, 0.4 元 and -0.8 元 off whole yuan: in 元 with no decimals 3,124,000 + 862,000 + 2,985,999 + …
// = 10,063,799 under a 301 of 10,063,800; in 万元 with two decimals nothing to note.
const YUAN = school('yuan', { 30101: '312.40004', 30102: '86.20004', 30107: '298.59992' });
// A profile in whole 元 over the ten-tables profile.
const WHOLE = join(dir, 'whole-yuan');
mkdirSync(WHOLE);
writeFileSync(join(WHOLE, 'profile.yaml'), 'decimals: { amount: 0 }\n');
const notes = (findings: readonly Finding[]) => findings.filter((f) => f.code === 'ROUNDING_NOTE').map((f) => f.message);
const profile = (source: { profile?: string; templates?: string }) => loadProfile(templateLayers(source));
const tables = (source: { profile?: string; templates?: string }) => loadTableLayouts(templateLayers(source));
// 三公 0.004 + 0.804 + 1.20 = 2.008 (see 'notes name the tables of the document’s set').
const THREE_PUBLIC = join(dir, 'three-public.yaml');
writeFileSync(THREE_PUBLIC, readFileSync(SCHOOL, 'utf8').replace('  overseas: {}', '  overseas: { general: 0.004 }').replace('reception: { general: 0.80 }', 'reception: { general: 0.804 }'));
// The ten-tables set in 万元.
const TEN_WAN = join(dir, 'ten-tables-wan');
mkdirSync(TEN_WAN);
writeFileSync(join(TEN_WAN, 'profile.yaml'), 'unit: 万元\nthousands: ""\n');

beforeAll(() => ensureBuilt(), 120_000);

describe('rounding notes in the profile’s unit', () => {
  it('a cent of 万元 rounding is noted with the default profile, in 万元', () => {
    const found = notes(check(loadFile(WAN)));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('表 6“301 工资福利支出”行的合计、人员经费列显示 1006.38，其下各行显示数之和为 1006.37');
    expect(found[0]).toContain('30107 绩效工资 298.59');
    expect(found[0]).toContain('（精确数 1006.38）');
  });

  it('with ten-tables (元, two decimals) the 万元 note is gone: every 元 cell is exact', () => {
    expect(notes(check(loadFile(WAN), { profile: profile({ profile: 'ten-tables' }) }))).toEqual([]);
    expect(notes(check(loadFile(SCHOOL), { profile: profile({ profile: 'ten-tables' }) }))).toEqual([]);
  });

  it('a profile in whole 元 notes what it shows, in 元 with separators, and not the 万元 figures', () => {
    expect(notes(check(loadFile(YUAN)))).toEqual([]);
    const found = notes(check(loadFile(YUAN), { profile: profile({ profile: 'ten-tables', templates: WHOLE }) }));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('行的合计、人员经费列显示 10,063,800，其下各行显示数之和为 10,063,799（30101 基本工资 3,124,000 + 30102 津贴补贴 862,000 + 30107 绩效工资 2,985,999');
    expect(found[0]).toContain('（精确数 10063800.00 元）');
    expect(found[0]).not.toContain('1006.38');
  });

  it('build reports the notes check reports, for the same profile', () => {
    let compared = 0;
    for (const source of [{}, { profile: 'ten-tables' }, { profile: 'ten-tables', templates: WHOLE }, { profile: 'ten-tables', templates: TEN_WAN }])
      for (const file of [WAN, YUAN, THREE_PUBLIC]) {
        const built = produce(file, { profile: source.profile, templatesDir: source.templates });
        // (THREE_PUBLIC's new 0.004 of 因公出国 needs a reason in 元: an error, and no document.)
        if (!built.document) continue;
        const checked = notes(check(loadFile(file), { profile: profile(source), tables: tables(source) }));
        expect(notes(built.findings)).toEqual(checked);
        compared += checked.length;
      }
    expect(compared).toBeGreaterThanOrEqual(5);
  });
});

describe('notes name the tables of the document’s set', () => {
  // 三公 0.004 + 0.804 + 1.20 = 2.008: 表 10's 总计 shows 2.01 over 0.00 + 0.80 + 1.20 in 万元. The
  // ten-tables set in 万元 prints them in its 表 7 (with 会议费 and 培训费), under “三公”经费.
  const file = THREE_PUBLIC;
  const wan = TEN_WAN;

  it('the default set: 表 10', () => {
    const found = notes(check(loadFile(file)));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^表 10“总计”行的合计、一般公共预算列显示 2\.01，其下各行显示数之和为 2\.00（公务接待费 0\.80 \+ 公务用车购置及运行费 1\.20）/);
  });

  it('the ten-tables set in 万元: its 表 7, and no table it does not print', () => {
    const source = { profile: 'ten-tables', templates: wan };
    const found = notes(check(loadFile(file), { profile: profile(source), tables: tables(source) }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^表 7“‘三公’经费”行的合计、一般公共预算列显示 2\.01，其下各行显示数之和为 2\.00/);
    const wanNotes = notes(check(loadFile(WAN), { profile: profile(source), tables: tables(source) }));
    expect(wanNotes.some((n) => /表 (7|10|11)“/.test(n) && !n.includes('三公'))).toBe(false);
  });

  it('yusuan check reads the set as build does', () => {
    const run = yusuan(['check', file, '--profile', 'ten-tables', '--templates', wan]);
    expect(run.stdout).toContain('表 7“‘三公’经费”行');
    expect(run.stdout).not.toContain('表 10');
  });
});

describe('a change that shows only in 元 needs its reason', () => {
  // 会议费 0.604 → 0.60 万元: 减少 0.00 万元 in the default document, 减少 40.00 元 in ten-tables, which
  // then prints a change with no 主要原因.
  const text = readFileSync(SCHOOL, 'utf8').replace('  meeting: { general: 0.80 }', '  meeting: { general: 0.604 }').replace(/^ {2}meeting: 压减.*\n/m, '');
  const file = join(dir, 'meeting.yaml');
  writeFileSync(file, text);
  const missing = (findings: readonly Finding[]) => findings.filter((f) => f.code === 'MISSING_REASON').map((f) => f.message);

  it('none with the default profile: the change shows as 0.00 万元', () => {
    expect(missing(check(loadFile(file)))).toEqual([]);
  });

  it('one with ten-tables, naming the change in 元', () => {
    const found = missing(check(loadFile(file), { profile: profile({ profile: 'ten-tables' }) }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^reasons\.meeting 缺少增减原因：会议费 比上年减少 40\.00 元（6,040\.00 → 6,000\.00）/);
  });
});

describe('yusuan check --profile / --templates', () => {
  it('check --profile ten-tables has no 万元 note; the default profile has it', () => {
    const plain = yusuan(['check', WAN]);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('显示 1006.38，其下各行显示数之和为 1006.37');
    const yuan = yusuan(['check', WAN, '--profile', 'ten-tables']);
    expect(yuan.stderr).toBe('');
    expect(yuan.status).toBe(0);
    expect(yuan.stdout).not.toContain('ROUNDING_NOTE');
    expect(yuan.stdout).toContain('0 个提示');
  });

  it('check --templates over a profile: the note in whole 元', () => {
    const run = yusuan(['check', YUAN, '--profile', 'ten-tables', '--templates', WHOLE]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('显示 10,063,800，其下各行显示数之和为 10,063,799');
  });

  it('an unknown profile is refused by name, as build refuses it', () => {
    const run = yusuan(['check', SCHOOL, '--profile', 'no-such-profile']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('找不到配置 no-such-profile');
    expect(run.stdout).toBe('');
  });
});
