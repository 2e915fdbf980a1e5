// `npm run bench` (the batch rows), `npm run bench -- --growth`, `npm run bench -- --units300`:
// what a PDF costs yusuan against Chromium's own floor and a naive script, text-only throughput, peak
// memory of a batch, and how time grows with the size of a unit. Figures are printed, never asserted.
//   floor     — an already-open page: load the reference's HTML with its fonts subset to its characters, fonts ready, page.pdf (median of 10)
//   marginal  — yusuan's cost per PDF in a 20-unit batch after the first (one browser, --jobs 1)
//   cold      — `yusuan build reference --format pdf`, a fresh process, wall clock (median of 5), with
//               the font cache as a second build finds it and empty as the machine's first build does
//   naive     — launch, new page, goto, fonts ready, pdf, close, for each document (median of 5, ×20)
//   memory    — peak of the summed PSS of node and every Chromium process it started (sampled every 200 ms)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { build, check, loadText, produce } from '../dist/index.js';
import { launchChromium } from '../dist/print/launch-chromium.js';
import { embedFonts } from '../dist/fonts/embed.js';
import { growthData, largeData } from './large-data.js';

const root = new URL('..', import.meta.url).pathname;
const reference = join(root, 'data', '2024-info-center.yaml');
const PDF_OPTIONS = { format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, timeout: 0 };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** Summed proportional set size (PSS, KiB → bytes) of this process and its descendants. */
function treeMemory() {
  const parents = new Map();
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {}
  }
  const tree = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) if (tree.has(parent) && !tree.has(pid)) (tree.add(pid), (grew = true));
  }
  let bytes = 0;
  for (const pid of tree) {
    try {
      bytes += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {}
  }
  return bytes;
}

function sampler() {
  let peak = treeMemory();
  const timer = setInterval(() => (peak = Math.max(peak, treeMemory())), 200);
  return () => (clearInterval(timer), Math.max(peak, treeMemory()));
}
const mib = (b) => `${(b / 2 ** 20).toFixed(0)} MiB`;

function copies(dir, text, n, name = 'unit') {
  return Array.from({ length: n }, (_, i) => {
    const file = join(dir, `${name}-${String(i + 1).padStart(3, '0')}.yaml`);
    writeFileSync(file, text);
    return file;
  });
}

/** Per-unit end times of a batch, its total and its peak memory. */
async function timedBatch(files, options) {
  const done = [];
  const stop = sampler();
  const t0 = performance.now();
  const results = await build(files, { ...options, onResult: () => done.push(performance.now()) });
  const total = performance.now() - t0;
  const peak = stop();
  const failed = results.filter((r) => r.outputs.length === 0);
  if (failed.length) throw new Error(`${failed.length} units failed: ${failed[0].findings.map((f) => f.message).join('; ')}`);
  return { done, total, peak, t0 };
}

export async function batchBench() {
  const work = mkdtempSync(join(tmpdir(), 'yusuan-bench-batch-'));
  const rows = [];
  try {
    const { html } = produce(reference).document;
    const page = join(work, 'floor.html');
    // The page as yusuan prints it: the reference's HTML with the fonts subset to its characters.
    writeFileSync(page, await embedFonts(html));
    const url = pathToFileURL(page).href;

    // Launch alone, then the floor on one open page.
    const launches = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const session = await launchChromium();
      await (await session.browser.newPage()).close();
      launches.push(performance.now() - t);
      await session.close();
    }
    const launch = median(launches);
    const session = await launchChromium();
    const tab = await session.browser.newPage();
    const floors = [];
    for (let i = 0; i < 11; i++) {
      const t = performance.now();
      await tab.goto(url, { waitUntil: 'load', timeout: 0 });
      await tab.evaluate(() => document.fonts.ready.then(() => undefined));
      await tab.pdf(PDF_OPTIONS);
      if (i > 0) floors.push(performance.now() - t);
    }
    await session.close();
    const floor = median(floors);

    // Naive: everything per document.
    const naives = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const s = await launchChromium();
      const p = await s.browser.newPage();
      await p.goto(url, { waitUntil: 'load', timeout: 0 });
      await p.evaluate(() => document.fonts.ready.then(() => undefined));
      await p.pdf(PDF_OPTIONS);
      await s.close();
      naives.push(performance.now() - t);
    }
    const naive = median(naives);

    // yusuan: 20 units in one batch, --jobs 1 and --jobs N.
    const files = copies(join(work), readFileSync(reference, 'utf8'), 20);
    const one = await timedBatch(files, { outDir: join(work, 'out1'), formats: ['pdf'], jobs: 1 });
    const marginal = (one.done[19] - one.done[0]) / 19;
    const jobs = availableParallelism();
    const many = await timedBatch(files, { outDir: join(work, 'outN'), formats: ['pdf'], jobs });

    // Cold: one document, a fresh process, as a user runs it: with the font cache (src/fonts/disk-cache.ts)
    // as a second build of it finds it, and empty, as the first build on a machine finds it.
    const coldBuild = (cacheDir) => {
      const t = performance.now();
      const env = { ...process.env, YUSUAN_CACHE_DIR: cacheDir };
      const run = spawnSync(process.execPath, [join(root, 'bin', 'yusuan.js'), 'build', reference, '--format', 'pdf', '--out', join(work, 'cold')], { encoding: 'utf8', env });
      if (run.status !== 0) throw new Error(run.stderr);
      return performance.now() - t;
    };
    const warmCache = join(work, 'cache-warm');
    coldBuild(warmCache);
    const colds = [];
    const firsts = [];
    for (let i = 0; i < 5; i++) {
      colds.push(coldBuild(warmCache));
      firsts.push(coldBuild(join(work, `cache-empty-${i}`)));
    }
    const cold = median(colds);
    const first = median(firsts);

    // Text only, in one process: md, html and txt of 100 units.
    const texts = copies(join(work), readFileSync(reference, 'utf8'), 100, 'text');
    await build(texts.slice(0, 5), { outDir: join(work, 'warm'), formats: ['md', 'html', 'txt'] });
    const tt = performance.now();
    const tc = process.cpuUsage();
    await build(texts, { outDir: join(work, 'text'), formats: ['md', 'html', 'txt'] });
    const textRate = (texts.length * 1000) / (performance.now() - tt);
    const { user, system } = process.cpuUsage(tc);
    const textCpu = (user + system) / 1000 / texts.length;
    const source = readFileSync(reference, 'utf8');
    for (let i = 0; i < 5; i++) check(loadText(source, reference));
    const checks = Array.from({ length: 20 }, () => {
      const t = performance.now();
      check(loadText(source, reference));
      return performance.now() - t;
    });

    const naive20 = naive * 20;
    rows.push(
      ['Chromium launch + first page + close (median of 3)', s(launch), ''],
      ['floor: open page, load + fonts ready + pdf (median of 10)', s(floor), ''],
      ['yusuan marginal per PDF, 20-unit batch, --jobs 1', s(marginal), `${(marginal / floor).toFixed(2)}× floor (goal ≤ 1.3×)`],
      ['yusuan 20-unit batch, --jobs 1 (total)', s(one.total), `${(naive20 / one.total).toFixed(2)}× faster than naive (goal ≥ 3×)`],
      [`yusuan 20-unit batch, --jobs ${jobs} (total)`, s(many.total), `${(naive20 / many.total).toFixed(2)}× faster than naive; ${(one.total / many.total).toFixed(2)}× --jobs 1`],
      ['naive script per document (median of 5)', s(naive), `20 documents: ${s(naive20)}`],
      ['yusuan cold single build (new process, wall; median of 5)', s(cold), `${(cold / (launch + floor)).toFixed(2)}× (launch + floor) (goal ≤ 1.5×)`],
      ['  the same, first build on the machine (font cache empty)', s(first), `${(first / (launch + floor)).toFixed(2)}× (launch + floor)`],
      ['text only (md, html, txt), 100 units in one build', `${textRate.toFixed(0)} docs/s`, `goal ≥ 200 docs/s; CPU ${textCpu.toFixed(1)} ms a document (${(1000 / textCpu).toFixed(0)} docs/s of CPU)`],
      ['check reference, warm (median of 20)', s(median(checks)), ''],
      ['peak memory, 20-unit batch --jobs 1 (node + Chromium PSS)', mib(one.peak), `--jobs ${jobs}: ${mib(many.peak)}`],
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

/** A batch of `n` generated units (40 lines, 20 projects each): its time and peak memory. */
export async function manyUnitsBench(n = 300) {
  const work = mkdtempSync(join(tmpdir(), 'yusuan-bench-many-'));
  try {
    const files = copies(work, growthData({ lines: 40, projects: 20 }), n);
    const { total, peak } = await timedBatch(files, { outDir: join(work, 'out'), jobs: availableParallelism() });
    const pages = (await PDFDocument.load(readFileSync(join(work, 'out', 'unit-001.pdf')), { updateMetadata: false })).getPageCount();
    return [[`${n}-unit batch (md, html, pdf; ${pages} pages each), --jobs ${availableParallelism()}`, s(total), `${s(total / n)} a unit; peak memory ${mib(peak)} (goal < 1 GiB)`]];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Units of 10, 100 and 400 lines and 1, 50 and 500 projects (and one of ~1,000 pages), one browser: each unit's PDF time and pages. */
export async function growthBench() {
  const work = mkdtempSync(join(tmpdir(), 'yusuan-bench-growth-'));
  const rows = [];
  try {
    // …and one of about 1,000 pages, which the default budgets (1,000 pages, 600 s) must let print.
    const sizes = [...[10, 100, 400].flatMap((lines) => [1, 50, 500].map((projects) => ({ lines, projects }))), { lines: 400, projects: 2900 }];
    const files = sizes.map(({ lines, projects }) => {
      const file = join(work, `g-${lines}-${projects}.yaml`);
      writeFileSync(file, growthData({ lines, projects }));
      return file;
    });
    const started = new Map();
    const took = new Map();
    // A warm-up document, so the first row does not carry the browser's launch.
    const all = [join(work, 'warm.yaml'), ...files];
    writeFileSync(all[0], largeData(10));
    await build(all, {
      outDir: join(work, 'out'),
      formats: ['pdf'],
      jobs: 1,
      onStart: (file) => started.set(file, performance.now()),
      onResult: (r) => {
        took.set(r.file, performance.now() - started.get(r.file));
        if (r.outputs.length === 0) throw new Error(`${r.file}: ${r.findings.map((f) => f.message).join('; ')}`);
      },
    });
    for (const [i, { lines, projects }] of sizes.entries()) {
      const pdf = readFileSync(join(work, 'out', `g-${lines}-${projects}.pdf`));
      const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
      const ms = took.get(files[i]);
      rows.push([`${String(lines).padStart(3)} lines, ${String(projects).padStart(4)} projects`, s(ms), `${String(pages).padStart(4)} pages, ${(ms / pages).toFixed(0).padStart(4)} ms a page`]);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

export function printRows(title, rows) {
  console.log(`\n${title}`);
  for (const [what, figure, note] of rows) console.log(`${what.padEnd(62)} ${figure.padStart(12)}   ${note}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  if (args.includes('--growth')) printRows('growth (one browser, --jobs 1)', await growthBench());
  else if (args.includes('--units300')) printRows('many units', await manyUnitsBench(300));
  else printRows('batch PDF and text-only (one run, contenders interleaved)', await batchBench());
}
