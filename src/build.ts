// build: load → check → compute → render → print, for each data file; outputs are written only
// when every requested format has been produced, so a failure leaves earlier outputs untouched.
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { check } from './check/index.js';
import { compute } from './compute/index.js';
import { hasErrors, type Finding } from './findings.js';
import { loadText, type Loaded } from './load/load.js';
import type { PdfMeta } from './print/index.js';
import { render } from './render/index.js';
import { loadTemplates } from './render/templates.js';
import { writeAtomic } from './write-atomic.js';

export const FORMATS = ['md', 'html', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export type PrintFn = (html: string, meta: PdfMeta) => Promise<Uint8Array>;

export interface BuildOptions {
  /** Output folder. Default `out`. */
  outDir?: string;
  /** Default all three. */
  formats?: readonly Format[];
  /** A replacement template folder. Default: the bundled `templates/`. */
  templatesDir?: string;
  /** Injected so tests need no browser. Default: Chromium via Puppeteer. */
  print?: PrintFn;
}

export interface BuildResult {
  file: string;
  source: string;
  findings: Finding[];
  /** Files written; empty when the data had errors. */
  outputs: string[];
}

export function load(file: string): Loaded {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (cause) {
    const message = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? `找不到数据文件。 No such file: ${file}` : `无法读取数据文件。 Cannot read ${file}: ${(cause as Error).message}`;
    return { file, source: '', findings: [{ code: 'READ_ERROR', severity: 'error', message, path: '', file }] };
  }
  return loadText(source, file);
}

export function pdfMeta(view: ReturnType<typeof compute>): PdfMeta {
  return {
    title: `${view.unit.name}${view.unit.year}年单位预算公开`,
    author: view.unit.name,
    subject: `${view.unit.year}年单位预算公开`,
    keywords: ['单位预算公开', `${view.unit.year}年`, view.unit.name],
    date: new Date(`${view.unit.published.iso}T00:00:00+08:00`),
    lang: 'zh-CN',
  };
}

async function defaultPrint(html: string, meta: PdfMeta): Promise<Uint8Array> {
  const { printPdf } = await import('./print/index.js');
  return (await printPdf(html, { meta })).pdf;
}

export async function buildOne(file: string, options: BuildOptions = {}): Promise<BuildResult> {
  const loaded = load(file);
  const findings = check(loaded);
  if (!loaded.data || hasErrors(findings)) return { file, source: loaded.source, findings, outputs: [] };
  const formats = options.formats ?? FORMATS;
  const view = compute(loaded.data);
  const { markdown, html } = render(view, loadTemplates(options.templatesDir));
  const contents: [Format, string | Uint8Array][] = [];
  if (formats.includes('md')) contents.push(['md', markdown]);
  if (formats.includes('html')) contents.push(['html', html]);
  if (formats.includes('pdf')) contents.push(['pdf', await (options.print ?? defaultPrint)(html, pdfMeta(view))]);
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
