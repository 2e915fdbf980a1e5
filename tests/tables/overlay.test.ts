// tables.yaml in layers (src/tables/overlay.ts): a folder's file changes a table key by key, adds a
// table by a new id, picks the set with `order`; a full copy of the bundled file changes nothing; a
// mistake is reported in the file that made it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, loadTemplates } from '../../src/index.js';
import { loadTableLayouts, tableLayout, TableLayoutError } from '../../src/tables/index.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function folder(tables: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-tables-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'tables.yaml'), tables);
  return dir;
}

const bundled = loadTableLayouts();

describe('a tables.yaml over the bundled one', () => {
  it('changes only the keys it gives: a new title keeps the header, columns and rows', () => {
    const layouts = loadTableLayouts(folder('tables:\n  - { id: t2, title: 收入总表 }\n'));
    const t2 = tableLayout(layouts, 't2');
    expect(t2.title).toBe('收入总表');
    expect({ ...t2, title: '' }).toEqual({ ...tableLayout(bundled, 't2'), title: '' });
    expect(layouts.tables.map((t) => t.id)).toEqual(bundled.tables.map((t) => t.id));
    expect(layouts.meta).toEqual(bundled.meta);
  });

  it('merges mappings at any depth and replaces lists whole', () => {
    const layouts = loadTableLayouts(folder("tables:\n  - id: performance\n    body: { fields: { funds: '资金（{unit}）' } }\n  - id: t10\n    variants: [三公表]\n"));
    const perf = tableLayout(layouts, 'performance');
    expect(perf.body.fields).toEqual({ ...tableLayout(bundled, 'performance').body.fields, funds: '资金（{unit}）' });
    expect(perf.body.kind).toBe('performance');
    expect(tableLayout(layouts, 't10').variants).toEqual(['三公表']);
  });

  it('adds a table by a new id, and `order` picks and orders the set', () => {
    const layouts = loadTableLayouts(folder([
      'order: [t3, extra, t1]',
      'tables:',
      '  - id: extra',
      '    no: 2',
      '    title: 附加表',
      '    header: [[项目, 金额]]',
      '    columns: [{ key: name, kind: name }, { key: amount, kind: amount }]',
      '    body: { kind: items, rows: [{ key: a, label: 甲, level: 1 }], total: { label: 合计 } }',
      '',
    ].join('\n')));
    expect(layouts.tables.map((t) => t.id)).toEqual(['t3', 'extra', 't1']);
    expect(tableLayout(layouts, 'extra').no).toBe(2);
  });

  it('a full copy of the bundled file changes nothing (the way before layers)', () => {
    const dir = folder(readFileSync(join(DEFAULT_TEMPLATES, 'tables.yaml'), 'utf8'));
    expect({ ...loadTableLayouts(dir), file: '' }).toEqual({ ...bundled, file: '' });
  });

  it('three layers: --templates over a profile over the bundled file', () => {
    const profile = folder('order: [t1, t2]\ntables:\n  - { id: t2, title: 收入总表 }\n');
    const over = folder('tables:\n  - { id: t2, no: 9 }\n');
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-profile-'));
    dirs.push(dir);
    cpSync(profile, dir, { recursive: true });
    const { tables } = loadTemplates({ profile: dir, templates: over }).tables;
    expect(tables.map((t) => [t.id, t.no, t.title])).toEqual([['t1', 1, '单位收支总体情况表'], ['t2', 9, '收入总表']]);
  });

  it.each([
    ['an unknown id in order', 'order: [t1, t99]\n', /tables\.yaml: order: no table t99/],
    ['an unknown key', 'tabels: []\n', /tables\.yaml: tabels: unknown key/],
    ['an entry without an id', 'tables:\n  - { title: X }\n', /tables\.yaml: tables\[0\]: expected a mapping with an id/],
    ['a new table that is not complete', 'tables:\n  - { id: new, title: X }\n', /tables\.yaml: new\.columns: no columns/],
  ])('names the overlay file for %s', (_, text, message) => {
    const dir = folder(text);
    expect(() => loadTableLayouts(dir)).toThrow(TableLayoutError);
    expect(() => loadTableLayouts(dir)).toThrow(new RegExp(`${dir}/${message.source}`));
  });
});
