import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

const ID = PDFName.of('ID');
const K = PDFName.of('K');
const A = PDFName.of('A');
const S = PDFName.of('S');
const HEADERS = PDFName.of('Headers');
const ID_TREE = PDFName.of('IDTree');
const KIDS = PDFName.of('Kids');
const NAMES = PDFName.of('Names');
const LIMITS = PDFName.of('Limits');

/**
 * Chromium names the structure elements of table header cells after DOM node ids handed out in no
 * fixed order, so two prints of one document differ in those names alone (/ID, the /Headers that point
 * at them, and the /IDTree). Renaming them in structure-tree order makes the bytes reproducible.
 */
export function stabilizeStructureIds(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return;
  const elements = structElements(doc, root);
  const renamed = new Map<string, string>();
  const named: Array<[string, PDFRef]> = [];
  for (const { dict, ref } of elements) {
    const old = textOf(dict.get(ID));
    if (old === undefined) continue;
    const id = `node${String(renamed.size + 1).padStart(8, '0')}`;
    renamed.set(old, id);
    dict.set(ID, PDFString.of(id));
    if (ref) named.push([id, ref]);
  }
  if (renamed.size === 0) return;
  for (const { dict } of elements) renameHeaders(doc, dict.get(A), renamed);
  const tree = root.lookupMaybe(ID_TREE, PDFDict);
  if (tree) {
    // One leaf holding every name, in the new (sorted) order; the old nodes go.
    deleteKids(doc, tree);
    tree.delete(LIMITS);
    tree.set(NAMES, doc.context.obj(named.flatMap(([id, ref]) => [PDFString.of(id), ref])));
  }
}

interface Element {
  dict: PDFDict;
  ref?: PDFRef;
}

/** Structure elements in depth-first document order. */
function structElements(doc: PDFDocument, root: PDFDict): Element[] {
  const out: Element[] = [];
  const seen = new Set<PDFDict>();
  const visit = (obj: PDFObject | undefined): void => {
    const ref = obj instanceof PDFRef ? obj : undefined;
    const value = ref ? doc.context.lookup(ref) : obj;
    if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) visit(value.get(i));
    } else if (value instanceof PDFDict && !seen.has(value) && value.has(S)) {
      seen.add(value);
      out.push({ dict: value, ref });
      visit(value.get(K));
    }
  };
  visit(root.get(K));
  return out;
}

function renameHeaders(doc: PDFDocument, attributes: PDFObject | undefined, renamed: ReadonlyMap<string, string>): void {
  const value = attributes instanceof PDFRef ? doc.context.lookup(attributes) : attributes;
  if (value instanceof PDFArray) {
    for (let i = 0; i < value.size(); i++) renameHeaders(doc, value.get(i), renamed);
    return;
  }
  if (!(value instanceof PDFDict)) return;
  const headers = value.lookupMaybe(HEADERS, PDFArray);
  if (!headers) return;
  for (let i = 0; i < headers.size(); i++) {
    const old = textOf(headers.get(i));
    const id = old === undefined ? undefined : renamed.get(old);
    if (id !== undefined) headers.set(i, PDFString.of(id));
  }
}

function deleteKids(doc: PDFDocument, node: PDFDict): void {
  const kids = node.lookupMaybe(KIDS, PDFArray);
  if (!kids) return;
  for (let i = 0; i < kids.size(); i++) {
    const kid = kids.get(i);
    const dict = kid instanceof PDFRef ? doc.context.lookupMaybe(kid, PDFDict) : undefined;
    if (dict) deleteKids(doc, dict);
    if (kid instanceof PDFRef) doc.context.delete(kid);
  }
  node.delete(KIDS);
}

function textOf(obj: PDFObject | undefined): string | undefined {
  return obj instanceof PDFString || obj instanceof PDFHexString ? obj.decodeText() : undefined;
}
