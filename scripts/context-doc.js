#!/usr/bin/env node
// Writes docs/template-context.md: every field a template can use, read from the view's types
// (src/compute/index.ts `View` and the types it references) with the TypeScript compiler API, its
// meaning from the field's JSDoc, and the reference's value (data/2024-info-center.yaml) shown as the
// template would show it; then the helpers, from the JSDoc of src/render/helpers.ts.
// Run `npm run context-doc` after changing the view; a test fails while the committed file is stale.
//
// The figures come from the functions passed in (the test passes the sources, the command dist/),
// so the test never reads a stale build.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CONTEXT_DOC = 'docs/template-context.md';
const REFERENCE = 'data/2024-info-center.yaml';

/** A Record over at least this many keys, all of one undocumented type, is shown once as `<key>`. */
const COLLAPSE = 3;
/** Names of fields holding a rate or share in percent: shown as `pct` shows them. */
const RATES = new Set(['share', 'pct']);

function program() {
  const files = ['src/compute/index.ts', 'src/render/helpers.ts'].map((f) => join(root, f));
  return ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, noEmit: true });
}

const docOf = (checker, symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\s*\n\s*/g, ' ').trim();

/** The type without null and undefined, and whether it had them. */
function nonNull(type) {
  if (!type.isUnion()) return { type, nullable: false };
  const kept = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
  const nullable = kept.length < type.types.length;
  // true | false is boolean: keep the union.
  return { type: kept.length === 1 ? kept[0] : type, nullable, kept };
}

function kindOf(checker, type) {
  const { type: t, nullable, kept } = nonNull(type);
  const sym = t.getSymbol?.() ?? t.aliasSymbol;
  if (sym?.getName() === 'Decimal') return { kind: 'figure', nullable };
  // A union's members without null (a category `'personnel' | 'operation' | 'specific' | null` is text).
  const all = (flags) => (kept && kept.length > 1 ? kept : t.isUnion() ? t.types : [t]).every((k) => k.flags & flags);
  if (all(ts.TypeFlags.BooleanLike)) return { kind: 'boolean', nullable };
  if (all(ts.TypeFlags.NumberLike)) return { kind: 'number', nullable };
  if (all(ts.TypeFlags.StringLike | ts.TypeFlags.TemplateLiteral)) return { kind: 'text', nullable };
  if (all(ts.TypeFlags.StringLike | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.NumberLike)) return { kind: 'number or text', nullable };
  if (checker.isArrayType(t) || checker.isTupleType(t)) return { kind: 'list', nullable, element: checker.getTypeArguments(t)[0] };
  if (all(ts.TypeFlags.Object)) return { kind: 'object', nullable, type: t };
  return { kind: checker.typeToString(t), nullable };
}

/** Rows { path, kind, doc, pick } for every field reachable from the view, depth first. */
function fields(checker, type, path, pick, seen, rows) {
  const props = checker.getPropertiesOfType(type);
  const types = props.map((p) => checker.getTypeOfSymbol(p));
  const uniform = props.length >= COLLAPSE && types.every((t) => t === types[0]) && props.every((p) => !docOf(checker, p));
  const entries = uniform ? [{ name: '<key>', symbol: props[0], type: types[0], keys: props.map((p) => p.getName()) }] : props.map((p, i) => ({ name: p.getName(), symbol: p, type: types[i] }));
  for (const e of entries) {
    const key = e.keys ? e.keys[0] : e.name;
    const here = `${path}.${e.name}`;
    // Under a parent that is null in the reference (an optional block it lacks), nothing is shown.
    const at = (v) => (v === null || v === undefined ? undefined : v[key]);
    const get = (root) => at(pick(root));
    const k = kindOf(checker, e.type);
    const doc = [docOf(checker, e.symbol), e.keys ? `Keys: ${e.keys.join(', ')}.` : ''].filter(Boolean).join(' ');
    rows.push({ path: here.slice(1), kind: k.kind + (k.nullable ? ' or null' : ''), doc, get, name: e.keys ? key : e.name });
    if (seen.includes(k.type ?? k.element)) continue;
    if (k.kind === 'object') fields(checker, k.type, here, get, [...seen, k.type], rows);
    if (k.kind === 'list') {
      const el = kindOf(checker, k.element);
      if (el.kind === 'object') fields(checker, el.type, `${here}[]`, (r) => get(r)?.[0], [...seen, el.type], rows);
      else rows[rows.length - 1].kind = `list of ${el.kind}`;
    }
  }
}

function shown(row, value, format) {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'object' && typeof value.toFixed === 'function' && typeof value.isZero === 'function')
    return RATES.has(row.name) ? `${format.rate(value)}` : format.amount(value);
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return '';
  const text = String(value).replace(/\s+/g, ' ');
  return typeof value === 'string' ? `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”` : text;
}

const cell = (s) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;');

/**
 * The document's text. `lib` gives the figures: { loadText, compute, numberFormat, DEFAULT_PROFILE }
 * from the sources (tests) or from dist/ (the command).
 */
export function contextDoc(lib) {
  const p = program();
  const checker = p.getTypeChecker();
  const index = p.getSourceFile(join(root, 'src/compute/index.ts'));
  const view = index.statements.find((s) => ts.isTypeAliasDeclaration(s) && s.name.text === 'View');
  const rows = [];
  fields(checker, checker.getTypeAtLocation(view.name), '', (r) => r, [], rows);
  const helpersFile = p.getSourceFile(join(root, 'src/render/helpers.ts'));
  const fn = helpersFile.statements.find((s) => ts.isFunctionDeclaration(s) && s.name?.text === 'helpers');
  const signature = checker.getSignatureFromDeclaration(fn);
  const helpers = checker.getPropertiesOfType(checker.getReturnTypeOfSignature(signature)).map((h) => ({ name: h.getName(), doc: docOf(checker, h) }));

  const file = join(root, REFERENCE);
  const data = lib.loadText(readFileSync(file, 'utf8'), file).data;
  const reference = lib.compute(data);
  const format = lib.numberFormat(lib.DEFAULT_PROFILE);
  const table = rows.map((r) => `| \`${r.path}\` | ${r.kind} | ${cell(r.doc || '—')} | ${cell(shown(r, r.get(reference), format))} |`);
  return `# The template context

<!-- Generated by scripts/context-doc.js from the view's types (src/compute/index.ts View) and their
JSDoc; do not edit by hand: run \`npm run context-doc\`. A test fails while this file is stale. -->

Every field a template (\`templates/**/*.hbs\`, or a profile's or \`--templates\` folder's) can use,
with its meaning and its value in the reference (\`${REFERENCE}\`), shown as the default profile's
helpers show it: figures are exact decimals in 万元 that a template shows with \`{{amount x}}\`
(rates and shares with \`{{pct x}}\`), never printed bare. \`a.b[]\` is an element of the list
\`a.b\` (the reference's first is shown), \`<key>\` any of the keys listed (the first is shown).
Templates also see \`layouts\`: the tables' layout from \`tables.yaml\` (titles, header labels,
the \`meta.unit_name\` and \`meta.unit\` line), read by \`partials/tables/*.hbs\`.

Templates run in Handlebars strict mode: a field not listed here is an error, never an empty string.

## Fields

| field | kind | meaning | reference |
|---|---|---|---|
${table.join('\n')}

## Helpers

Every number is formatted by a helper, as the profile (\`profile.yaml\`) says: display unit,
decimals, trailing zeros, thousands separators.

| helper | what it does |
|---|---|
${helpers.map((h) => `| \`${h.name}\` | ${cell(h.doc || '—')} |`).join('\n')}
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const lib = await import('../dist/index.js');
  const { loadText } = await import('../dist/load/load.js');
  writeFileSync(join(root, CONTEXT_DOC), contextDoc({ ...lib, loadText }));
  console.log(`wrote ${CONTEXT_DOC}`);
}
