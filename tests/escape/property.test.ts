// Property test: random Markdown, CSS and HTML syntax and control characters typed into every text
// field of the reference data reach every output as text — the HTML page's text, the Markdown file
// (parsed back with markdown-it), <title>, <meta>, the running header's CSS string, the PDF metadata —
// and reach the terminal only with control characters shown visibly. The structure of the document
// (its headings and tables) never changes. Seeded, so a failure names a reproducible case.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Scalar } from 'yaml';
import { pdfMeta } from '../../src/build.js';
import { check, compute, formatFindings, loadText, render } from '../../src/index.js';
import { formatDiffText } from '../../src/diff/format-text.js';
import { documentText } from '../../src/render/escape.js';
import { htmlBlocks, type Block } from '../../src/render/html-blocks.js';
import { REFERENCE_DATA } from '../helpers/reference.js';
import { random } from '../helpers/random.js';

const SYNTAX = [
  '~~~', '~~x~~', '    ', '---', '\r\r# x', 'main{display:none}', '"', '</style>', '<script>alert(1)</script>', '*x*', '[a](b)',
  '|', '`', '```', '&amp;', '&#42;', '&lt;b&gt;', '# ', '1. ', '- ', '> ', '===', '\\', '_y_', '<!--', '-->', '{{unit.name}}',
  '\uE0000\uE001', "'", '=', ',', '\t', '\n', '\n\n', '\u2028', '@page{}', '}', ';', 'url(x)', '<mark>', '【待填写：x】', '$1', '^',
];
const CONTROLS = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== '\t' && c !== '\n'), '\u007f', '\u0085', '\u009b', '\u001b]0;x\u0007', '\u001b[2J'];

interface Field {
  path: string;
  node: Scalar;
}

/** Every string scalar with its key path, spelt as findings spell it. */
function stringScalars(doc: Document): Field[] {
  const out: Field[] = [];
  const keyText = (key: unknown) => (isScalar(key) ? String(key.source ?? key.value) : String(key));
  const visit = (node: unknown, path: string) => {
    if (isScalar(node)) {
      if (typeof node.value === 'string') out.push({ path, node });
    } else if (isMap(node)) for (const pair of node.items) visit(pair.value, path ? `${path}.${keyText(pair.key)}` : keyText(pair.key));
    else if (isSeq(node)) node.items.forEach((item, i) => visit(item as Node, `${path}[${i}]`));
  };
  visit(doc.contents, '');
  return out;
}

const source = readFileSync(REFERENCE_DATA, 'utf8');
const UNIT = '新疆维吾尔自治区工业和信息化厅信息中心';

/** The free-text fields: those that take any text without an error (not codes, dates, kinds). */
function textFields(): { doc: Document; fields: Field[] } {
  const doc = parseDocument(source);
  let fields = stringScalars(doc);
  const original = new Map(fields.map((f) => [f, f.node.value as string]));
  for (let round = 0; round < 5; round++) {
    fields.forEach((f, i) => (f.node.value = `字段${i}号`));
    const errors = new Set(check(loadText(String(doc), 'data.yaml')).filter((f) => f.severity === 'error').map((f) => f.path));
    if (!errors.size) break;
    for (const f of fields) if (errors.has(f.path)) f.node.value = original.get(f)!;
    fields = fields.filter((f) => !errors.has(f.path));
  }
  return { doc, fields };
}

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const blockTexts = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat().map((c) => c.text) : [b.text])).join('\n');
/** How many of each element a page has: data text adds none (but the <mark> of a draft's placeholder). */
const elements = (html: string) => {
  const counts: Record<string, number> = {};
  for (const m of html.replace(/<mark class="placeholder">/g, '').matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)) counts[m[1]!.toLowerCase()] = (counts[m[1]!.toLowerCase()] ?? 0) + 1;
  return counts;
};
const structure = (blocks: Block[]) => blocks.map((b) => (b.kind === 'table' ? `table:${b.rows.length}` : b.kind === 'heading' ? `h${b.level}` : 'p'));

/** The running header's CSS strings, unescaped (the layout's two; print.css quotes one in a comment before them). */
function runningHeaders(html: string): string[] {
  return [...html.matchAll(/@top-center \{ content: "((?:[^"\\]|\\.)*)"/g)].map((m) =>
    m[1]!.replace(/\\([0-9a-fA-F]{1,6}) ?|\\(.)/gsu, (_, hex?: string, ch?: string) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : ch!)),
  ).slice(-2);
}

describe('random syntax and control characters in every text field', () => {
  const { doc, fields } = textFields();
  const nameField = fields.find((f) => f.path === 'unit.name')!;
  const baseline = (() => {
    fields.forEach((f, i) => (f.node.value = `字段${i}号`));
    const { html } = render(compute(loadText(String(doc), 'data.yaml').data!));
    const blocks = htmlBlocks(html);
    const text = blockTexts(blocks);
    return { structure: structure(blocks), elements: elements(html), shown: fields.filter((_, i) => text.includes(`字段${i}号`)) };
  })();

  it('finds the text fields of the reference, and most are shown in the document', () => {
    expect(fields.length).toBeGreaterThan(80);
    expect(nameField).toBeDefined();
    expect(baseline.shown.length).toBeGreaterThan(60);
    for (const path of ['overview.functions[0]', 'projects[0].name', 'projects[0].policy_basis', 'projects[0].allocation', 'reasons.three_public.overseas', 'reasons.lines.2080505'])
      expect(baseline.shown.map((f) => f.path)).toContain(path);
  });

  it.each(Array.from({ length: 12 }, (_, i) => i + 1))('seed %i', (seed) => {
    const next = random(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const values = fields.map((_, i) => {
      const pieces = Array.from({ length: 1 + Math.floor(next() * 5) }, () => (next() < 0.25 ? pick(CONTROLS) : pick(SYNTAX)));
      // A leading piece too, so that block syntax meets the start of a line.
      return next() < 0.5 ? `${pieces.join('')}字段${i}号` : `字段${i}号${pieces.join('')}`;
    });
    fields.forEach((f, i) => {
      f.node.value = values[i]!;
      f.node.type = 'QUOTE_DOUBLE';
    });
    const loaded = loadText(String(doc), 'data.yaml');
    expect(loaded.data, JSON.stringify(loaded.findings.slice(0, 3))).toBeDefined();

    // check: every field with a control character is refused where it is, and the terminal gets none.
    const findings = check(loaded);
    const refused = new Set(findings.filter((f) => f.code === 'CONTROL_CHARACTER').map((f) => f.path));
    const withControls = fields.filter((_, i) => /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(values[i]!)).map((f) => f.path);
    expect([...refused].sort()).toEqual([...withControls].sort());
    expect(formatFindings(findings, loaded.source)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);

    // render (the library renders what check would refuse): every text literal, control characters visible.
    const view = compute(loaded.data!);
    const { markdown, html } = render(view);
    const blocks = htmlBlocks(html);
    const fromMarkdown = htmlBlocks(md.render(markdown));
    expect(structure(blocks)).toEqual(baseline.structure);
    expect(structure(fromMarkdown)).toEqual(baseline.structure);
    const pageText = blockTexts(blocks);
    const markdownText = blockTexts(fromMarkdown);
    for (const f of baseline.shown) {
      const expected = squash(documentText(values[fields.indexOf(f)]!));
      expect(pageText, f.path).toContain(expected);
      expect(markdownText, f.path).toContain(expected);
    }
    expect(elements(html)).toEqual(baseline.elements);

    // The unit's name in the page's head and the PDF metadata: the text, never a <mark>.
    const name = documentText(values[fields.indexOf(nameField)]!);
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).not.toContain('<mark');
    const meta = pdfMeta(view, html);
    expect(meta.title).toBe(`${name}${view.unit.year}年单位预算公开`);
    expect(meta.author).toBe(name);
    expect(meta.keywords).toEqual(['单位预算公开', `${view.unit.year}年`, name]);
    expect(runningHeaders(html)).toEqual([`${name} ${view.unit.year} 年单位预算公开`, `${name} ${view.unit.year} 年单位预算公开`]);
    // Only the layout's own three style elements, each closed where the layout closes it.
    expect(head.match(/<\/style>/g)).toHaveLength(3);
  });

  it('a placeholder in the unit name is highlighted in the body only, not in <title>, <meta>, the running header or the PDF metadata', () => {
    const file = fileURLToPath(new URL('../fixtures/bad/placeholder-unit-name/data.yaml', import.meta.url));
    const view = compute(loadText(readFileSync(file, 'utf8'), file).data!);
    const { html, markdown } = render(view);
    const name = '新疆维吾尔自治区【待填写：单位全称】信息中心';
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).not.toContain('<mark');
    expect(head).toContain(`<title>${name}2024年单位预算公开</title>`);
    expect(runningHeaders(html)).toEqual([`${name} 2024 年单位预算公开`, `${name} 2024 年单位预算公开`]);
    expect(pdfMeta(view, html)).toMatchObject({ title: `${name}2024年单位预算公开`, author: name, keywords: ['单位预算公开', '2024年', name] });
    const marked = '新疆维吾尔自治区<mark class="placeholder">【待填写：单位全称】</mark>信息中心';
    expect(html.slice(html.indexOf('<body'))).toContain(marked);
    expect(markdown).toContain(marked);
  });

  it('text holding the private-use characters of a token stays that text everywhere', () => {
    const name = '中心\uE0000\uE001\uE0003\uE001';
    const view = compute(loadText(source.replace(`name: ${UNIT}`, `name: "${name}"`), 'data.yaml').data!);
    expect(view.unit.name).toBe(name);
    const { html, markdown } = render(view);
    expect(runningHeaders(html)).toEqual([`${name} 2024 年单位预算公开`, `${name} 2024 年单位预算公开`]);
    expect(pdfMeta(view, html)).toMatchObject({ title: `${name}2024年单位预算公开`, author: name });
    expect(blockTexts(htmlBlocks(html))).toContain(`第一部分 2024 年${name}单位概况`);
    expect(blockTexts(htmlBlocks(md.render(markdown)))).toContain(`第一部分 2024 年${name}单位概况`);
  });

  it('the text diff shows control characters in its sentences and labels visibly, and colours with its own escapes only', () => {
    const nasty = '甲\u001b]0;title\u0007\u001b[2J乙\u009b31m\r丙';
    const diff = {
      figures: [{ key: 'k', group: `组${nasty}`, label: `项${nasty}`, kind: 'amount' as const, old: null, new: null, difference: null }],
      sentences: [
        { part: 'part-1', context: nasty, old: nasty, new: `${nasty}丁`, segments: [{ kind: 'same' as const, text: nasty }, { kind: 'added' as const, text: '丁' }] },
        { part: 'part-1', context: null, old: nasty, new: null, segments: null },
      ],
      parts: ['part-1'],
    };
    const plain = formatDiffText(diff as never, { oldName: `a${nasty}.yaml`, newName: 'b.yaml' });
    expect(plain).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(plain).toContain('甲\\x1b]0;title\\x07\\x1b[2J乙\\x9b31m\\x0d丙');
    const coloured = formatDiffText(diff as never, { color: true });
    expect(coloured.replace(/\u001b\[[\d;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
