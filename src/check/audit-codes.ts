// The codes `yusuan audit` reports on a published document (src/audit/), with an example each as
// the command prints it; spread into FINDING_CODES.
import type { CodeInfo } from './codes.js';

const ex = (page: number, severity: string, message: string, code: string, quote: string) =>
  `2024-info-center.txt p.${page}  ${severity}  ${message}  [${code}]\n    「${quote}」`;

export const AUDIT_CODES: Readonly<Record<string, CodeInfo>> = {
  AUDIT_SUM: {
    severity: 'error',
    stage: 'audit',
    summary: '公开文件中的合计、小计与其组成之和不符（超出四舍五入可解释的范围）',
    example: ex(8, 'error', '表 6（合计、人员经费列）：301 工资福利支出 = Σ 下级科目 不成立：印为 212.45，应为 58.92 + 11.64 + … = 214.46。 Table 6 (合计、人员经费): printed 212.45, expected 214.46 (the sum of its printed parts).', 'AUDIT_SUM', '301 工资福利支出 212.45 212.45'),
  },
  AUDIT_ROUNDING: {
    severity: 'note',
    stage: 'audit',
    summary: '公开文件中的差异可由印出数字的四舍五入解释（合计、占比、增减幅）',
    example: ex(8, 'note', '表 6（合计、人员经费列）：301 工资福利支出 = Σ 下级科目 印为 212.45，各项印出数之和为 56.92 + 11.64 + 31.91 + 39.31 + 23.79 + 12.96 + 10.34 + 2.82 + 18.50 + 4.27 = 212.46，相差 0.01，为各格逐一四舍五入所致。 Table 6 (合计、人员经费): printed 212.45, its printed parts add up to 212.46; rounding of the printed cells explains the difference.', 'AUDIT_ROUNDING', '301 工资福利支出 212.45 212.45'),
  },
  AUDIT_CROSS_TABLE: {
    severity: 'error',
    stage: 'audit',
    summary: '公开文件中两张表对同一笔钱印的数字不同',
    example: ex(7, 'error', '210 卫生健康支出（一般公共预算）：表 5 210 卫生健康支出 印为 23.16，而表 4 210 卫生健康支出（第 6 页）为 22.16。 210 卫生健康支出（一般公共预算）: 23.16 here, 22.16 in the other table.', 'AUDIT_CROSS_TABLE', '210 卫生健康支出 23.16 23.16'),
  },
  AUDIT_TEXT_TABLE: {
    severity: 'error',
    stage: 'audit',
    summary: '第三部分文字中的数字与表中数字不同',
    example: ex(15, 'error', '“卫生健康支出”文字为 22.61 万元，表 4 210 卫生健康支出（第 6 页）为 22.16 万元。 The text says 22.61, the table 22.16.', 'AUDIT_TEXT_TABLE', '一般公共预算支出包括：社会保障和就业支出68.52万元，主要用于事业单位离退休、机关事业单位基本养老保险缴费支出；'),
  },
  AUDIT_SHARE: {
    severity: 'error',
    stage: 'audit',
    summary: '占比与其整体不符',
    example: ex(15, 'error', '“基本支出”占 81.62% 不对：270.37 ÷ 335.37（支出预算）= 80.62%。 Expected 80.62% of 335.37.', 'AUDIT_SHARE', '基本支出270.37万元，占81.62%，比上年预算减少6.23万元，下降2.25%，主要原因是人员减少、人员职级增长、工资普调等原因造成预算相对减少。'),
  },
  AUDIT_SHARES_TOTAL: {
    severity: 'error',
    stage: 'audit',
    summary: '同一整体的各项占比之和不为 100%',
    example: ex(15, 'error', '各项占比之和应为 100%，实为 101.00%：基本支出 81.62% + 项目支出 19.38%。 The shares of one whole add up to 101.00%, not 100%.', 'AUDIT_SHARES_TOTAL', '基本支出270.37万元，占81.62%，…'),
  },
  AUDIT_RATE: {
    severity: 'error',
    stage: 'audit',
    summary: '增减幅与本年数、增减额推得的上年数不符',
    example: ex(16, 'error', '“社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）”下降 15.49% 与印出数不符：上年数 = 44.73 + 8.83 = 53.56 万元，8.83 ÷ 53.56 = 16.49%。 Expected 16.49% (change 8.83 on a prior-year 53.56).', 'AUDIT_RATE', '2024年预算数为44.73万元，比上年预算减少8.83万元，下降15.49%。'),
  },
  AUDIT_DIRECTION: {
    severity: 'error',
    stage: 'audit',
    summary: '增减方向用词矛盾（增加……下降，减少……增长）',
    example: ex(16, 'error', '“…机关事业单位基本养老保险缴费支出（项）”增加 1.56 万元，却写“下降”：方向矛盾，应为“增长”。 \'增加\' (up) with \'下降\': the direction words disagree.', 'AUDIT_DIRECTION', '2024年预算数为23.79万元，比上年预算增加1.56万元，下降7.02%。'),
  },
  AUDIT_ALLOCATION: {
    severity: 'warning',
    stage: 'audit',
    summary: '第三部分七“资金分配情况”的分项之和与预算安排规模（或括号前的分项数）不符',
    example: ex(18, 'warning', '资金分配情况各项之和与预算安排规模 65.00 万元不符：机房管理 9.00 + 应用运维 33.00 + 网络安全 9.00 + 应用服务 10.00 + 综合服务 5.00 = 66.00 万元。 The allocation adds up to 66.00, not 65.00.', 'AUDIT_ALLOCATION', '资金分配情况：用于机房管理9万（空调2万、消防1万、机房配线室基础设施改造5万）；应用运维33万（…'),
  },
  AUDIT_EMPTY_TABLE: {
    severity: 'error',
    stage: 'audit',
    summary: '表没有数字，也没有说明为空表',
    example: ex(10, 'error', '表 8（政府性基金预算支出情况表）没有数字，也没有说明“为空表”。 Table 8 is empty and does not say so.', 'AUDIT_EMPTY_TABLE', '政府性基金预算支出情况表'),
  },
  AUDIT_NO_REASON: {
    severity: 'error',
    stage: 'audit',
    summary: '有增减变化而没有说明原因',
    example: ex(17, 'error', '“资源勘探工业信息等支出（类）工业和信息产业监管（款）事业运行（项）”增加 0.30 万元，没有说明原因（“主要原因是……”）。 A change without its reason.', 'AUDIT_NO_REASON', '2024年预算数为161.19万元，比上年预算增加0.30万元，增长0.19%。'),
  },
  AUDIT_PLACEHOLDER: {
    severity: 'error',
    stage: 'audit',
    summary: '公开文件中留有草稿占位【待填写】',
    example: ex(1, 'error', '留有占位“【待填写：职能】”。 A placeholder is left in the published text.', 'AUDIT_PLACEHOLDER', '一、 主要职能【待填写：职能】'),
  },
  AUDIT_STAFF: {
    severity: 'error',
    stage: 'audit',
    summary: '实有人数不等于在职、退休、离休人数之和',
    example: ex(1, 'error', '实有人数 23 人，而在职 11 人 + 退休 10 人 + 离休 1 人 = 22 人。 Actual staff 23, the groups add up to 22.', 'AUDIT_STAFF', '编制数14，实有人数23人，其中：在职11人，减少1人；退休10人，增加0人；离休1人，增加0人。'),
  },
  AUDIT_MISSING: {
    severity: 'error',
    stage: 'audit',
    summary: '缺少某一部分或某张表（文件被截断、表被删去）',
    example: '2024-info-center.txt p.1  error  缺少表 11（上年结转结余情况明细表）。 Table 11 is missing.  [AUDIT_MISSING]',
  },
  AUDIT_TRUNCATED: {
    severity: 'error',
    stage: 'audit',
    summary: '文件在某张表或某一部分中途结束（文件被截断）；该表不核对合计',
    example: ex(10, 'error', '文件在表 9（国有资本经营预算支出情况表）中途结束，其后的内容缺失；表 9 可能不完整，未核对它的合计。 The document ends early, inside table 9; its sums are not checked.', 'AUDIT_TRUNCATED', '本经营预算支出情况表为空表。'),
  },
  AUDIT_CUT_OFF: {
    severity: 'error',
    stage: 'audit',
    summary: '表缺行：某类、款之下没有款、项，或一张表有另一张表没有的科目（如换页时少了一页）',
    example: ex(3, 'error', '表 2 的 221 住房保障支出 之下没有款：表在此缺行（表到此为止）。 Table 2 prints 221 and none of its items: rows are missing after it.', 'AUDIT_CUT_OFF', '221 住房保障支出 18.50 18.50 18.50'),
  },
  AUDIT_TABLE_UNORDERED: {
    severity: 'warning',
    stage: 'audit',
    summary: '文本中某张表的格子不按行排列（不带 -layout 的 pdftotext），数字与行对不上；此表不核对，请审核 PDF 本身或 pdftotext -layout 的文本（import 时为 error，拒绝导入）',
    example: ex(8, 'warning', '第 8 页表 6（一般公共预算基本支出情况表）：文本中此表的格子不按行排列（49 行数字中有 24 行不跟在行名之后，多见于不带 -layout 的 pdftotext），无法知道数字属于哪一行，未核对此表的合计、与其他表及与文字的对应；请审核 PDF 本身，或用 pdftotext -layout 提取的文本。 Table 6 (page 8): the text gives this table\'s cells out of row order (24 of 49 lines of figures follow no row label, as plain pdftotext without -layout gives), so its sums and its agreement with other tables and the text are not checked; audit the PDF itself or text extracted with pdftotext -layout.', 'AUDIT_TABLE_UNORDERED', '一般公共预算基本支出情况表'),
  },
  IMPORT_TABLE_SET: {
    severity: 'error',
    stage: 'audit',
    summary: 'import 由公开文件导入时：文件用的不是默认的十一张表（如 ten-tables），只支持默认的一套，请导入其工作簿',
    example: 'data.pdf p.10  error  公开文件用的是“ten-tables”一套表（表 1 收支总表 …），由公开文件导入只支持默认的十一张表：请导入它的工作簿（预算系统导出的，或 build --format xlsx 写出的）。 Import of a published document reads the default eleven tables only; import its workbook.  [IMPORT_TABLE_SET]',
  },
  AUDIT_NOT_DISCLOSURE: {
    severity: 'error',
    stage: 'audit',
    summary: '不是单位预算公开（如决算、政府预算报告）',
    example: 'report.pdf p.1  error  不是单位预算公开：找不到“第二部分 … 单位预算公开表”和表 1 至表 11。 Not a unit budget disclosure (no Part 2 tables found).  [AUDIT_NOT_DISCLOSURE]',
  },
  AUDIT_UNREADABLE: {
    severity: 'error',
    stage: 'audit',
    summary: '文件无法读取（不存在、PDF 加密或没有文字层）',
    example: 'scan.pdf  error  PDF 没有文字层（扫描件或图片），audit 不做文字识别（OCR）。 The PDF has no text layer; OCR is not done.  [AUDIT_UNREADABLE]',
  },
};
