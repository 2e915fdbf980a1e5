// Every finding code, with its usual severity and what it means: docs/finding-codes.md lists the
// same codes with an example each, and a test keeps the two in step.
import type { Severity } from '../findings.js';
import { AUDIT_CODES } from './audit-codes.js';

export interface CodeInfo {
  severity: Severity | 'warning/error';
  /** Stage that reports it. */
  stage: 'read' | 'load' | 'check' | 'print' | 'write' | 'audit' | 'import';
  summary: string;
  /** For a code the bad-input corpus cannot produce (the PDF stage's, audit's), the example the docs show. */
  example?: string;
}

export const FINDING_CODES: Readonly<Record<string, CodeInfo>> = {
  READ_ERROR: { severity: 'error', stage: 'read', summary: '文件不存在或无法读取' },
  FILE_TOO_LARGE: { severity: 'error', stage: 'read', summary: '文件超过 10 MB，未读取' },
  NOT_TEXT: { severity: 'error', stage: 'read', summary: '不是 UTF-8 文本（二进制文件、GBK 编码）' },
  EMPTY_FILE: { severity: 'error', stage: 'load', summary: '文件为空' },
  YAML_SYNTAX: { severity: 'error', stage: 'load', summary: 'YAML 语法错误' },
  FULLWIDTH_COLON: { severity: 'error', stage: 'load', summary: '键后用了全角冒号“：”（中文输入法），应为半角冒号“:”加空格' },
  LIMIT_EXCEEDED: { severity: 'error', stage: 'load', summary: '超出读取限制（行数、嵌套层数、YAML 记号个数、文本长度、数值大小、列出的问题个数；见 README“Limits”）' },
  ALIAS_UNSUPPORTED: { severity: 'error', stage: 'load', summary: '不支持 YAML 别名（*名称）' },
  DUPLICATE_KEY: { severity: 'error', stage: 'load', summary: '同一映射中键重复' },
  UNKNOWN_KEY: { severity: 'error', stage: 'load', summary: '未知的键（附“是否应为”提示）' },
  MISSING_KEY: { severity: 'error', stage: 'load', summary: '缺少必填键' },
  MISSING_VALUE: { severity: 'error', stage: 'load', summary: '键没有取值' },
  WRONG_TYPE: { severity: 'error', stage: 'load', summary: '取值类型不对（应为文本、整数、列表、映射或编码）' },
  BAD_VALUE: { severity: 'error', stage: 'load', summary: '取值不在允许的选项中' },
  NOT_A_NUMBER: { severity: 'error', stage: 'load', summary: '金额不是数字（全角数字、千位分隔逗号、数字后的“万元”“元”或“%”等，消息写明应写的数）' },
  AMOUNT_IN_YUAN: { severity: 'warning', stage: 'load', summary: '金额疑似以元填写（为本部分其他金额中位数的 1000 倍以上，且大于本单位其余预算），应为万元' },
  NEGATIVE_AMOUNT: { severity: 'error', stage: 'load', summary: '金额为负数' },
  TOO_MANY_DECIMALS: { severity: 'error', stage: 'load', summary: '金额超过 6 位小数' },
  BAD_DATE: { severity: 'error', stage: 'load', summary: '不是有效日期 YYYY-MM-DD' },
  DUPLICATE_CODE: { severity: 'error', stage: 'check', summary: '同一列表或映射中编码重复' },
  YEAR_MISMATCH: { severity: 'error', stage: 'check', summary: '公开日期不在预算年度内（文件名年份不符为警告）' },
  UNKNOWN_CODE: { severity: 'error', stage: 'check', summary: '编码不在分类目录中（填了 name 的项为提示，款不在目录中为警告）' },
  CODE_HIERARCHY: { severity: 'error', stage: 'check', summary: '编码的类不存在（项与其款、类不一致）' },
  NAME_MISMATCH: { severity: 'warning', stage: 'check', summary: '填写的名称与目录名称不同' },
  CATALOG_YEAR: { severity: 'warning/error', stage: 'check', summary: '编码或名称属于另一年度的科目（已取消、已更名或尚未设立），消息写明两个年度' },
  CATALOG_EDITION: { severity: 'note', stage: 'check', summary: '预算年度没有内置科目目录，按最接近年度的目录核对' },
  EMPTY_LINE: { severity: 'warning', stage: 'check', summary: '预算行没有任何金额' },
  UNBALANCED: { severity: 'error', stage: 'check', summary: '收入总计不等于支出总计' },
  TABLES_DISAGREE: { severity: 'error', stage: 'check', summary: '表 1、3、4、5 对同一笔钱的数字不一致' },
  ECONOMIC_MISMATCH: { severity: 'error', stage: 'check', summary: '表 6 合计不等于一般公共预算基本支出' },
  SPLIT_MISMATCH: { severity: 'error', stage: 'check', summary: '人员经费、公用经费的拆分对不上' },
  PROJECT_MISMATCH: { severity: 'error', stage: 'check', summary: '表 7 项目金额不等于该项的项目支出' },
  PERFORMANCE_MISMATCH: { severity: 'error', stage: 'check', summary: '绩效目标表的预算总额不等于项目金额' },
  VEHICLE_MISMATCH: { severity: 'error', stage: 'check', summary: '“三公”公务用车运行费不等于表 6 的 302 31' },
  STAFF_MISMATCH: { severity: 'error', stage: 'check', summary: '人数对不上（实有 ≠ 在职 + 退休 + 离休，或增减与上年不符）' },
  PART_EXCEEDS_WHOLE: { severity: 'error', stage: 'check', summary: '“其中”数大于总数（政府采购预留）' },
  TOTAL_MISMATCH: { severity: 'error', stage: 'check', summary: '填报的合计数与计算结果不符' },
  ROUNDING_NOTE: { severity: 'note', stage: 'check', summary: '显示的合计与各格显示数之和因逐格四舍五入相差几分' },
  MISSING_REASON: { severity: 'error', stage: 'check', summary: '有增减变化的比较项缺少原因' },
  UNUSED_REASON: { severity: 'warning', stage: 'check', summary: '原因对应的项目不存在，不会被使用' },
  REASON_CONTRADICTS: { severity: 'warning', stage: 'check', summary: '原因的措辞与增减方向相反' },
  MISSING_PURPOSE: { severity: 'warning', stage: 'check', summary: '类缺少“主要用于”的说明' },
  UNUSED_PURPOSE: { severity: 'warning', stage: 'check', summary: '说明对应的类没有支出，不会被使用' },
  PLACEHOLDER: { severity: 'warning/error', stage: 'check', summary: '草稿占位【待填写：…】未填写（--strict 时为错误）' },
  UNCONFIRMED: { severity: 'warning/error', stage: 'check', summary: '标为 !unconfirmed 的数字未核实（--strict 时为错误）' },
  CONTROL_CHARACTER: { severity: 'error', stage: 'check', summary: '文本含控制字符（回车、换页、转义序列等）' },
  MARKUP_IN_TEXT: { severity: 'warning', stage: 'check', summary: '文本含 HTML 标记（将按原样显示）' },
  INTERNAL_ERROR: { severity: 'error', stage: 'check', summary: 'yusuan 自身的错误（请报告）' },
  // `yusuan import` (workbooks): exercised by tests/import/bad-workbooks.test.ts, not the YAML corpus.
  NOT_A_WORKBOOK: { severity: 'error', stage: 'import', summary: '不是 Excel 工作簿（.xlsx / .xls）',
    example: 'budget.xlsx  error  不是 Excel 工作簿（文件头不是 xlsx 或 xls）：请提供预算系统导出的 .xlsx 或 .xls 文件。 Not an Excel workbook (.xlsx or .xls).  [NOT_A_WORKBOOK]' },
  ENCRYPTED_WORKBOOK: { severity: 'error', stage: 'import', summary: '工作簿设有打开密码',
    example: 'budget.xlsx  error  工作簿设有打开密码，无法读取：请在 Excel 中取消密码后另存。 The workbook is password-protected; save a copy without the password.  [ENCRYPTED_WORKBOOK]' },
  TABLE_MISSING: { severity: 'error', stage: 'import', summary: '工作簿中找不到某张表（按表名）',
    example: 'budget.xlsx  error  工作簿中找不到表3“单位支出总体情况表”（按前几行的表名查找）。 Table 3 (单位支出总体情况表) is missing.  [TABLE_MISSING]' },
  DUPLICATE_TABLE: { severity: 'error', stage: 'import', summary: '同一张表出现两次',
    example: 'b.xlsx [支出总表] A2  error  “单位支出总体情况表”出现两次（另见 a.xlsx [支出总表]）：每张表只能有一份。 The same table appears twice.  [DUPLICATE_TABLE]' },
  BAD_CODE: { severity: 'error', stage: 'import', summary: '科目编码位数不对或不是数字',
    example: 'budget.xlsx [收入总表] A9  error  编码 20805021 有 8 位，应为 3、5、7 位（类 3 位、款 2 位、项 2 位）。 A code of the wrong length.  [BAD_CODE]' },
  MIXED_UNITS: { severity: 'error', stage: 'import', summary: '有的表以元、有的表以万元为单位',
    example: 'budget.xlsx [支出总表] D3  error  本表金额单位为万元，而收入总表等表为元：同一工作簿的表应使用同一金额单位，请核对是否导出有误。 Tables in 元 and in 万元 in one workbook.  [MIXED_UNITS]' },
  NO_UNIT_LINE: { severity: 'warning', stage: 'import', summary: '表头上方没有“单位：元/万元”，按其他各表的单位读取',
    example: 'budget.xlsx [支出总表] A2  warning  表头上方找不到“单位：元/万元”，按其他各表的单位（元）读取。 No 单位 line; amounts read in the other tables’ unit (元).  [NO_UNIT_LINE]' },
  IMPORT_ASSUMPTION: { severity: 'warning', stage: 'import', summary: '各表不能唯一确定的拆分，说明所作的假定',
    example: 'budget.xlsx [收入总表] A9  warning  2080502 事业单位离退休：一般公共预算和上级转移支付都有，基本支出 30 按先一般公共预算后转移支付计入。 The tables do not determine this split; the one assumed is stated.  [IMPORT_ASSUMPTION]' },
  IMPORT_SKIPPED: { severity: 'note', stage: 'import', summary: '未读取的工作表、行或列（隐藏、不认识）',
    example: 'budget.xlsx [辅助计算]  note  工作表“辅助计算”已隐藏，未读取。 Hidden sheet skipped.  [IMPORT_SKIPPED]' },
  MISSING_GLYPHS: {
    severity: 'warning',
    stage: 'print',
    summary: 'PDF 所用字体中没有某些字符（build 打印 PDF 时报告）',
    example: 'data/unit.yaml:1:1  warning  PDF 所用字体中没有以下字符，印出时将换用系统字体或显示为空框：𠀀 (U+20000)。 The bundled fonts have no glyph for: 𠀀 (U+20000).  [MISSING_GLYPHS]',
  },
  BLOCKED_REQUEST: {
    severity: 'warning',
    stage: 'print',
    summary: '打印时拦截了页面对外部资源的请求（build 打印 PDF 时报告）',
    example: 'data/unit.yaml:1:1  warning  打印时拦截了页面对外部资源的请求。 The page asked for http://example.com/x.png; the request was refused.  [BLOCKED_REQUEST]',
  },
  PDF_TOO_LONG: {
    severity: 'error',
    stage: 'print',
    summary: 'PDF 超过页数上限（build --max-pages，默认 1000 页），未打印',
    example: 'data/unit.yaml:1:1  error  PDF 超过 1000 页的页数上限，未打印。确需打印时，请用 --max-pages 提高上限。 The PDF would have more than 1000 pages, the page budget; nothing was printed. Raise it with --max-pages if the document is meant to be this long.  [PDF_TOO_LONG]',
  },
  PDF_TIMEOUT: {
    severity: 'error',
    stage: 'print',
    summary: '打印 PDF 超过时间上限（build --timeout，默认 600 秒），已停止',
    example: 'data/unit.yaml:1:1  error  打印 PDF 超过 600 秒的时间上限，已停止。文件很长或机器很忙时，请用 --timeout 提高上限（秒）。 Printing the PDF took longer than 600 seconds, the time budget, and was stopped. Raise it with --timeout (seconds) for a long document or a busy machine.  [PDF_TIMEOUT]',
  },
  WRITE_FAILED: {
    severity: 'error',
    stage: 'write',
    summary: '无法写出输出文件（只读、无权限、磁盘已满、同名文件夹……），原有输出均未改动',
    example: 'data/unit.yaml:1:1  error  无法写出 out/unit.html：该路径是一个文件夹。 Cannot write out/unit.html: it is a folder. 本单位原有的输出均未改动。 None of its earlier outputs were changed.  [WRITE_FAILED]',
  },
  ...AUDIT_CODES,
};
