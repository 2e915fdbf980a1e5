#!/usr/bin/env node
// `npm run bench`: how long `check` takes on the reference and on a generated 2,000-line data
// file, and `build` of the reference without the PDF; then the hostile sizes of bench-hostile.js
// (`npm run bench -- --large` adds the 1 MB and 9.9 MB PDF builds, minutes each). Figures are printed, never asserted: a test
// suite with timing thresholds fails on a busy machine for no fault of the code.
// Then the batch rows of bench-batch.js (floor, marginal, naive, cold, text-only, memory) and the
// text-only rows of bench-text.js (by format, CPU ms a document by stage);
// `npm run bench -- --batch` only the batch rows, `-- --growth` only the growth rows, `-- --units300` only the 300-unit batch,
// `-- --text` only the text-only rows (no browser, a minute).
//   in process  — the library call, first call (cold: includes JIT warm-up) and median of 20 warm calls
//   command line — `node bin/yusuan.js check FILE`, wall clock, as a finance officer runs it
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOne, check, compute, loadText } from '../dist/index.js';
import { auditFile } from '../dist/audit/index.js';
import { importWorkbooks } from '../dist/import/index.js';
import { loadTableLayouts } from '../dist/tables/index.js';
import { writeXlsx } from '../dist/xlsx/index.js';
import { hostileInputs } from './hostile-inputs.js';
import { largeData } from './large-data.js';
import { hostileBench, printHostile } from './bench-hostile.js';
import { batchBench, growthBench, manyUnitsBench, printRows } from './bench-batch.js';
import { textBench } from './bench-text.js';

if (process.argv.includes('--text')) {
  printRows('text only, by format and by stage (CPU time: the machine is shared)', await textBench(100));
  process.exit(0);
}
if (process.argv.includes('--batch')) {
  printRows('batch, cold build and text only (one run, contenders interleaved: read the ratios)', await batchBench());
  process.exit(0);
}
if (process.argv.includes('--growth') || process.argv.includes('--units300')) {
  if (process.argv.includes('--growth')) printRows('growth (one browser, --jobs 1)', await growthBench());
  if (process.argv.includes('--units300')) printRows('many units', await manyUnitsBench(300));
  process.exit(0);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reference = join(root, 'data', '2024-info-center.yaml');
const work = mkdtempSync(join(tmpdir(), 'yusuan-bench-'));
const large = join(work, 'large.yaml');
writeFileSync(large, largeData(2000));

const ms = (t) => `${t.toFixed(0).padStart(5)} ms`;
function time(fn) {
  const t = performance.now();
  const result = fn();
  return [performance.now() - t, result];
}
function median(fn, runs = 20) {
  const times = Array.from({ length: runs }, () => time(fn)[0]).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}
async function timeAsync(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
function cli(file) {
  const runs = Array.from({ length: 5 }, () => {
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'bin', 'yusuan.js'), 'check', file], { encoding: 'utf8' });
    if (r.status === null || r.status > 1) throw new Error(`yusuan check failed: ${r.stderr}`);
    return performance.now() - t;
  });
  return runs.sort((a, b) => a - b)[2];
}

const rows = [];
const linesOf = (file) => readFileSync(file, 'utf8').split('\n').length;
for (const [label, file] of [[`reference (${linesOf(reference)} lines)`, reference], [`generated (${linesOf(large)} lines)`, large]]) {
  const source = readFileSync(file, 'utf8');
  const [cold, findings] = time(() => check(loadText(source, file)));
  const warm = median(() => check(loadText(source, file)));
  const errors = findings.filter((f) => f.severity === 'error').length;
  rows.push([`check ${label}`, cold, warm, cli(file), `${findings.length} findings, ${errors} errors`]);
}
const out = join(work, 'out');
const buildCold = await timeAsync(() => buildOne(reference, { outDir: out, formats: ['md', 'html'] }));
const buildTimes = [];
for (let i = 0; i < 10; i++) buildTimes.push(await timeAsync(() => buildOne(reference, { outDir: out, formats: ['md', 'html'] })));
buildTimes.sort((a, b) => a - b);
rows.push(['build reference (md, html; no PDF)', buildCold, buildTimes[5], null, 'load + check + compute + render + write']);

// audit of a published document: the reference text, and yusuan's own PDF of the reference (printed once).
const referenceText = join(root, '..', 'shared', 'reference', '2024-info-center.txt');
await buildOne(reference, { outDir: out, formats: ['pdf'] });
const referencePdf = join(out, '2024-info-center.pdf');
for (const [label, file] of [['audit reference text', referenceText], ['audit reference PDF (pdfjs-dist)', referencePdf]]) {
  const cold = await timeAsync(() => auditFile(file));
  const times = [];
  for (let i = 0; i < 5; i++) times.push(await timeAsync(() => auditFile(file)));
  times.sort((a, b) => a - b);
  const r = await auditFile(file);
  const wall = [0, 1, 2].map(() => {
    const t = performance.now();
    spawnSync(process.execPath, [join(root, 'bin', 'yusuan.js'), 'audit', file], { encoding: 'utf8' });
    return performance.now() - t;
  }).sort((a, b) => a - b)[1];
  rows.push([label, cold, times[2], wall, `${r.findings.filter((f) => f.severity === 'error').length} errors, ${r.findings.filter((f) => f.severity === 'note').length} notes`]);
}

// import: the reference's tables and the generated file's, each exported as a workbook and read back.
for (const [label, file] of [['reference', reference], ['generated', large]]) {
  const xlsx = join(work, `${label}.xlsx`);
  writeFileSync(xlsx, await writeXlsx(compute(loadText(readFileSync(file, 'utf8'), file).data), loadTableLayouts(), label));
  const [cold, result] = time(() => importWorkbooks([xlsx]));
  const warm = median(() => importWorkbooks([xlsx]), 5);
  // CPU time as well as wall clock: on a shared machine the wall clock mostly measures the neighbours.
  const cpu0 = process.cpuUsage();
  importWorkbooks([xlsx]);
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const lines = result.data ? result.data.budget.length : 0;
  const runs = Array.from({ length: 3 }, () => {
    const t = performance.now();
    const out = join(work, `${label}-${Math.random()}.yaml`);
    const r = spawnSync(process.execPath, [join(root, 'bin', 'yusuan.js'), 'import', xlsx, '--out', out], { encoding: 'utf8' });
    if (r.status === null || r.status > 1) throw new Error(`yusuan import failed: ${r.stderr}`);
    return performance.now() - t;
  }).sort((a, b) => a - b);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.read(readFileSync(xlsx), { type: 'buffer', dense: true });
  const sheetRows = wb.SheetNames.reduce((n, name) => n + (wb.Sheets[name]['!data']?.length ?? 0), 0);
  rows.push([`import ${label} workbook (${sheetRows} rows)`, cold, warm, runs[1], `${lines} 项 lines, ${wb.SheetNames.length} sheets, one warm call ${cpuMs.toFixed(0)} ms CPU, ${errors} errors`]);
}

// Large and hostile inputs, each in a fresh process as `yusuan check` runs it: wall time, CPU time
// and peak memory. The promise: each within 10 s and 1 GiB, as a result or a positioned finding.
const CHECK_ONE = `
  import { check, formatFindings } from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)};
  import { loadFile } from ${JSON.stringify(new URL('../dist/load/read.js', import.meta.url).href)};
  const loaded = loadFile(process.argv[1]);
  const findings = check(loaded);
  formatFindings(findings, loaded.source);
  const first = findings.find((f) => f.severity === 'error') ?? findings[0];
  const usage = process.resourceUsage();
  console.log(JSON.stringify({ findings: findings.length, first: first && \`\${first.code} \${first.pos?.line ?? '-'}:\${first.pos?.col ?? '-'}\`, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1000, rss: usage.maxRSS / 1024 }));`;
const hostile = [];
for (const [what, text] of hostileInputs(readFileSync(reference, 'utf8'))) {
  const file = join(work, 'hostile.yaml');
  writeFileSync(file, text);
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHECK_ONE, file], { encoding: 'utf8', timeout: 120_000 });
  const wall = performance.now() - t;
  const result = r.status === 0 ? JSON.parse(r.stdout) : { error: r.signal ?? `exit ${r.status}: ${r.stderr.split('\n')[0]}` };
  hostile.push([what, (Buffer.byteLength(text) / 1024 / 1024).toFixed(1), wall, result]);
}

console.log(`yusuan bench — node ${process.version}, ${new Date().toISOString()}`);
console.log(`${'what'.padEnd(40)} ${'first call'.padStart(10)} ${'warm median'.padStart(12)} ${'command line'.padStart(13)}`);
for (const [what, cold, warm, wall, note] of rows)
  console.log(`${what.padEnd(40)} ${ms(cold).padStart(10)} ${ms(warm).padStart(12)} ${(wall === null ? '—' : ms(wall)).padStart(13)}   ${note}`);
console.log(`\n${'large and hostile inputs (check, own process)'.padEnd(44)} ${'MB'.padStart(5)} ${'wall'.padStart(9)} ${'cpu'.padStart(9)} ${'peak RSS'.padStart(9)}   result`);
for (const [what, mb, wall, r] of hostile)
  console.log(`${what.padEnd(44)} ${mb.padStart(5)} ${ms(wall).padStart(9)} ${(r.cpu === undefined ? '—' : ms(r.cpu)).padStart(9)} ${(r.rss === undefined ? '—' : `${r.rss.toFixed(0)} MB`).padStart(9)}   ${r.error ?? `${r.findings} findings, first ${r.first}`}`);
rmSync(work, { recursive: true, force: true });
printHostile(hostileBench({ large: process.argv.includes('--large') }));
printRows('batch PDF and text-only (one run, contenders interleaved)', await batchBench());
printRows('text only, by format and by stage (CPU time: the machine is shared)', await textBench(100));
