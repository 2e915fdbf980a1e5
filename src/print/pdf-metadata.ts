import type { PdfMeta } from './options.js';
import { rewritePdf } from './pdf-rewrite.js';

/**
 * Writes the document information and catalog /Lang into a PDF from Chromium, and renames the
 * structure elements' ids in document order, so that the same document always gives the same bytes.
 * Chromium's own output is edited in place (pdf-rewrite.ts); any other PDF goes through pdf-lib,
 * loaded only then (it took 160 ms of a cold build to import): it keeps the structure tree and
 * outline, and `updateMetadata: false` stops it stamping its own Producer and today's date.
 */
export async function setPdfMetadata(pdf: Uint8Array, meta: PdfMeta): Promise<Uint8Array> {
  const rewritten = rewritePdf(pdf, meta);
  if (rewritten) return rewritten;
  const [{ PDFDocument, PDFName, PDFString }, { stabilizeStructureIds }] = await Promise.all([import('pdf-lib'), import('./stable-struct-ids.js')]);
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('yusuan');
  doc.setProducer('yusuan');
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  stabilizeStructureIds(doc);
  return doc.save();
}
