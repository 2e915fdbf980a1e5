// A workbook written the way a budget system (预算管理一体化系统) writes its export, NOT by yusuan:
// codes in one column, amounts in 元 as text with thousands separators, a 表N line above the title,
// sheets in another order and under other names, a hidden helper sheet. Its figures come from a
// data file's computed tables, so importing it must give that data file's figures back.
import { writeFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import type { Decimal } from 'decimal.js';
import { compute } from '../../src/compute/index.js';
import { loadFile } from '../../src/load/read.js';

type Aoa = (string | number | null)[][];

export interface Options {
  /** Unit of amounts: 元 (default) as text with separators, or 万元 as numbers. */
  unit?: '元' | '万元';
  /** Tables to leave out, by number. */
  omit?: number[];
  /** A hidden row in 表3 holding a line that is no part of the budget (only .xlsx keeps hidden rows). */
  hiddenRow?: boolean;
}

export function budgetSystemWorkbook(dataFile: string, options: Options = {}): XLSX.WorkBook {
  const loaded = loadFile(dataFile);
  if (!loaded.data) throw new Error(`bad data ${dataFile}`);
  const data = loaded.data;
  const view = compute(data);
  const t = view.tables;
  const unit = options.unit ?? '元';
  const amt = (d: Decimal | undefined): string | number | null => {
    if (!d || d.isZero()) return null;
    if (unit === '万元') return Number(d.toFixed(2));
    const [int, frac] = d.times(10000).toFixed(2).split('.');
    return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
  };
  const head = (no: number, title: string): Aoa => [[`表${no}`], [`${data.unit.year}年${title}`], [`编制单位：${data.unit.name}`, null, null, `单位：${unit}`]];
  const code = (c: string) => c;
  const sheets: [string, number, Aoa][] = [];
  const functional = (rows: { code: string; name: string; values: Decimal[] }[], total: Decimal[]): Aoa => [
    [null, '合计', ...total.map(amt)],
    ...rows.map((r) => [code(r.code), r.name, ...r.values.map(amt)]),
  ];
  sheets.push(['收入总表', 2, [...head(2, '部门收入总体情况表'),
    ['科目编码', '科目名称', '总计', '财政拨款（补助）', null, null, null, null, null, null, '财政专户（教育收费）', '单位资金', '财政拨款结转', '非财政拨款结转结余'],
    [null, null, null, '财政拨款(补助)小计', '一般公共预算', '上级一般公共预算安排的转移支付', '政府性基金预算', '上级政府性基金安排的转移支付', '国有资本经营预算', '上级国有资本经营预算安排的转移支付'],
    ...functional(t.t2.rows, t.t2.total)]]);
  const bp = (title: string, top: string, tab: typeof t.t3): Aoa => [[ '科目编码', '科目名称', top ], [null, null, '合计', '基本支出', '项目支出'], ...functional(tab.rows, tab.total)];
  sheets.push(['支出总表', 3, [...head(3, '部门支出总体情况表'), ...bp('', '支出预算', t.t3)]]);
  // 表5 writes its codes spaced, 208 05 02, as some exports do.
  const spaced = { ...t.t5, rows: t.t5.rows.map((r) => ({ ...r, code: [r.cls, r.kind, r.item].filter(Boolean).join(' ') })) };
  sheets.push(['一般公共预算支出', 5, [...head(5, '一般公共预算支出情况表'), ...bp('', '一般公共预算支出', spaced)]]);
  const split = (tab: typeof t.t8, top: string): Aoa => [['科目编码', '科目名称', top], [null, null, '合计', '基本支出', null, '项目支出'], [null, null, null, '人员经费', '公用经费'], ...functional(tab.rows, tab.total)];
  sheets.push(['基金', 8, [...head(8, '政府性基金预算支出情况表'), ...split(t.t8, '政府性基金预算支出')]]);
  sheets.push(['国资', 9, [...head(9, '国有资本经营预算支出情况表'), ...split(t.t9, '国有资本经营预算支出')]]);
  sheets.push(['基本支出', 6, [...head(6, '一般公共预算基本支出情况表'), ['经济分类科目编码', '经济分类科目名称', '合计', '人员经费', '公用经费'],
    [null, '合计', ...t.t6.totals.map(amt)], ...t.t6.rows.map((r) => [r.cls + r.kind, r.name, ...r.values.map(amt)])]]);
  sheets.push(['项目支出', 7, [...head(7, '一般公共预算项目支出情况表'),
    ['科目编码', '科目名称', '项目名称', '项目支出'], [null, null, null, '合计', '工资福利支出', '商品服务支出', '对个人和家庭的补助', '债务利息及费用支出', '资本性支出（基本建设）', '资本性支出', '对企业补助（基本建设）', '对企业补助', '对社会保障基金补助', '其他支出'],
    [null, '合计', null, ...t.t7.total.map(amt)], ...t.t7.rows.map((r) => [r.cls + r.kind + r.item, r.name, r.project || null, ...r.values.map(amt)])]]);
  const c = t.t10;
  sheets.push(['三公', 10, [...head(10, '财政拨款“三公”经费支出情况表'), ['项目', '合计', '资金来源'], [null, null, '一般公共预算', '政府性基金', '国有资本经营预算'],
    ['合计', ...c.total.map(amt)], ['因公出国（境）费', ...c.overseas.map(amt)], ['公务接待费', ...c.reception.map(amt)], ['公务用车购置及运行费（小计）', ...c.vehicles.map(amt)],
    ['其中：公务用车购置费', ...c.vehicle_purchase.map(amt)], ['公务用车运行费', ...c.vehicle_operation.map(amt)]]]);
  sheets.push(['结转', 11, [...head(11, '上年结转结余情况明细表'), ['项目名称', '总计', '财政拨款', null, null, null, '非财政拨款'], [null, null, '合计', '基本支出', null, '项目支出', '合计', '基本支出', null, '项目支出'],
    [null, null, null, '人员经费', '公用经费', null, null, '人员经费', '公用经费'], ['合计', ...t.t11.total.map(amt)], ...t.t11.rows.map((r) => [`[${r.code}]${r.name}`, ...r.values.map(amt)])]]);
  const t1 = t.t1;
  const inc: [string, Decimal][] = [
    ['一、本年收入', t1.groups.current], ['1、一般公共预算拨款', t1.groups.general_budget], ['其中：一般财力', t1.sources.general], ['上级一般公共预算安排转移支付', t1.sources.general_transfer],
    ['2、基金预算拨款', t1.groups.fund_budget], ['其中：政府性基金收入', t1.sources.fund], ['上级政府性基金安排转移支付', t1.sources.fund_transfer],
    ['3、国有资本经营预算拨款', t1.groups.state_capital_budget], ['其中：国有资本经营收入', t1.sources.state_capital], ['上级国有资本经营预算安排转移支付', t1.sources.state_capital_transfer],
    ['4.财政专户核拨', t1.sources.special_account], ['5.单位资金', t1.groups.unit], ['其中：事业收入', t1.sources.business], ['上级补助收入', t1.sources.superior_subsidy],
    ['附属单位上缴收入', t1.sources.affiliated], ['事业单位经营收入', t1.sources.operating], ['其他收入', t1.sources.other], ['二、上年结转结余', t1.groups.carryover],
    ['1、财政拨款结转', t1.groups.carryover_fiscal], ['其中：一般公共预算拨款', t1.sources.carryover_general], ['基金预算拨款', t1.sources.carryover_fund], ['国有资本经营预算拨款', t1.sources.carryover_state_capital],
    ['2、非财政拨款结转结余', t1.groups.carryover_nonfiscal], ['其中：财政专户核拨', t1.sources.carryover_special_account], ['单位资金', t1.sources.carryover_unit],
  ];
  const classes = t1.classes.filter((k) => !k.amount.isZero());
  const body1: Aoa = Array.from({ length: Math.max(inc.length, classes.length) }, (_, i) => [inc[i]?.[0] ?? null, amt(inc[i]?.[1]), classes[i] ? `${classes[i]!.code} ${classes[i]!.name}` : null, amt(classes[i]?.amount)]);
  sheets.push(['收支总表', 1, [...head(1, '部门收支总体情况表'), ['收入', null, '支出'], ['项目', '预算数', '支出功能分类', '预算数'], ...body1, ['收入总计', amt(t1.total), '支出总计', amt(t1.total)]]]);
  const t4 = t.t4;
  const inc4: [string, Decimal][] = [['一、财政拨款（补助）', t4.fiscal], ['一般公共预算', t4.general_budget], ['政府性基金预算', t4.fund_budget], ['国有资本经营预算', t4.state_capital_budget]];
  const cls4 = t4.classes.filter((k) => !k.values[0]!.isZero());
  const body4: Aoa = Array.from({ length: Math.max(inc4.length, cls4.length) }, (_, i) => [inc4[i]?.[0] ?? null, amt(inc4[i]?.[1]), cls4[i] ? `${cls4[i]!.code} ${cls4[i]!.name}` : null, ...(cls4[i]?.values ?? []).map(amt)]);
  sheets.push(['财政拨款收支总表', 4, [...head(4, '财政拨款收支总体情况表'), ['财政拨款收入', null, '财政拨款支出'], ['项目', '合计', '支出功能分类', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'], ...body4,
    ['收入总计', amt(t4.fiscal), '支出总计', ...t4.totals.map(amt)]]]);

  const wb = XLSX.utils.book_new();
  for (const [name, no, aoa] of sheets) {
    if (options.omit?.includes(no)) continue;
    if (no === 3 && options.hiddenRow) aoa.splice(7, 0, ['2299999', '内部调剂（隐藏）', '1,000,000.00', '1,000,000.00', null]);
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    if (no === 3 && options.hiddenRow) ws['!rows'] = Object.assign([], { 7: { hidden: true } });
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  for (const [i, p] of view.part3.performance.entries()) {
    const aoa: Aoa = [['项目支出绩效目标表'], [`（${data.unit.year}年）`], ['预算单位', data.unit.name], ['项目名称', p.project, null, '项目负责人', p.manager],
      ['项目资金(万元)', '年度预算总额', Number(p.amount.toFixed(2))], [null, '其中：财政拨款', Number(p.fiscal.toFixed(2)), '其他资金', Number(p.other.toFixed(2))], ['项目总体目标', p.goal],
      ['一级指标', '二级指标', '三级指标', '指标值', '指标值设置依据', '上年完成值', '指标分值权重', '指标赋分规则', '佐证资料'],
      ...p.rows.map((r) => [r.level1, r.level2, r.name, r.target, r.basis, r.last_year, r.weight, r.scoring, r.evidence])];
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), `绩效${i + 1}`);
  }
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['辅助', 1, 2, 3]]), '辅助计算');
  wb.Workbook = { Sheets: wb.SheetNames.map((name) => ({ name, Hidden: name === '辅助计算' ? 1 : 0 })) };
  return wb;
}

export function writeWorkbook(wb: XLSX.WorkBook, file: string, bookType: 'xlsx' | 'biff8' = 'xlsx'): void {
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
}
