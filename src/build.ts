// build: load → check → compute → render → print, for each data file; outputs are written only
// when every requested format has been produced, so a failure leaves earlier outputs untouched.
import { basename, extname, join } from 'node:path';
import type { compute } from './compute/index.js';
import { produce } from './document.js';
import type { Finding } from './findings.js';
import type { Loaded } from './load/load.js';
import { loadFile } from './load/read.js';
import type { PdfMeta } from './print/index.js';
import { describeChar } from './print/glyph-coverage.js';
import { decodeEntities, pdfText } from './render/escape.js';
import { writeAtomic } from './write-atomic.js';

export const FORMATS = ['md', 'html', 'pdf', 'txt', 'xlsx', 'docx'] as const;
export type Format = (typeof FORMATS)[number];
/** What `build` writes when no format is asked for: the plain text (for snapshot tests) only on request. */
export const DEFAULT_FORMATS: readonly Format[] = ['md', 'html', 'pdf'];

/** A print function's answer: the PDF, or the PDF with what printing it had to report (as printPdf gives). */
export type PrintOutput = Uint8Array | { pdf: Uint8Array; missingGlyphs?: readonly string[]; blockedRequests?: readonly string[] };
export type PrintFn = (html: string, meta: PdfMeta) => Promise<PrintOutput>;

export interface BuildOptions {
  /** Output folder. Default `out`. */
  outDir?: string;
  /** Default md, html and pdf (DEFAULT_FORMATS); `txt` is the plain text, `xlsx` the tables as a workbook, `docx` the document for Word. */
  formats?: readonly Format[];
  /** A template folder over the profile, holding only the files it changes. Default: none. */
  templatesDir?: string;
  /** A bundled profile's name or a profile folder (templates plus profile.yaml). Default: the bundled templates. */
  profile?: string;
  /** Injected so tests need no browser. Default: Chromium via Puppeteer. */
  print?: PrintFn;
  /** Publication mode: draft placeholders and unconfirmed figures are errors, so nothing is written. Default false. */
  strict?: boolean;
}

export interface BuildResult {
  file: string;
  source: string;
  findings: Finding[];
  /** Files written; empty when the data had errors. */
  outputs: string[];
}

export function load(file: string): Loaded {
  return loadFile(file);
}

/**
 * The PDF's metadata: its words come from the HTML's <title> and <meta name="author|description|keywords">,
 * which the layout template writes, so a replaced template changes both; the date from the data.
 */
export function pdfMeta(view: ReturnType<typeof compute>, html: string): PdfMeta {
  // Read raw, then decoded and made plain text item by item: a data comma is an entity in the attribute.
  const raw = (name: string) => new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(html)?.[1] ?? '';
  const plain = (escaped: string) => pdfText(decodeEntities(escaped));
  return {
    title: plain(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? ''),
    author: plain(raw('author')),
    subject: plain(raw('description')),
    keywords: raw('keywords').split(',').map(plain).filter(Boolean),
    // A draft's date is still a placeholder: 1 January of the budget year keeps the PDF reproducible.
    date: new Date(`${view.unit.published.iso ?? `${view.unit.year}-01-01`}T00:00:00+08:00`),
    lang: 'zh-CN',
  };
}

async function defaultPrint(html: string, meta: PdfMeta): Promise<PrintOutput> {
  const { printPdf } = await import('./print/index.js');
  return printPdf(html, { meta });
}

/** Warnings about a printed PDF: characters its fonts cannot draw, and what the page was refused. */
export function printFindings(output: PrintOutput, file: string): Finding[] {
  if (output instanceof Uint8Array) return [];
  const findings: Finding[] = [];
  const missing = output.missingGlyphs ?? [];
  if (missing.length > 0) {
    const chars = missing.map(describeChar).join('，');
    findings.push({
      code: 'MISSING_GLYPHS',
      severity: 'warning',
      message: `PDF 所用字体中没有以下字符，印出时将换用系统字体或显示为空框：${chars}。 The bundled fonts have no glyph for: ${chars}.`,
      path: '',
      file,
    });
  }
  for (const url of output.blockedRequests ?? []) {
    findings.push({ code: 'BLOCKED_REQUEST', severity: 'warning', message: `打印时拦截了页面对外部资源的请求。 The page asked for ${url}; the request was refused.`, path: '', file });
  }
  return findings;
}

export async function buildOne(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const { loaded, findings, document } = produce(file, { templatesDir: options.templatesDir, profile: options.profile, strict: options.strict });
  if (!document) return { file, source: loaded.source, findings, outputs: [] };
  const formats = options.formats ?? DEFAULT_FORMATS;
  const { view, markdown, html, text } = document;
  const contents: [Format, string | Uint8Array][] = [];
  if (formats.includes('md')) contents.push(['md', markdown]);
  if (formats.includes('html')) contents.push(['html', html]);
  if (formats.includes('pdf')) {
    const printed = await (options.print ?? defaultPrint)(html, pdfMeta(view, html));
    contents.push(['pdf', printed instanceof Uint8Array ? printed : printed.pdf]);
    findings.push(...printFindings(printed, file));
  }
  if (formats.includes('txt')) contents.push(['txt', text]);
  if (formats.includes('xlsx')) {
    // Loaded on demand: exceljs is only needed when a workbook is asked for.
    const { writeXlsx } = await import('./xlsx/index.js');
    contents.push(['xlsx', await writeXlsx(view, document.layouts, pdfMeta(view, html).title, document.profile)]);
  }
  if (formats.includes('docx')) {
    const { writeDocx } = await import('./docx/index.js');
    contents.push(['docx', await writeDocx(document, document.layouts, pdfMeta(view, html), document.profile)]);
  }
  const stem = join(options.outDir ?? 'out', basename(file, extname(file)));
  const outputs = contents.map(([format, content]) => {
    writeAtomic(`${stem}.${format}`, content);
    return `${stem}.${format}`;
  });
  return { file, source: loaded.source, findings, outputs };
}

export async function build(files: readonly string[], options: BuildOptions = {}): Promise<BuildResult[]> {
  const results: BuildResult[] = [];
  for (const file of files) results.push(await buildOne(file, options));
  return results;
}
