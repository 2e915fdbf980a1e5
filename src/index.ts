// The library API; the CLI is a thin layer over it.
export { build, buildOne, load, FORMATS, OutputClashError, type BuildOptions, type BuildResult, type Format, type PrintFn } from './build.js';
export { OutputError } from './write-atomic.js';
export { loadText, loadBytes, MAX_SOURCE_BYTES, type Loaded } from './load/load.js';
export { jsonSchema } from './load/json-schema.js';
export { check, FINDING_CODES, RULES, type CheckOptions } from './check/index.js';
export { compute, type View } from './compute/index.js';
export { render, type Rendered } from './render/index.js';
export { loadTemplates, DEFAULT_TEMPLATES } from './render/templates.js';
export { formatFinding, formatFindings } from './report/format.js';
export type { Finding, Position, Severity } from './findings.js';
export type { DisclosureData } from './model.js';
export { produce, documentText, DocumentError, type DocumentOptions, type Produced, type RenderedDocument } from './document.js';
export { htmlToText, displayWidth } from './render/text.js';
export { draftText, draftFile, defaultDraftPath, DraftExistsError, DraftYearError, type DraftOptions, type DraftFileOptions, type DraftResult } from './draft/index.js';
export { diffFiles, diffDocuments, type DocumentDiff, type FigureChange, type SentenceChange } from './diff/index.js';
export { formatDiffText } from './diff/format-text.js';
export { formatDiffHtml } from './diff/format-html.js';
