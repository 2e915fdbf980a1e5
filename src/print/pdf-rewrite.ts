import type { PdfMeta } from './options.js';

/**
 * Sets the document information and /Lang of a PDF as Chromium (Skia) writes it — one classic xref
 * table, no object streams, no encryption — and renames the structure elements' ids in document order
 * so that the same document always gives the same bytes (see stabilizeStructureIds for why). It edits
 * the few small objects concerned as text and copies every other object, streams included, byte for
 * byte: a 22-page document takes milliseconds where parsing and saving it with pdf-lib took ~100 ms.
 * Undefined for a file of any other shape: the caller then takes the general path.
 */
export function rewritePdf(pdf: Uint8Array, meta: PdfMeta): Uint8Array | undefined {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const parsed = parse(text);
  if (!parsed) return undefined;
  const { objects, root, info, size, header } = parsed;

  const catalog = objects.get(root);
  if (catalog === undefined || /\bstream\r?\n/.test(catalog)) return undefined;
  objects.set(root, withLang(catalog, meta.lang));
  objects.set(info, `${info} 0 obj\n${infoDict(meta)}\nendobj\n`);
  if (!renameStructureIds(objects, root)) return undefined;

  // Objects in their original order, then a fresh xref table.
  const numbers = [...parsed.order];
  const parts: string[] = [header];
  let offset = header.length;
  const offsets = new Map<number, number>();
  for (const n of numbers) {
    const body = objects.get(n)!;
    offsets.set(n, offset);
    parts.push(body);
    offset += body.length;
  }
  const xref = [`xref\n0 ${size}\n`, '0000000000 65535 f \n'];
  for (let n = 1; n < size; n++) {
    const at = offsets.get(n);
    xref.push(at === undefined ? '0000000000 65535 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`);
  }
  parts.push(...xref, `trailer\n<</Size ${size}\n/Root ${root} 0 R\n/Info ${info} 0 R>>\nstartxref\n${offset}\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}

interface Parsed {
  header: string;
  /** Object number → its whole text, `N 0 obj` to `endobj` and the line end after it. */
  objects: Map<number, string>;
  /** Object numbers in file order. */
  order: number[];
  root: number;
  info: number;
  size: number;
}

function parse(text: string): Parsed | undefined {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (!start) return undefined;
  const xrefAt = Number(start[1]);
  const table = /^xref\r?\n0 (\d+)\r?\n/.exec(text.slice(xrefAt, xrefAt + 32));
  if (!table) return undefined;
  const size = Number(table[1]);
  const entriesAt = xrefAt + table[0].length;
  const trailerAt = entriesAt + size * 20;
  const trailer = /^trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(text.slice(trailerAt, xrefAt + text.length));
  // One section, no earlier revision, no cross-reference stream, no encryption: Skia's output.
  if (!trailer || /\/(Prev|XRefStm|Encrypt)\b/.test(trailer[1]!)) return undefined;
  const root = /\/Root (\d+) 0 R/.exec(trailer[1]!);
  const info = /\/Info (\d+) 0 R/.exec(trailer[1]!);
  if (!root || !info || Number(/\/Size (\d+)/.exec(trailer[1]!)?.[1]) !== size) return undefined;

  const located: Array<[number, number]> = [];
  for (let n = 1; n < size; n++) {
    const entry = text.slice(entriesAt + n * 20, entriesAt + n * 20 + 20);
    const match = /^(\d{10}) (\d{5}) ([nf])/.exec(entry);
    if (!match) return undefined;
    if (match[3] === 'n') {
      if (match[2] !== '00000') return undefined;
      located.push([n, Number(match[1])]);
    }
  }
  located.sort((a, b) => a[1] - b[1]);
  const header = text.slice(0, located[0]?.[1] ?? 0);
  const objects = new Map<number, string>();
  for (const [i, [n, at]] of located.entries()) {
    const end = located[i + 1]?.[1] ?? xrefAt;
    const body = text.slice(at, end);
    if (!body.startsWith(`${n} 0 obj`) || !/endobj\s*$/.test(body)) return undefined;
    objects.set(n, body);
  }
  if (!objects.has(Number(info[1]))) return undefined;
  return { header, objects, order: located.map(([n]) => n), root: Number(root[1]), info: Number(info[1]), size };
}

/** The catalog with `/Lang` set to `lang` (replacing Chromium's, from the page's `lang`). */
function withLang(catalog: string, lang: string): string {
  const value = `/Lang ${pdfHexText(lang)}`;
  const without = catalog.replace(/\/Lang\s*(\((?:[^()\\]|\\[\s\S])*\)|<[0-9A-Fa-f\s]*>)/, '');
  const end = without.lastIndexOf('>>');
  return `${without.slice(0, end)}${without.slice(0, end).endsWith('\n') ? '' : '\n'}${value}${without.slice(end)}`;
}

function infoDict(meta: PdfMeta): string {
  const date = pdfDate(meta.date);
  return [
    `<</Title ${pdfHexText(meta.title)}`,
    `/Author ${pdfHexText(meta.author)}`,
    `/Subject ${pdfHexText(meta.subject)}`,
    `/Keywords ${pdfHexText(meta.keywords.join(' '))}`,
    `/Creator (yusuan)`,
    `/Producer (yusuan)`,
    `/CreationDate (${date})`,
    `/ModDate (${date})>>`,
  ].join('\n');
}

/** A PDF text string: UTF-16BE with its byte order mark, in hex, so any character is safe. */
function pdfHexText(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** `D:20250210000000Z`: the date in UTC. */
function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

const NODE_ID = /\((node\d{8})\)/g;

/**
 * Chromium names the structure elements of table header cells after DOM node ids handed out in no
 * fixed order. They are renamed in the order the elements are written (the structure tree's order),
 * keeping their length; the /IDTree, a name tree sorted by id, is rewritten as one sorted leaf.
 * False when the ids do not have the shape this expects.
 */
function renameStructureIds(objects: Map<number, string>, root: number): boolean {
  const treeRoot = /\/StructTreeRoot (\d+) 0 R/.exec(objects.get(root)!)?.[1];
  if (treeRoot === undefined) return true;
  const structRoot = objects.get(Number(treeRoot));
  const idTree = structRoot && /\/IDTree (\d+) 0 R/.exec(structRoot)?.[1];
  if (idTree === undefined) return !/\/ID \(node/.test([...objects.values()].join(''));

  // The name tree's nodes: renamed apart from the elements, so their order does not count.
  const treeNodes = nameTreeNodes(objects, Number(idTree));
  if (!treeNodes) return false;
  const renamed = new Map<string, string>();
  for (const [n, body] of objects) {
    if (treeNodes.has(n)) continue;
    for (const [, old] of body.matchAll(/\/ID \((node\d{8})\)/g)) {
      if (!renamed.has(old!)) renamed.set(old!, `node${String(renamed.size + 1).padStart(8, '0')}`);
    }
  }
  if (renamed.size === 0) return true;
  for (const [n, body] of objects) {
    if (treeNodes.has(n) || !body.includes('(node')) continue;
    objects.set(n, body.replace(NODE_ID, (whole, old: string) => (renamed.has(old) ? `(${renamed.get(old)})` : whole)));
  }

  const pairs: Array<[string, string]> = [];
  for (const n of treeNodes) {
    const names = /\/Names\s*\[([\s\S]*)\]/.exec(objects.get(n)!)?.[1];
    if (names === undefined) continue;
    for (const [, id, ref] of names.matchAll(/\((node\d{8})\)\s*(\d+ 0 R)/g)) {
      const now = renamed.get(id!);
      if (now === undefined) return false;
      pairs.push([now, ref!]);
    }
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const entries = pairs.map(([id, ref]) => `(${id}) ${ref}`).join(' ');
  const names = `/Names [${entries}]`;
  // The tree's root holds every name; its other nodes are left unreferenced and empty.
  for (const n of treeNodes) objects.set(n, `${n} 0 obj\n${n === Number(idTree) ? `<<${names}>>` : 'null'}\nendobj\n`);
  return true;
}

/** The objects of the name tree at `n` (its root, intermediate nodes and leaves), or undefined if one is missing or holds a stream. */
function nameTreeNodes(objects: Map<number, string>, n: number, seen = new Set<number>()): Set<number> | undefined {
  const body = objects.get(n);
  if (body === undefined || seen.has(n) || /\bstream\r?\n/.test(body)) return undefined;
  seen.add(n);
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1];
  for (const [, kid] of (kids ?? '').matchAll(/(\d+) 0 R/g)) {
    if (!nameTreeNodes(objects, Number(kid), seen)) return undefined;
  }
  return seen;
}
