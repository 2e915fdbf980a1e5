// `import --into data.yaml`: the workbook's figures written into an existing data file (typically
// the draft `yusuan draft` made from last year). Each figure the workbook gives replaces the one in
// the file, in place, and loses its `!unconfirmed` tag; comments, texts, reasons, placeholders and
// key order stay byte for byte (splices on the source, as draft does). A figure the file has no
// place for (a new line, a new source) is added through the yaml Document API.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Scalar } from 'yaml';
import type { Decimal } from 'decimal.js';
import { applySplices, type Splice } from '../draft/splice.js';
import type { Finding } from '../findings.js';
import { UNCONFIRMED_TAG } from '../load/schema.js';
import type { Imported } from './rebuild.js';

export interface IntoResult {
  text: string;
  /** Figures replaced in place, and added. */
  replaced: number;
  added: string[];
  findings: Finding[];
}

type Path = (string | number)[];

export function updateText(source: string, d: Imported, file?: string): IntoResult {
  const doc = parseDocument(source, { keepSourceTokens: false });
  const figures: [Path, Decimal][] = [];
  const budget = doc.get('budget', true);
  const lineIndex = (code: string) => (isSeq(budget) ? budget.items.findIndex((item) => isMap(item) && String((item.get('code', true) as Scalar | undefined)?.value) === code) : -1);
  const missingLines: typeof d.budget = [];
  for (const line of d.budget) {
    const i = lineIndex(line.code);
    if (i < 0) {
      missingLines.push(line);
      continue;
    }
    for (const part of ['basic', 'personnel', 'public', 'project'] as const)
      for (const [k, v] of Object.entries(line[part] ?? {})) figures.push([['budget', i, part, k], v!]);
  }
  // A 3-digit 类 subtotal is optional (stated only to be checked): updated where the file has one, never added.
  for (const [code, v] of Object.entries(d.basic_economic))
    if (code.length === 5 || isScalar(getNode(doc, ['basic_economic', code]))) figures.push([['basic_economic', Number(code)], v]);
  const projects = doc.get('projects', true);
  d.projects.forEach((p) => {
    const i = isSeq(projects) ? projects.items.findIndex((item) => isMap(item) && (item.get('name', true) as Scalar | undefined)?.value === p.name) : -1;
    if (i >= 0) for (const [k, v] of Object.entries(p.economic)) figures.push([['projects', i, 'economic', Number(k)], v]);
  });
  for (const [k, m] of Object.entries(d.three_public)) for (const [s, v] of Object.entries(m)) figures.push([['three_public', k, s], v!]);

  const splices: Splice[] = [];
  const absent: [Path, Decimal][] = [];
  for (const [path, value] of figures) {
    const node = getNode(doc, path);
    if (isScalar(node) && node.range) {
      const [start, end] = node.range;
      const tagAt = node.tag === UNCONFIRMED_TAG ? source.lastIndexOf(UNCONFIRMED_TAG, start) : -1;
      splices.push({ start: tagAt >= 0 ? tagAt : start, end, text: value.toFixed() });
    } else absent.push([path, value]);
  }
  let text = applySplices(source, splices);
  const added: string[] = [];
  if (absent.length || missingLines.length) {
    // Structure to add: through the Document API, on the spliced text so the replacements stay.
    const doc2 = parseDocument(text);
    for (const [path, value] of absent) {
      doc2.setIn(path, doc2.createNode(Number(value.toFixed())));
      added.push(path.join('.'));
    }
    for (const line of missingLines) {
      const node: Record<string, unknown> = { code: Number(line.code) };
      for (const part of ['basic', 'personnel', 'public', 'project'] as const)
        if (line[part]) node[part] = Object.fromEntries(Object.entries(line[part]!).map(([k, v]) => [k, Number(v!.toFixed())]));
      const created = doc2.createNode(node);
      for (const part of ['basic', 'personnel', 'public', 'project']) {
        const m = created.get(part, true);
        if (isMap(m)) m.flow = true;
      }
      doc2.addIn(['budget'], created);
      added.push(`budget: ${line.code}`);
    }
    text = doc2.toString({ lineWidth: 0 });
  }
  const findings: Finding[] = added.length
    ? [{ code: 'IMPORT_ASSUMPTION', severity: 'note', path: '', file,
        message: `数据文件中没有位置的数字已添加（${added.join('；')}）。 Figures the data file had no place for were added.` }]
    : [];
  return { text, replaced: splices.length, added, findings };
}

function getNode(doc: Document, path: Path): unknown {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isSeq(node)) node = node.items[key as number];
    else if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key))?.value;
    else return undefined;
  }
  return node;
}
