// Every finding code, with its usual severity and what it means: docs/finding-codes.md lists the
// same codes with an example each, and a test keeps the two in step.
import type { Severity } from '../findings.js';

export interface CodeInfo {
  severity: Severity | 'warning/error';
  /** Stage that reports it. */
  stage: 'read' | 'load' | 'check' | 'print';
  summary: string;
  /** For a code the bad-input corpus cannot produce (the PDF stage's), the example the docs show. */
  example?: string;
}

export const FINDING_CODES: Readonly<Record<string, CodeInfo>> = {
  READ_ERROR: { severity: 'error', stage: 'read', summary: '文件不存在或无法读取' },
  FILE_TOO_LARGE: { severity: 'error', stage: 'read', summary: '文件超过 10 MB，未读取' },
  NOT_TEXT: { severity: 'error', stage: 'read', summary: '不是 UTF-8 文本（二进制文件、GBK 编码）' },
  EMPTY_FILE: { severity: 'error', stage: 'load', summary: '文件为空' },
  YAML_SYNTAX: { severity: 'error', stage: 'load', summary: 'YAML 语法错误' },
  LIMIT_EXCEEDED: { severity: 'error', stage: 'load', summary: '超出读取限制（行数、嵌套层数、YAML 记号个数、文本长度、数值大小、列出的问题个数；见 README“Limits”）' },
  ALIAS_UNSUPPORTED: { severity: 'error', stage: 'load', summary: '不支持 YAML 别名（*名称）' },
  DUPLICATE_KEY: { severity: 'error', stage: 'load', summary: '同一映射中键重复' },
  UNKNOWN_KEY: { severity: 'error', stage: 'load', summary: '未知的键（附“是否应为”提示）' },
  MISSING_KEY: { severity: 'error', stage: 'load', summary: '缺少必填键' },
  MISSING_VALUE: { severity: 'error', stage: 'load', summary: '键没有取值' },
  WRONG_TYPE: { severity: 'error', stage: 'load', summary: '取值类型不对（应为文本、整数、列表、映射或编码）' },
  BAD_VALUE: { severity: 'error', stage: 'load', summary: '取值不在允许的选项中' },
  NOT_A_NUMBER: { severity: 'error', stage: 'load', summary: '金额不是数字' },
  NEGATIVE_AMOUNT: { severity: 'error', stage: 'load', summary: '金额为负数' },
  TOO_MANY_DECIMALS: { severity: 'error', stage: 'load', summary: '金额超过 6 位小数' },
  BAD_DATE: { severity: 'error', stage: 'load', summary: '不是有效日期 YYYY-MM-DD' },
  DUPLICATE_CODE: { severity: 'error', stage: 'check', summary: '同一列表或映射中编码重复' },
  YEAR_MISMATCH: { severity: 'error', stage: 'check', summary: '公开日期不在预算年度内（文件名年份不符为警告）' },
  UNKNOWN_CODE: { severity: 'error', stage: 'check', summary: '编码不在分类目录中（填了 name 的项为提示，款不在目录中为警告）' },
  CODE_HIERARCHY: { severity: 'error', stage: 'check', summary: '编码的类不存在（项与其款、类不一致）' },
  NAME_MISMATCH: { severity: 'warning', stage: 'check', summary: '填写的名称与目录名称不同' },
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
  MARKUP_IN_TEXT: { severity: 'warning', stage: 'check', summary: '文本含 HTML 标记（将按原样显示）' },
  INTERNAL_ERROR: { severity: 'error', stage: 'check', summary: 'yusuan 自身的错误（请报告）' },
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
};
