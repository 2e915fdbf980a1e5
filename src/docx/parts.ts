// Package parts docx would write otherwise: the core properties with the publication date instead of
// the time of the build (so the same data gives the same bytes), and a font table naming each
// bundled font's 宋体/黑体 alternative.
import { FONT_TABLE } from './styles.js';

export interface CoreProperties {
  title: string;
  author: string;
  subject: string;
  keywords: readonly string[];
  date: Date;
}

const xml = (s: string) => s.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function coreXml(p: CoreProperties): string {
  const when = p.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xml(p.title)}</dc:title><dc:subject>${xml(p.subject)}</dc:subject><dc:creator>${xml(p.author)}</dc:creator>` +
    `<cp:keywords>${xml(p.keywords.join(','))}</cp:keywords><cp:lastModifiedBy>${xml(p.author)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) => `<w:font w:name="${xml(f.name)}"><w:altName w:val="${xml(f.altName)}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
  );
  return DECLARATION + `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.join('')}</w:fonts>`;
}
