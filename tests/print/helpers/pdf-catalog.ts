import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

export interface OutlineItem {
  title: string;
  children: OutlineItem[];
}

/** The PDF's bookmarks, read from the catalog's /Outlines by following /First and /Next. */
export async function readOutline(pdf: Uint8Array): Promise<OutlineItem[]> {
  const doc = await PDFDocument.load(pdf);
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  return root ? siblings(root.lookupMaybe(PDFName.of('First'), PDFDict)) : [];
}

function siblings(first: PDFDict | undefined): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
    const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
    items.push({ title: title?.decodeText() ?? '', children: siblings(item.lookupMaybe(PDFName.of('First'), PDFDict)) });
  }
  return items;
}

/** The catalog's /Lang, if any. */
export async function readLang(pdf: Uint8Array): Promise<string | undefined> {
  const doc = await PDFDocument.load(pdf);
  return doc.catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText();
}
