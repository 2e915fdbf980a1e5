// build: load → check → compute → render → print, for each data file; outputs are written only
// when every requested format has been produced, so a failure leaves earlier outputs untouched.
import { readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { compute } from './compute/index.js';
import { produce } from './document.js';
import type { Finding } from './findings.js';
import type { Loaded } from './load/load.js';
import { embedFonts, embedFontsParts } from './fonts/embed.js';
import { loadFile } from './load/read.js';
import type { PdfMeta, PrintBudget } from './print/index.js';
import { BrowserNotFoundError, PrintBudgetError, PrintError } from './print/errors.js';
import { describeChar } from './print/glyph-coverage.js';
import { decodeEntities, pdfText } from './render/escape.js';
import { loadTemplates, type TemplateSet } from './render/templates.js';
import { OutputError, replaceTogether, type Output } from './write-atomic.js';

export const FORMATS = ['md', 'html', 'pdf', 'txt', 'xlsx', 'docx'] as const;
export type Format = (typeof FORMATS)[number];
/** What `build` writes when no format is asked for: the plain text (for snapshot tests) only on request. */
export const DEFAULT_FORMATS: readonly Format[] = ['md', 'html', 'pdf'];

/** A print function's answer: the PDF, or the PDF with what printing it had to report (as printPdf gives). */
export type PrintOutput = Uint8Array | { pdf: Uint8Array; missingGlyphs?: readonly string[]; blockedRequests?: readonly string[] };
/** Prints the HTML; throws a PrintBudgetError for a document past `budget`. */
export type PrintFn = (html: string, meta: PdfMeta, budget: PrintBudget) => Promise<PrintOutput>;

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
  /** Most pages a PDF may have (a longer one is an error, PDF_TOO_LONG). Default 1000 (DEFAULT_MAX_PAGES). */
  maxPages?: number;
  /** Most seconds printing one PDF may take (then PDF_TIMEOUT). Default 600 (DEFAULT_PRINT_TIMEOUT). */
  timeout?: number;
  /** Units built at once by `build` (each prints on its own page of the one browser). Default 1. */
  jobs?: number;
  /** Called by `build` as each unit starts and as it ends; `index` is its place in `files`. */
  onStart?: (file: string, index: number) => void;
  onResult?: (result: BuildResult, index: number) => void;
  /** Called once a unit has a document to print (its data passed check), before its fonts are subset: `build` starts the browser then. */
  beforePrint?: () => void;
  /** The templates already read (`loadTemplates(templatesDir)`), so a batch reads and compiles them once. */
  templates?: TemplateSet;
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

async function defaultPrint(html: string, meta: PdfMeta, budget: PrintBudget): Promise<PrintOutput> {
  const { printPdf } = await import('./print/index.js');
  return printPdf(html, { meta, budget });
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

/** A unit's outputs could not be produced or written: an error naming what, and nothing replaced. */
function outputFinding(code: string, message: string, file: string): Finding {
  return { code, severity: 'error', message, path: '', file };
}

export async function buildOne(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const { loaded, findings, document } = produce(file, { templatesDir: options.templatesDir, profile: options.profile, templates: options.templates, strict: options.strict });
  if (!document) return { file, source: loaded.source, findings, outputs: [] };
  const formats = options.formats ?? DEFAULT_FORMATS;
  // Not `text` here: reading it makes the plain text, which only a txt output needs.
  const { view, markdown, html } = document;
  const contents: [Format, Output['content']][] = [];
  if (formats.includes('md')) contents.push(['md', markdown]);
  // The HTML carries its fonts (subsets, data: URLs), and is printed so. Subset while the browser starts
  // (the first unit), or while the unit before prints.
  if (formats.includes('pdf')) options.beforePrint?.();
  const printable = formats.includes('pdf') ? embedFonts(html) : undefined;
  // The page printed is the page written; only without a PDF is it written in pieces, uncopied.
  const htmlFile = formats.includes('html') ? (printable ?? embedFontsParts(html)) : undefined;
  for (const pending of [printable, htmlFile]) pending?.catch(() => {}); // awaited below
  if (htmlFile) contents.push(['html', '']);
  if (formats.includes('pdf')) {
    let printed: PrintOutput;
    try {
      printed = await (options.print ?? defaultPrint)(await printable!, pdfMeta(view, html), { maxPages: options.maxPages, timeout: options.timeout });
    } catch (error) {
      if (!(error instanceof PrintBudgetError)) throw error;
      findings.push(outputFinding(error.code, error.message, file));
      return { file, source: loaded.source, findings, outputs: [] };
    }
    contents.push(['pdf', printed instanceof Uint8Array ? printed : printed.pdf]);
    findings.push(...printFindings(printed, file));
  }
  if (htmlFile) contents[contents.findIndex(([format]) => format === 'html')] = ['html', await htmlFile];
  if (formats.includes('txt')) contents.push(['txt', document.text]);
  if (formats.includes('xlsx')) {
    // Loaded on demand: exceljs is only needed when a workbook is asked for.
    const { writeXlsx } = await import('./xlsx/index.js');
    contents.push(['xlsx', await writeXlsx(view, document.layouts, pdfMeta(view, html).title, document.profile)]);
  }
  if (formats.includes('docx')) {
    const { writeDocx } = await import('./docx/index.js');
    contents.push(['docx', await writeDocx(document, document.layouts, pdfMeta(view, html), document.profile)]);
  }
  const stem = outputStem(file, options.outDir);
  const outputs = contents.map(([format, content]) => ({ path: `${stem}.${format}`, content }));
  try {
    // All formats or none: a failed write leaves every earlier output as it was.
    replaceTogether(outputs);
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    const kept = error.unrestored.length === 0 ? ' 本单位原有的输出均未改动。 None of its earlier outputs were changed.' : '';
    findings.push(outputFinding('WRITE_FAILED', `${error.message}${kept}`, file));
    return { file, source: loaded.source, findings, outputs: [] };
  }
  return { file, source: loaded.source, findings, outputs: outputs.map((o) => o.path) };
}

function outputStem(file: string, outDir = 'out'): string {
  return join(outDir, basename(file, extname(file)));
}

/**
 * Two inputs that would write the same outputs (`a/data.yaml` and `b/data.yaml` into one folder): the
 * second would silently replace the first's. Returns the first such pair, or undefined.
 */
export function outputClash(files: readonly string[], outDir = 'out'): { first: string; second: string; stem: string } | undefined {
  const seen = new Map<string, string>();
  for (const file of files) {
    const stem = resolve(outputStem(file, outDir));
    const first = seen.get(stem);
    if (first !== undefined) return { first, second: file, stem: outputStem(file, outDir) };
    seen.set(stem, file);
  }
  return undefined;
}

/** Thrown by `build` before anything is built when two inputs would write the same outputs. */
export class OutputClashError extends Error {
  override name = 'OutputClashError';
  constructor(clash: { first: string; second: string; stem: string }) {
    const same = resolve(clash.first) === resolve(clash.second);
    super(
      same
        ? `${clash.first} 给出了两次。 ${clash.first} is given twice.`
        : `${clash.first} 与 ${clash.second} 都会写出 ${clash.stem}.*，后者会覆盖前者；未构建任何文件。请分两次构建并用不同的 --out，或重命名其中一个文件。 ` +
            `${clash.first} and ${clash.second} would both write ${clash.stem}.*, the second replacing the first; nothing was built. Build them with different --out folders, or rename one.`,
    );
  }
}

/**
 * Builds every file; one unit's failure (errors in its data, a print or a write that failed) is in its
 * result and the others are still built. PDFs share one browser (openPrinter), `jobs` at a time.
 * Results are in the order of `files`.
 */
export async function build(files: readonly string[], options: BuildOptions = {}): Promise<BuildResult[]> {
  const clash = outputClash(files, options.outDir);
  if (clash) throw new OutputClashError(clash);
  const formats = options.formats ?? DEFAULT_FORMATS;
  const templates = options.templates ?? loadTemplates({ templates: options.templatesDir, profile: options.profile });
  const printer = formats.includes('pdf') && !options.print ? await openSharedPrinter(options.timeout) : undefined;
  const jobs = Math.max(1, Math.min(options.jobs ?? 1, files.length));
  // `jobs` documents print at once; one unit more is loaded and rendered meanwhile, so the browser
  // does not wait for node between documents (node did ~30 % of a unit's time while Chromium idled).
  const slots = semaphore(jobs);
  const printing = printer ? ((html, meta, budget) => printer.print(html, meta, budget)) satisfies PrintFn : options.print;
  const print: PrintFn | undefined = printing && ((html, meta, budget) => slots(() => printing(html, meta, budget)));
  // The browser starts at once: its launch takes about as long as loading and rendering the first
  // unit, which it would otherwise wait for. A batch whose every unit fails check pays one launch.
  printer?.warm();
  const results: BuildResult[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      // A turn of the event loop between units: a unit that fails without I/O would otherwise starve
      // the signal handler, the progress timer and the browser's exit.
      await new Promise((resolve) => setImmediate(resolve));
      // Stopped by a signal: the browser is gone, and the process ends once the cleanup is done.
      if (printer?.closed || next >= files.length) return;
      const index = next++;
      const file = files[index]!;
      options.onStart?.(file, index);
      const result = await buildIsolated(file, { ...options, templates, print, beforePrint: () => printer?.warm() });
      results[index] = result;
      options.onResult?.(result, index);
    }
  };
  try {
    const workers = print && formats.includes('pdf') ? Math.min(jobs + 1, files.length) : jobs;
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await printer?.close();
  }
  return results;
}

/** Runs at most `n` of the tasks given to it at once, the others in the order given. */
function semaphore(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const nextTask = waiting.shift();
      if (nextTask) nextTask();
      else running--;
    }
  };
}

async function openSharedPrinter(timeout: number | undefined) {
  const { openPrinter } = await import('./print/printer.js');
  return openPrinter({ timeout });
}

/** buildOne, with whatever it throws (a print that failed, a template error) made the unit's finding. */
async function buildIsolated(file: string, options: BuildOptions): Promise<BuildResult> {
  try {
    return await buildOne(file, options);
  } catch (error) {
    // No browser on this machine: no unit would print, and the message says how to install one.
    if (error instanceof BrowserNotFoundError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof PrintError ? 'PRINT_FAILED' : 'BUILD_FAILED';
    const source = (() => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return '';
      }
    })();
    const said = `${message} 本单位原有的输出均未改动。 None of its earlier outputs were changed.`;
    return { file, source, findings: [outputFinding(code, said, file)], outputs: [] };
  }
}
