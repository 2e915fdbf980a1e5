// What the reference's conventions require of a published document: every table present, an empty
// table stated as empty, a reason for each change, no draft placeholder left, staffing that adds up,
// procurement and the performance table consistent with themselves and with table 7.
import { amountsOf } from '../published/figures.js';
import type { Mention, PublishedDoc } from '../published/model.js';
import { totalRow } from './cells.js';
import type { Report } from './finding.js';
import { sumVerdict } from './rounding.js';

export function conventions(doc: PublishedDoc, report: Report): void {
  const first = { page: doc.pages ? 1 : 0, line: 1 };
  // With the tables as an attachment (ten-tables), the text has three parts.
  for (const no of doc.annex ? ([1, 2, 3] as const) : ([1, 2, 3, 4] as const))
    if (!doc.parts.some((p) => p.no === no))
      report({ ...first, quote: '', code: 'AUDIT_MISSING', severity: 'error', message: `缺少第${'一二三四'[no - 1]}部分。 Part ${no} is missing.` });
  for (const info of doc.set.tables) {
    const t = doc.tables.find((x) => x.id === info.id);
    if (!t) {
      report({ ...first, quote: '', code: 'AUDIT_MISSING', severity: 'error', message: `缺少表 ${info.no}（${info.title}）。 Table ${info.no} is missing.` });
      continue;
    }
    const hasFigures = t.rows.some((r) => r.cells.length) || t.left?.some((r) => r.figs.length);
    if (!hasFigures && !t.emptyStatement && !t.unordered)
      report({ page: t.page, line: t.line, quote: t.title, code: 'AUDIT_EMPTY_TABLE', severity: 'error', message: `表 ${t.no}（${t.title}）没有数字，也没有说明“为空表”。 Table ${t.no} is empty and does not say so.` });
  }
  for (const m of doc.mentions)
    // A total whose change is broken down (`…下降1.41%，其中：…`, or `…%。其中：…` in the next sentence) is
    // explained by its items' reasons; so is 收支总预算's, whose parts sections 二 and 三 give with theirs.
    if (m.change && m.change.fig.cents !== 0 && !m.reason?.trim() && !(m.rate && m.quote.includes(`${m.rate.fig.text}%，其中`)) && !brokenDown(doc, m))
      report({ page: m.change.fig.page, line: m.change.fig.line, quote: m.quote, code: 'AUDIT_NO_REASON', severity: 'error', message: `“${m.subject}”${m.change.word} ${m.change.fig.text} ${doc.currency}，没有说明原因（“主要原因是……”）。 A change without its reason.` });
  for (const line of doc.lines) {
    const hit = /【待填写[^】]*】?|\[待填写[^\]]*\]?|待填写|XXX|×××/.exec(line.text);
    if (hit) report({ page: line.page, line: line.line, quote: line.text, code: 'AUDIT_PLACEHOLDER', severity: 'error', message: `留有占位“${hit[0]}”。 A placeholder is left in the published text.` });
  }
  const s = doc.overview.staffing;
  if (s?.actual !== undefined && s.groups.length) {
    const sum = s.groups.reduce((a, g) => a + g.count, 0);
    if (sum !== s.actual)
      report({ page: s.page, line: s.line, quote: s.quote, code: 'AUDIT_STAFF', severity: 'error', message: `实有人数 ${s.actual} 人，而${s.groups.map((g) => `${g.name} ${g.count} 人`).join(' + ')} = ${sum} 人。 Actual staff ${s.actual}, the groups add up to ${sum}.` });
  }
  // 政府采购预算 = 货物 + 工程 + 服务.
  const proc = doc.mentions.filter((m) => m.section === 12 && m.amount);
  const whole = proc.find((m) => m.subject === '政府采购预算');
  // `政府采购货物预算 …` (the default set) or `…，其中：货物 …` (the ten-table set).
  const parts = proc.filter((m) => /^(政府采购(货物|工程|服务)预算|货物|工程|服务)$/.test(m.subject));
  if (whole?.amount && parts.length) {
    const v = sumVerdict(whole.amount.cents, parts.map((p) => p.amount!.cents));
    if (!v.ok)
      report({ page: whole.page, line: whole.line, quote: whole.quote, code: v.rounding ? 'AUDIT_ROUNDING' : 'AUDIT_SUM', severity: v.rounding ? 'note' : 'error', message: `政府采购预算 ${whole.amount.text} ${doc.currency}，货物、工程、服务之和为 ${amountsOf(doc)(parts.reduce((a, p) => a + p.amount!.cents, 0))} ${doc.currency}。 Procurement does not add up.` });
  }
  // Performance table: 年度预算总额 = 财政拨款 + 其他资金, and the project's amount in table 7.
  const perf = doc.performance;
  if (perf?.total) {
    if (perf.fiscal && perf.other && perf.fiscal.cents + perf.other.cents !== perf.total.cents)
      report({ page: perf.total.page, line: perf.total.line, quote: `年度预算总额 ${perf.total.text}`, code: 'AUDIT_SUM', severity: 'error', message: `绩效目标表：年度预算总额 ${perf.total.text} ≠ 财政拨款 ${perf.fiscal.text} + 其他资金 ${perf.other.text}。 The performance table's total is not fiscal + other.` });
    const t7 = doc.tables.find((t) => t.id === 't7' && !t.unordered);
    const rows = (t7?.rows ?? []).filter((r) => r.code.length === 7 && perf.projectName && r.name.includes(perf.projectName));
    const amount = rows.length === 1 ? rows[0]!.cells[0]?.fig.cents : rows.length === 0 && t7 && (t7.rows.filter((r) => r.code.length === 7).length === 1) ? totalRow(t7)?.cells[0]?.fig.cents : undefined;
    if (perf.fiscal && amount !== undefined && amount !== perf.fiscal.cents)
      report({ page: perf.fiscal.page, line: perf.fiscal.line, quote: `其中：财政拨款 ${perf.fiscal.text}`, code: 'AUDIT_CROSS_TABLE', severity: 'error', message: `绩效目标表的财政拨款 ${perf.fiscal.text} ${doc.currency}，表 7 该项目为 ${amountsOf(doc)(amount)} ${doc.currency}。 The performance table's fiscal amount differs from table 7.` });
  }
}

/** A change the sentence after it breaks down (`…下降20.00%。其中：…`), or, in a set with its tables as an
 * attachment (ten-tables, which words it so), the whole budget's (section 一) when section 二 states its
 * parts' changes. The default set gives 收支总预算 no change: one stated there needs its reason. */
function brokenDown(doc: PublishedDoc, m: Mention): boolean {
  if (doc.annex && m.section === 1 && /收支总预算$/.test(m.subject)) return doc.mentions.some((x) => x.section === 2 && x.change);
  if (!m.rate) return false;
  const rate = `${m.rate.fig.text}%`;
  const at = doc.part3.text.indexOf(rate, m.offset ?? 0);
  return at >= 0 && doc.part3.text.startsWith('。其中', at + rate.length);
}
