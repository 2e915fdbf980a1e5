import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import type { PdfMeta } from './options.js';
import { rewritePdf } from './pdf-rewrite.js';
import { stabilizeStructureIds } from './stable-struct-ids.js';

/**
 * Writes the document information and catalog /Lang into a PDF from Chromium. pdf-lib keeps the
 * structure tree (/StructTreeRoot, /MarkInfo) and /Outlines Chromium wrote; `updateMetadata: false`
 * stops it stamping its own Producer and today's date. The structure elements' ids are renamed in
 * document order, so that the same document always gives the same bytes.
 */
export async function setPdfMetadata(pdf: Uint8Array, meta: PdfMeta): Promise<Uint8Array> {
  // Chromium's own output is edited in place; anything else goes through pdf-lib.
  const rewritten = rewritePdf(pdf, meta);
  if (rewritten) return rewritten;
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
