// `yusuan import <published.pdf|.txt|.html> --out data.yaml`: a published 单位预算公开 read by audit's
// reader (src/published) becomes a data file, written by the workbook importer's writer with the
// document's texts in place of its placeholders and a comment on each part saying which page it came
// from. A figure the document does not determine is imported as printed and said in a finding.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { auditFile } from '../audit/index.js';
import { hasErrors, type Finding } from '../findings.js';
import { loadText } from '../load/load.js';
import { check } from '../check/index.js';
import type { TemplateSource } from '../profile/resolve.js';
import type { PublishedDoc, PublishedTable } from '../published/model.js';
import { PERSONNEL_CLASSES } from '../published/tables.js';
import { writeAtomic } from '../write-atomic.js';
import { ImportExistsError, type ImportFileOptions, type ImportFileResult } from './index.js';
import { basicEconomic, budgetLines, projects, threePublic, type Say } from './published-figures.js';
import { performanceTable } from './published-performance.js';
import { priorAndReasons } from './published-prior.js';
import { assets, otherMatters, overview, procurement, projectTexts, publishedDate, purposes, unitKind } from './published-texts.js';
import { dataFileText, type ImportedData, type Known } from './write-yaml.js';

/** Audit codes that mean the document cannot be imported (not read, not a disclosure, parts missing). */
const FATAL = new Set(['AUDIT_UNREADABLE', 'AUDIT_NOT_DISCLOSURE', 'AUDIT_MISSING', 'AUDIT_TRUNCATED', 'AUDIT_CUT_OFF']);

export interface PublishedImport {
  findings: Finding[];
  data?: ImportedData;
}

/**
 * Reads a published document into the data file's figures and texts; none when it cannot be read whole.
 * `source`: the profile (and templates) whose tables it prints, as audit takes it; default: recognised.
 */
export async function readPublishedData(file: string, source: TemplateSource = {}): Promise<PublishedImport> {
  const audited = await auditFile(file, source);
  const at = (page: number) => ({ file, cell: { sheet: '', ref: page ? `p.${page}` : '' } });
  const findings: Finding[] = [];
  // The document's own inconsistencies (audit's errors) do not stop the import: the tables' figures are
  // imported and each inconsistency is passed on as a warning; what cannot be read at all stops it.
  for (const f of audited.findings)
    if (FATAL.has(f.code))
      findings.push({ ...at(f.page), code: f.code, severity: 'error', path: '', message: bilingual(f.message, f.quote ? `（${f.quote}）无法导入。` : '无法导入。', ' Cannot import.') });
    else if (f.severity === 'error')
      findings.push({ ...at(f.page), code: f.code, severity: 'warning', path: '', message: `公开文件自身不一致，按表中印出的数字导入：${bilingual(f.message, f.quote ? `（${f.quote}）` : '', " The document disagrees with itself; its tables' figures were imported.")}` });
  // Another set of tables (ten-tables: amounts in 元, no table of projects, Part 2 the text): its tables
  // audit reads, but the figures and texts of a data file are read from the default set's only.
  const set = audited.doc?.set;
  if (set && set.name !== 'default') {
    const first = audited.doc!.tables[0];
    findings.push({ ...at(first?.page ?? 1), code: 'IMPORT_TABLE_SET', severity: 'error', path: '',
      message: `公开文件用的是“${set.name}”一套表（表 ${first?.no ?? 1} ${first?.title ?? ''} …），由公开文件导入只支持默认的十一张表：请导入它的工作簿（预算系统导出的，或 build --format xlsx 写出的）。 Import of a published document reads the default eleven tables only; import its workbook.` });
  }
  // A table read out of row order (plain `pdftotext`) would give figures of other rows: refuse it.
  for (const t of audited.doc?.tables ?? []) if (t.unordered) findings.push({ ...at(t.page), code: 'AUDIT_TABLE_UNORDERED', severity: 'error', path: '', message: unorderedMessage(t) });
  if (hasErrors(findings) || !audited.doc) return { findings };
  const doc = audited.doc;
  const say: Say = (page, code, severity, message, path = '') => findings.push({ ...at(page), code, severity, message, path });
  return { findings, data: fromDoc(doc, file, say) };
}

function unorderedMessage(t: PublishedTable): string {
  const { orphans, figureLines } = t.unordered!;
  return (
    `第 ${t.page} 页表 ${t.no}（${t.title}）：文本中此表的格子不按行排列（${figureLines} 行数字中有 ${orphans} 行不跟在行名之后，多见于不带 -layout 的 pdftotext），无法知道数字属于哪一行，不能导入；请导入 PDF 本身，或用 pdftotext -layout 提取的文本。` +
    ` Table ${t.no} (page ${t.page}): the text gives this table's cells out of row order (${orphans} of ${figureLines} lines of figures follow no row label, as plain pdftotext without -layout gives), so which row a figure belongs to is unknown and it cannot be imported; import the PDF itself or text extracted with pdftotext -layout.`
  );
}

/** Audit's `中文。 English.` with more Chinese and English added each to its own half. */
function bilingual(message: string, zh: string, en: string): string {
  const i = message.search(/ [A-Z]/);
  return i < 0 ? `${message}${zh}${en}` : `${message.slice(0, i)}${zh} ${message.slice(i + 1)}${en}`;
}

function fromDoc(doc: PublishedDoc, file: string, say: Say): ImportedData {
  const page = (no: number) => doc.tables.find((t) => t.id === `t${no}`)?.page ?? doc.parts.find((p) => p.no === 2)?.page ?? 1;
  // `表 6（第 8 页）`; HTML has no pages.
  const w = (label: string, ...pages: (number | undefined)[]) => (pages.every((n) => n) ? `${label}（第 ${pages.join('、')} 页）` : label);
  const budget = budgetLines(doc, say);
  const basic_economic = basicEconomic(doc, say);
  const three = threePublic(doc);
  const texts = projectTexts(doc);
  const perf = performanceTable(doc, say);
  const pubProjects = projects(doc, say).map((pr) => {
    const t = texts.get(pr.name);
    if (!t) say(pr.page, 'IMPORT_ASSUMPTION', 'warning', `第三部分七中找不到项目“${pr.name}”的说明：政策依据和资金分配待填写。 No 七 section for this project.`, 'projects');
    const owner = t?.owner && t.owner !== doc.unit ? t.owner : undefined;
    const period = t?.period && t.period !== `${doc.year}年1月-12月` ? t.period : undefined;
    const performance = perf?.projectName === pr.name ? perf.performance : undefined;
    // The source is the general budget's key the line's project spending has (一般公共预算 or its transfer).
    const line = budget.find((l) => l.code === pr.code);
    const source = (['general', 'general_transfer'] as const).find((k) => line?.project?.[k]) ?? pr.source;
    return { ...pr, source, policy_basis: t?.policy_basis, allocation: t?.allocation, owner, period, performance, from: `${w('表 7', pr.page)}${t ? `；说明见${w('第三部分七', t.page)}` : ''}${performance ? `；${w('绩效目标表', perf!.page)}` : ''}` };
  });
  // Projects of other budgets (fund, state capital, unit funds) are named in no table.
  const t3Project = doc.tables.find((t) => t.id === 't3')?.rows.find((r) => !r.code)?.cells.find((c) => c.col === 3)?.fig.cents ?? 0;
  const t7Total = doc.tables.find((t) => t.id === 't7')?.rows.find((r) => !r.code)?.cells[0]?.fig.cents ?? 0;
  if (t3Project > t7Total)
    say(page(3), 'IMPORT_ASSUMPTION', 'warning', `项目支出 ${(t3Project / 100).toFixed(2)} 万元中，${((t3Project - t7Total) / 100).toFixed(2)} 万元不属一般公共预算，公开文件的各表没有这些项目的名称和经济分类，未导入为 projects：请补填。 Projects of other budgets are named nowhere in the document; not imported.`, 'projects');
  const ov = overview(doc);
  const date = publishedDate(doc);
  if (!date) say(doc.lines[doc.lines.length - 1]?.page ?? 1, 'IMPORT_ASSUMPTION', 'warning', '文末落款下没有公开日期，待填写。 No date under the signature.', 'unit.published');
  const staffing = doc.overview.staffing;
  const group = (name: string) => staffing?.groups.find((g) => g.name === name);
  const proc = procurement(doc);
  const ast = assets(doc);
  if (!proc) say(doc.part3.at[0]?.page ?? 1, 'IMPORT_ASSUMPTION', 'warning', '第三部分十二没有可读的政府采购句子：采购预算待填写。 No procurement sentences read.', 'procurement');
  if (!ast) say(doc.part3.at[0]?.page ?? 1, 'IMPORT_ASSUMPTION', 'warning', '第三部分十二没有可读的国有资产句子：资产待填写。 No asset sentences read.', 'assets');
  const classNames = new Map([5, 8, 9].flatMap((no) => doc.tables.find((t) => t.id === `t${no}`)?.rows ?? []).filter((r) => r.code.length === 3).map((r) => [r.name, r.code]));
  const purposeMap: Record<string, string> = {};
  for (const [name, text] of purposes(doc)) {
    const code = classNames.get(name);
    if (code) purposeMap[code] = text;
  }
  const other = otherMatters(doc);
  // 运行经费 is table 6's 公用经费 as imported (thousandths where they were assumed).
  const operating = Object.entries(basic_economic).filter(([c]) => c.length === 5 && !PERSONNEL_CLASSES.has(c.slice(0, 3))).reduce((a, [, v]) => a + Math.round(v.times(1000).toNumber()), 0);
  const prior = priorAndReasons(doc, budget, three, operating || undefined, say);
  const known: Known = {
    source: file.split(/[\\/]/).pop()!,
    from: {
      unit: `${w('第一部分标题', doc.parts[0]?.page)}；公开日期取自${w('文末落款', date?.page)}`,
      overview: w('第一部分', ov.page),
      staffing: staffing ? w('第一部分二', staffing.page) : undefined,
      budget: w('表 2、表 3、表 5', page(2), page(3), page(5)),
      basic_economic: w('表 6', page(6)),
      projects: w('表 7', page(7)),
      three_public: w('表 10', page(10)),
      procurement: proc ? w('第三部分十二(二)', proc.page) : undefined,
      assets: ast ? w('第三部分十二(三)', ast.page) : undefined,
      purposes: w('第三部分四', doc.mentions.find((m) => m.section === 4)?.page),
      other_matters: other?.text ? w('第三部分十二(五)', other.page) : undefined,
      prior: `上年数 = 本年数 − 第三部分所写的增减${prior.page ? `（第 ${prior.page} 页起）` : ''}`,
      reasons: '取自第三部分各句的“主要原因是……”',
    },
    published: date?.date,
    kind: unitKind(doc),
    functions: ov.functions,
    subordinates: ov.subordinates,
    departments: ov.departments,
    staffing: staffing && {
      authorized: staffing.quota ?? 0,
      groups: { serving: { count: group('在职')?.count ?? 0, change: group('在职')?.change }, retired: { count: group('退休')?.count ?? 0, change: group('退休')?.change }, honorary_retired: { count: group('离休')?.count ?? 0, change: group('离休')?.change } },
    },
    procurement: proc?.values,
    assets: ast?.lines,
    purposes: purposeMap,
    other_matters: other?.text,
    prior: { budget: prior.budget, operating_expense: prior.operating_expense, three_public: prior.three_public },
    reasons: orderReasons(prior.reasons),
  };
  if (!staffing) say(ov.page, 'IMPORT_ASSUMPTION', 'warning', '第一部分没有可读的人员编制句子：人员情况待填写。 No staffing sentence read.', 'overview.staffing');
  return { unitName: doc.unit, year: doc.year, budget, basic_economic, projects: pubProjects, three_public: three, confirmed: new Set(), known, subtotals: {}, exact: false };
}

const REASON_ORDER = ['income', 'expenditure', 'general_budget', 'lines', 'fund_budget', 'state_capital_budget', 'carryover', 'operating_expense', 'three_public'];
function orderReasons(m: Map<string, string>): Map<string, string> {
  return new Map([...m].sort(([a], [b]) => REASON_ORDER.indexOf(a.split('.')[0]!) - REASON_ORDER.indexOf(b.split('.')[0]!)));
}

/** `import` of a published document: read, write the data file, check it; nothing written on an error. */
export async function importPublishedFile(file: string, options: ImportFileOptions): Promise<ImportFileResult> {
  const read = await readPublishedData(file, { profile: options.profile, templates: options.templatesDir });
  if (!read.data) return { findings: read.findings };
  const out = options.out!;
  const text = dataFileText(read.data, { year: options.year, file: out });
  const loaded = loadText(text, out);
  const checked = loaded.data ? check(loaded) : loaded.findings;
  const problems = checked.filter((f) => f.severity === 'error');
  if (problems.length)
    return { findings: [...read.findings, ...problems.map((f) => ({ ...f, message: `由公开文件导入的数据未通过检查，未写入：${f.message}`, file: out }))] };
  if (existsSync(out) && !options.force) throw new ImportExistsError(out);
  try {
    writeAtomic(out, text, { overwrite: options.force ?? false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ImportExistsError(out);
    throw error;
  }
  return { findings: read.findings, written: out, data: read.data };
}

/** Which importer a file needs, by its first bytes: a zip or CFB container is a workbook, `%PDF` or text
 * (HTML included) a published document — except text named `.xls`/`.xlsx`, which is a broken workbook. */
export function importKind(file: string): 'workbook' | 'published' {
  let head: Buffer;
  try {
    const fd = openSync(file, 'r');
    head = Buffer.alloc(8);
    readSync(fd, head, 0, 8, 0);
    closeSync(fd);
  } catch {
    return 'workbook'; // the workbook reader says what is wrong with the file
  }
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) || head.equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) return 'workbook';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'published';
  return /\.(xlsx?|xlsm)$/i.test(file) ? 'workbook' : 'published';
}
