// The one table-layout definition (templates/tables.yaml): its header tiles its columns, leaf columns
// carry their labels, and workbook titles find their table.
import { describe, expect, it } from 'vitest';
import { headerHeight, leafColumns, loadTableLayouts, matchTitle, parseTableLayouts, tableLayout, TableLayoutError } from '../../src/tables/index.js';

const layouts = loadTableLayouts();

describe('tables.yaml', () => {
  it('defines tables 1–11 and the performance table, landscape where published so', () => {
    expect(layouts.tables.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 'performance']);
    expect(layouts.tables.filter((t) => t.orientation === 'landscape').map((t) => t.id)).toEqual(['t2', 't4', 't7', 't11', 'performance']);
  });

  it('gives each leaf column its key, kind, labels and ※/1/2/3 number', () => {
    const t2 = leafColumns(tableLayout(layouts, 't2'));
    expect(t2.map((c) => c.key)).toEqual([
      'cls', 'kind', 'item', 'name', 'total', 'fiscal', 'general', 'general_transfer', 'fund', 'fund_transfer',
      'state_capital', 'state_capital_transfer', 'special_account', 'unit', 'carryover_fiscal', 'carryover_nonfiscal',
    ]);
    expect(t2[0]).toEqual({ key: 'cls', kind: 'code', index: 0, labels: ['功能分类科目编码', '类'], number: '※' });
    expect(t2[3]!.labels).toEqual(['功能分类科目名称']);
    expect(t2[6]).toMatchObject({ key: 'general', labels: ['财政拨款（补助）', '一般公共预算'], number: '3' });
    const t7 = leafColumns(tableLayout(layouts, 't7'));
    expect(t7.map((c) => c.key).slice(5)).toEqual(['total', '301', '302', '303', '307', '309', '310', '311', '312', '313', '399']);
    expect(t7[0]!.labels).toEqual(['科目编码', '类']);
    expect(t7[6]!.labels).toEqual(['项目支出', '工资福利支出']);
    const t11 = leafColumns(tableLayout(layouts, 't11'));
    expect(t11[3]!.labels).toEqual(['财政拨款', '基本支出', '人员经费']);
    expect(headerHeight(tableLayout(layouts, 't3'))).toBe(4);
    expect(headerHeight(tableLayout(layouts, 't1'))).toBe(2);
  });

  it('finds a table by the titles real workbooks use', () => {
    const id = (title: string) => matchTitle(title, layouts)?.id;
    expect(id('单位收支总体情况表')).toBe('t1');
    expect(id('表1 部门收支总体情况表')).toBe('t1');
    expect(id('收支总表')).toBe('t1');
    expect(id('财政拨款收支总表')).toBe('t4');
    expect(id('表 4  财政拨款收支总体情况表')).toBe('t4');
    expect(id('新疆某某中心2024年一般公共预算基本支出表')).toBe('t6');
    expect(id('一般公共预算支出表')).toBe('t5');
    expect(id('财政拨款"三公"经费支出情况表')).toBe('t10');
    expect(id('表10-1 “三公”经费支出表（续）')).toBe('t10');
    expect(id('项目支出绩效目标表')).toBe('performance');
    expect(id('编制单位：某某中心')).toBeUndefined();
    expect(id('')).toBeUndefined();
  });

  it('refuses a header that does not tile its columns, naming the table', () => {
    const text = `meta: { unit_name: a, unit: b }
tables:
  - id: x
    title: X
    header: [[{ label: A, colspan: 3 }]]
    columns: [{ key: a, kind: code }, { key: b, kind: amount }]
    body: { kind: items }
`;
    expect(() => parseTableLayouts(text, 'tables.yaml')).toThrow(TableLayoutError);
    expect(() => parseTableLayouts(text, 'tables.yaml')).toThrow(/x\.header.*"A" runs past/);
    expect(() => parseTableLayouts(text.replace('colspan: 3', 'colspan: 2').replace('kind: amount', 'kind: money'), 'tables.yaml')).toThrow(/columns\[1\]\.kind/);
  });
});
