// Changes to a published document's text, each of which audit must find on a known page: figures in
// tables and in the text, shares, rates, direction words, a missing reason, a placeholder, a missing
// empty-table statement. `find` is replaced at its `nth` occurrence (default the first).
export interface Mutation {
  name: string;
  find: string;
  replace: string;
  nth?: number;
  /** Expected finding: code and page in the reference text (pages of the extracted text). */
  code: string;
  page: number;
  severity?: 'error' | 'warning' | 'note';
}

export const TEXT_MUTATIONS: readonly Mutation[] = [
  { name: 'a table 6 item', find: '301 01 基本工资 56.92 56.92', replace: '301 01 基本工资 58.92 58.92', code: 'AUDIT_SUM', page: 8 },
  { name: 'a share', find: '占80.62%', replace: '占81.62%', code: 'AUDIT_SHARE', page: 15 },
  { name: 'shares not making 100 %', find: '占80.62%', replace: '占81.62%', code: 'AUDIT_SHARES_TOTAL', page: 15 },
  { name: 'a rate', find: '16.49%', replace: '15.49%', code: 'AUDIT_RATE', page: 16 },
  { name: 'a direction word', find: '增长 7.02%', replace: '下降 7.02%', code: 'AUDIT_DIRECTION', page: 16 },
  { name: 'a class figure in the text', find: '卫生健康支出 22.16 万元，', replace: '卫生健康支出 22.61 万元，', code: 'AUDIT_TEXT_TABLE', page: 15 },
  { name: 'a change against its rate', find: '减少 6.23 万元，下', replace: '减少 7.23 万元，下', code: 'AUDIT_RATE', page: 14 },
  { name: 'a missing reason', find: '主要原因是人员调增基本工资，因此有一定程度的增长。', replace: '', code: 'AUDIT_NO_REASON', page: 17 },
  { name: 'a change of the whole budget without its reason', find: '收支总预算 335.37 万元。', replace: '收支总预算 335.37 万元，比上年减少 6.73 万元，下降 1.97%。', code: 'AUDIT_NO_REASON', page: 14 },
  { name: 'a placeholder', find: '主要职能', replace: '主要职能【待填写：职能】', code: 'AUDIT_PLACEHOLDER', page: 1 },
  { name: '三公 in the text', find: '公务用车运行费 0.70 万元，', replace: '公务用车运行费 0.80 万元，', code: 'AUDIT_TEXT_TABLE', page: 18 },
  { name: 'table 5 against its 款 and table 4', find: '210 卫生健康支出 22.16 22.16', nth: 4, replace: '210 卫生健康支出 23.16 23.16', code: 'AUDIT_CROSS_TABLE', page: 7 },
  { name: 'table 5 class against its 款', find: '210 卫生健康支出 22.16 22.16', nth: 4, replace: '210 卫生健康支出 23.16 23.16', code: 'AUDIT_SUM', page: 7 },
  { name: 'an empty table not said to be empty', find: '新疆维吾尔自治区工业和信息化厅信息中心 2024 年没有使用政府性基金预算拨款安排的支出，政府性基\n\n金预算支出情况表为空表。', replace: '', code: 'AUDIT_EMPTY_TABLE', page: 10 },
  { name: 'staffing', find: '实有人数 22人', replace: '实有人数 23人', code: 'AUDIT_STAFF', page: 1 },
  { name: 'table 1 total', find: '收 入 总 计 335.37', replace: '收 入 总 计 336.37', code: 'AUDIT_SUM', page: 2 },
  { name: 'table 2 against table 3', find: '221 02 01 住房公积金 18.50 18.50 18.50', replace: '221 02 01 住房公积金 18.60 18.60 18.60', code: 'AUDIT_CROSS_TABLE', page: 4 },
  { name: 'table 7 against table 5', find: '息化工作经费\n65.00 65.00', replace: '息化工作经费\n66.00 66.00', code: 'AUDIT_CROSS_TABLE', page: 9 },
  { name: 'table 10 sum', find: '公务用车运行费 0.70 0.70', replace: '公务用车运行费 0.60 0.60', code: 'AUDIT_SUM', page: 12 },
  { name: 'procurement', find: '采购服务预算 36.70', replace: '采购服务预算 35.70', code: 'AUDIT_SUM', page: 19 },
  { name: 'performance table', find: '年度预算总额 65.00', replace: '年度预算总额 66.00', code: 'AUDIT_SUM', page: 20 },
  // 七's allocation: the groups against 65.00, and a group's bracket against its figure (free text: a warning).
  { name: 'an allocation group', find: '机房管理 8 万', replace: '机房管理 9 万', code: 'AUDIT_ALLOCATION', page: 18, severity: 'warning' },
  { name: 'an allocation item in brackets', find: '消防 1万', replace: '消防 2万', code: 'AUDIT_ALLOCATION', page: 18, severity: 'warning' },
  // 0.30 on 160.89 is 0.1865 %: 0.19 % printed; 0.18 % is what 0.295 on 161.195 gives — rounding, a note.
  { name: 'a rate rounding admits', find: '增长 0.19%', replace: '增长 0.18%', code: 'AUDIT_ROUNDING', page: 17, severity: 'note' },
];

export function mutate(text: string, m: Pick<Mutation, 'find' | 'replace' | 'nth'>): string {
  let at = -1;
  for (let i = 0; i < (m.nth ?? 1); i++) {
    at = text.indexOf(m.find, at + 1);
    if (at < 0) throw new Error(`not in the reference: ${m.find}`);
  }
  return text.slice(0, at) + m.replace + text.slice(at + m.find.length);
}
