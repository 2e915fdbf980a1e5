// `import --into data.yaml`: the workbook's figures written into an existing data file (typically
// the draft `yusuan draft` made from last year). Every edit is a splice on the source text, as draft
// makes them, so comments, texts, reasons, placeholders and key order stay byte for byte: a figure
// the file has replaces it and loses its `!unconfirmed` tag; a figure it lacks is added into its
// `{ … }` map or as a new key, a budget line or project it lacks is appended to its list.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import type { Decimal } from 'decimal.js';
import { columnOf } from '../draft/yaml-text.js';
import { applySplices, type Splice } from '../draft/splice.js';
import type { Finding } from '../findings.js';
import { UNCONFIRMED_TAG } from '../load/schema.js';
import { MEETING_TRAINING_KEYS } from '../model.js';
import type { Imported } from './rebuild.js';
import { budgetLineLines, projectLines } from './write-yaml.js';

export interface IntoResult {
  text: string;
  /** Figures replaced in place. */
  replaced: number;
  /** What was added (key paths, new lines and projects). */
  added: string[];
  findings: Finding[];
}

type Path = (string | number)[];

function getNode(doc: Document, path: Path): unknown {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isSeq(node)) node = node.items[key as number];
    else if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key))?.value;
    else return undefined;
  }
  return node;
}

export function updateText(source: string, d: Imported, file?: string): IntoResult {
  const doc = parseDocument(source);
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const splices: Splice[] = [];
  const added: string[] = [];
  let replaced = 0;
  /** Paths of the figures the workbook gives (set or added), to find the file's figures it does not. */
  const given = new Set<string>();

  /** After the line where `node` ends: where a new line under it goes. */
  const afterLine = (node: Node) => {
    const end = node.range![1];
    const back = source.lastIndexOf('\n', end - 1);
    return source[end - 1] === '\n' ? end : source.indexOf('\n', end) < 0 ? source.length : (back >= node.range![0] && source.slice(back + 1, end).trim() === '' ? back + 1 : source.indexOf('\n', end) + 1);
  };
  const setFigure = (path: Path, value: Decimal) => {
    given.add(path.join('.'));
    const node = getNode(doc, path);
    const text = value.toFixed();
    if (isScalar(node) && node.range) {
      const [start, end] = node.range;
      const tagAt = node.tag === UNCONFIRMED_TAG ? source.lastIndexOf(UNCONFIRMED_TAG, start) : -1;
      splices.push({ start: tagAt >= 0 ? tagAt : start, end, text });
      replaced++;
      return;
    }
    const key = String(path[path.length - 1]);
    const parent = getNode(doc, path.slice(0, -1));
    if (isMap(parent) && parent.range) {
      added.push(path.join('.'));
      if (parent.flow) {
        const close = source.lastIndexOf('}', parent.range[1]);
        if (parent.items.length === 0) splices.push({ start: source.lastIndexOf('{', close), end: close + 1, text: `{ ${key}: ${text} }` });
        else {
          const at = source.slice(0, close).trimEnd().length;
          splices.push({ start: at, end: at, text: `, ${key}: ${text}` });
        }
      } else addKey(parent as YAMLMap, `${key}: ${text}`);
      return;
    }
    // The map itself is absent (a line without `project:`): a new `part: { key: value }` under its parent.
    const grand = getNode(doc, path.slice(0, -2));
    if (isMap(grand) && grand.range && !grand.flow) {
      addKey(grand as YAMLMap, `${String(path[path.length - 2])}: { ${key}: ${text} }`);
      added.push(path.join('.'));
    }
  };
  const addKey = (map: YAMLMap, line: string) => {
    const first = map.items[0]?.key as Node | undefined;
    const last = map.items[map.items.length - 1];
    const lastNode = (last?.value ?? last?.key) as Node | undefined;
    if (!first?.range || !lastNode?.range) return;
    const at = afterLine(lastNode);
    splices.push({ start: at, end: at, text: `${' '.repeat(columnOf(source, first.range[0]))}${line}${eol}` });
  };
  const appendItem = (seqPath: string, lines: string[]) => {
    const seq = doc.get(seqPath, true);
    if (!isSeq(seq) || seq.flow || !seq.items.length) return false;
    const lastItem = seq.items[seq.items.length - 1] as Node;
    const firstItem = seq.items[0] as Node;
    const dash = source.lastIndexOf('-', firstItem.range![0]);
    const indent = columnOf(source, dash);
    const at = afterLine(lastItem);
    const shifted = lines.map((l) => ' '.repeat(indent) + l.slice(2));
    splices.push({ start: at, end: at, text: shifted.join(eol) + eol });
    return true;
  };

  const budget = doc.get('budget', true);
  const lineIndex = (code: string) => (isSeq(budget) ? budget.items.findIndex((item) => isMap(item) && String(item.get('code')) === code) : -1);
  const newLines: string[] = [];
  for (const line of d.budget) {
    const i = lineIndex(line.code);
    if (i < 0) {
      newLines.push(...budgetLineLines(line, '  '));
      added.push(`budget: ${line.code}`);
      continue;
    }
    for (const part of ['basic', 'personnel', 'public', 'project'] as const)
      for (const [k, v] of Object.entries(line[part] ?? {})) setFigure(['budget', i, part, k], v!);
  }
  if (newLines.length && !appendItem('budget', newLines)) added.splice(0); // an empty or flow list: left as is
  for (const [code, v] of Object.entries(d.basic_economic)) setFigure(['basic_economic', code], v);
  // A stated 类 subtotal (optional, only checked) is updated where the file has one, from an exact workbook;
  // a workbook in 万元 shows it rounded, which need not match the sum of its rounded 款: left for the officer.
  const keptSubtotals: string[] = [];
  for (const [code, v] of Object.entries(d.subtotals))
    if (isScalar(getNode(doc, ['basic_economic', code]))) {
      if (d.exact) setFigure(['basic_economic', code], v);
      else keptSubtotals.push(code);
    }
  const projects = doc.get('projects', true);
  const newProjects: string[] = [];
  for (const p of d.projects) {
    const i = isSeq(projects) ? projects.items.findIndex((item) => isMap(item) && item.get('name') === p.name) : -1;
    if (i >= 0) for (const [k, v] of Object.entries(p.economic)) setFigure(['projects', i, 'economic', k], v);
    else {
      newProjects.push(...projectLines(p, '  '));
      added.push(`projects: ${p.name}`);
    }
  }
  if (newProjects.length) appendItem('projects', newProjects);
  for (const [k, m] of Object.entries(d.three_public)) for (const [s, v] of Object.entries(m)) setFigure(['three_public', k, s], v!);
  for (const k of MEETING_TRAINING_KEYS) for (const [s, v] of Object.entries(d[k] ?? {})) setFigure([k, s], v!);

  // Figures the file states and the workbook does not (a line or source the budget no longer has, a
  // split the workbook could not tell): kept, but tagged !unconfirmed and named, so that no strict
  // build publishes them before the officer removes or confirms them.
  const stale: string[] = [];
  const unconfirm = (path: Path, node: unknown) => {
    if (!isScalar(node) || !node.range || given.has(path.join('.'))) return;
    // A tagged figure reads as text here (this parse knows no !unconfirmed): its number is what counts.
    const value = Number(node.value);
    if (typeof node.value === 'boolean' || !Number.isFinite(value) || value === 0) return;
    stale.push(`${path.join('.')} ${source.slice(node.range[0], node.range[1])}`);
    if (node.tag !== UNCONFIRMED_TAG) splices.push({ start: node.range[0], end: node.range[0], text: `${UNCONFIRMED_TAG} ` });
  };
  const pairs = (node: unknown) => (isMap(node) ? node.items.filter((p) => isScalar(p.key)).map((p) => [String((p.key as { value: unknown }).value), p.value] as const) : []);
  if (isSeq(budget))
    budget.items.forEach((item, i) => {
      for (const part of ['basic', 'personnel', 'public', 'project'] as const)
        for (const [k, v] of pairs(isMap(item) ? item.get(part, true) : undefined)) unconfirm(['budget', i, part, k], v);
    });
  // 款 (5 digits) only: a stated 类 subtotal is checked, never printed.
  for (const [code, v] of pairs(doc.get('basic_economic', true))) if (code.length === 5) unconfirm(['basic_economic', code], v);
  for (const [k, m] of pairs(doc.get('three_public', true))) for (const [s, v] of pairs(m)) unconfirm(['three_public', k, s], v);
  // 会议费 and 培训费 only from a set of tables that prints them; a project's classes only for a project the workbook has.
  for (const k of MEETING_TRAINING_KEYS) if (d[k] !== undefined) for (const [s, v] of pairs(doc.get(k, true))) unconfirm([k, s], v);
  if (isSeq(projects))
    projects.items.forEach((item, i) => {
      if (isMap(item) && d.projects.some((p) => p.name === item.get('name')))
        for (const [k, v] of pairs(item.get('economic', true))) unconfirm(['projects', i, 'economic', k], v);
    });

  const text = applySplices(source, splices);
  const findings: Finding[] = [];
  if (stale.length)
    findings.push({ code: 'IMPORT_ASSUMPTION', severity: 'warning', path: '', file,
      message: `数据文件中有、工作簿中没有的数字已标为 !unconfirmed（未核实），请核对后删去或确认：${stale.join('；')}。 Figures the data file states and the workbook does not were tagged !unconfirmed: remove or confirm them.` });
  if (added.length)
    findings.push({ code: 'IMPORT_ASSUMPTION', severity: 'note', path: '', file,
      message: `数据文件中没有的数字、预算行或项目已添加：${added.join('；')}。新增项目的政策依据等为【待填写：…】。 Figures, lines or projects the data file lacked were added.` });
  if (keptSubtotals.length)
    findings.push({ code: 'IMPORT_ASSUMPTION', severity: 'note', path: 'basic_economic', file,
      message: `basic_economic 中填报的类小计 ${keptSubtotals.join('、')} 未更新：工作簿以万元四舍五入到分，类小计与各款之和可能相差几分；请按预算系统核对或删去。 Stated class subtotals were left as they were: the workbook in 万元 is rounded.` });
  const docName = doc.getIn(['unit', 'name']);
  if (d.unitName && typeof docName === 'string' && docName.trim() !== d.unitName)
    findings.push({ code: 'IMPORT_ASSUMPTION', severity: 'warning', path: 'unit.name', file,
      message: `工作簿的编制单位“${d.unitName}”与数据文件的单位“${docName}”不同：请确认是同一单位的工作簿。 The workbook's unit is not the data file's.` });
  const docYear = Number(doc.getIn(['unit', 'year']));
  if (d.year && docYear && d.year !== docYear)
    findings.push({ code: 'YEAR_MISMATCH', severity: 'error', path: 'unit.year', file,
      message: `工作簿是 ${d.year} 年的预算，而数据文件是 ${docYear} 年的：未写入。 The workbook's year ${d.year} is not the data file's ${docYear}.` });
  return { text, replaced, added, findings };
}
