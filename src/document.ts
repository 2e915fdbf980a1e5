// One data file through load → check → compute → render, in memory: what `diff` compares and what a
// snapshot test reads. `build` runs the same stages and writes the results to files.
import { checkAndCompute } from './check/index.js';
import { compute, type View } from './compute/index.js';
import { markUnconfirmed } from './compute/unconfirmed.js';
import { hasErrors, type Finding } from './findings.js';
import { loadFile } from './load/read.js';
import type { Loaded } from './load/load.js';
import { htmlBlocks, type Block } from './render/html-blocks.js';
import { render } from './render/index.js';
import { loadTemplates, type TemplateSet } from './render/templates.js';
import { blocksToText } from './render/text.js';
import { formatFindings } from './report/format.js';
import type { Profile } from './profile/index.js';
import type { TableLayouts } from './tables/index.js';

export interface DocumentOptions {
  /** A template folder over the profile, holding only the files it changes. Default: none. */
  templatesDir?: string;
  /** A bundled profile's name (`default`, …) or a profile folder. Default: the bundled `templates/`. */
  profile?: string;
  /** Publication mode: placeholders and unconfirmed figures are errors. Default false. */
  strict?: boolean;
  /** The templates already read, instead of reading `templatesDir` again (a batch reads them once). */
  templates?: TemplateSet;
}

export interface RenderedDocument {
  view: View;
  markdown: string;
  html: string;
  /** The document as headings, paragraphs and tables. */
  blocks: Block[];
  /** Plain text, as `build --format txt` writes it. */
  text: string;
  /** The tables' layout the document was rendered with (the workbook and Word use the same). */
  layouts: TableLayouts;
  /** How figures are shown (the profile's settings). */
  profile: Profile;
}

export interface Produced {
  file: string;
  loaded: Loaded;
  findings: Finding[];
  /** Absent when the data has errors. */
  document?: RenderedDocument;
}

export function produce(file: string, options: DocumentOptions = {}): Produced {
  const loaded = loadFile(file);
  // Check names figures and tables as the document shows them (its rounding notes): the templates first.
  const templates = options.templates ?? loadTemplates({ templates: options.templatesDir, profile: options.profile });
  const { findings, view: computed } = checkAndCompute(loaded, { strict: options.strict, profile: templates.profile, tables: templates.tables });
  if (!loaded.data || hasErrors(findings)) return { file, loaded, findings };
  // A draft's figures that rest on `!unconfirmed` inputs are marked in the document.
  const view = markUnconfirmed(loaded.data, computed ?? compute(loaded.data), (loaded.unconfirmed ?? []).map((m) => m.path));
  const { markdown, html } = render(view, templates);
  // Blocks and text are made when first read: a build of md, html and pdf needs neither.
  let blocks: Block[] | undefined;
  let text: string | undefined;
  const document: RenderedDocument = {
    view,
    markdown,
    html,
    layouts: templates.tables,
    profile: templates.profile,
    get blocks() {
      return (blocks ??= htmlBlocks(html));
    },
    get text() {
      return (text ??= blocksToText(this.blocks));
    },
  };
  return { file, loaded, findings, document };
}

export class DocumentError extends Error {
  override name = 'DocumentError';
  constructor(
    message: string,
    readonly findings: Finding[],
  ) {
    super(message);
  }
}

/**
 * The plain text of the document a data file gives — for snapshot tests. Throws a DocumentError
 * listing the findings when the data has errors, so the failing test shows what is wrong.
 */
export function documentText(file: string, options: DocumentOptions = {}): string {
  const produced = produce(file, options);
  if (!produced.document)
    throw new DocumentError(`${file}: 数据有错误，无法生成文本。 Errors in the data:\n${formatFindings(produced.findings, produced.loaded.source)}`, produced.findings);
  return produced.document.text;
}
