// `node scripts/bench-text.js [N]` (after `npm run build`): text-only throughput of `build` (md, html,
// txt of N copies of the reference, one process), in CPU time as well as wall time, since the
// machine is shared; then the CPU milliseconds a document spends in each stage, run stage by stage.
// Figures are printed, never asserted.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';
import { build, loadTemplates, render } from '../dist/index.js';
import { checkAndCompute } from '../dist/check/index.js';
import { loadFile } from '../dist/load/read.js';
import { markUnconfirmed } from '../dist/compute/unconfirmed.js';
import { htmlBlocks } from '../dist/render/html-blocks.js';
import { blocksToText } from '../dist/render/text.js';
import { embedFontsBytes } from '../dist/fonts/embed.js';
import { replaceTogether } from '../dist/write-atomic.js';

const root = new URL('..', import.meta.url).pathname;
const reference = join(root, 'data', '2024-info-center.yaml');
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
/** The system's part of the CPU time (creating and writing the files: most of it the HTML's ~0.9 MB of fonts). */
const systemCpu = () => process.cpuUsage().system / 1000;

function copies(dir, n, name) {
  const text = readFileSync(reference, 'utf8');
  return Array.from({ length: n }, (_, i) => {
    const file = join(dir, `${name}-${String(i + 1).padStart(3, '0')}.yaml`);
    writeFileSync(file, text);
    return file;
  });
}

/**
 * `n` units that differ as real ones do, in their text: the reference with a paragraph of 60 characters
 * drawn (seeded) from the Chinese of the reference and the examples. Copies share every font subset;
 * these share few, so each pays for its own (harfbuzz, brotli), as a real batch does.
 */
function differing(dir, n, name) {
  const text = readFileSync(reference, 'utf8').trimEnd();
  const pool = [...new Set([reference, ...['school', 'hospital', 'agriculture-bureau'].map((u) => join(root, 'examples', `2025-county-${u}.yaml`))]
    .map((file) => readFileSync(file, 'utf8').replace(/[^\u4e00-\u9fff]/g, '')).join(''))];
  let seed = 1;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16;
  return Array.from({ length: n }, (_, i) => {
    const file = join(dir, `${name}-${String(i + 1).padStart(3, '0')}.yaml`);
    const paragraph = Array.from({ length: 60 }, () => pool[next() % pool.length]).join('');
    writeFileSync(file, `${text}\nother_matters: "${paragraph}。"\n`);
    return file;
  });
}

/** docs/s of one `build` of `files` in `formats`, by wall clock and by this process's CPU time. */
async function rate(files, formats, outDir) {
  const [t, c, s] = [performance.now(), cpu(), systemCpu()];
  await build(files, { outDir, formats });
  const [wall, used, system] = [performance.now() - t, cpu() - c, systemCpu() - s];
  return { wall: (files.length * 1000) / wall, cpu: (files.length * 1000) / used, cpuMs: used / files.length, systemMs: system / files.length };
}

/** CPU ms a document in each stage, the stages run one after another over every file, as `build` runs them. */
async function stages(files, outDir) {
  const templates = loadTemplates();
  const took = {};
  const stage = (name, fn) => {
    const c = cpu();
    const result = fn();
    took[name] = (took[name] ?? 0) + cpu() - c;
    return result;
  };
  for (const file of files) {
    const loaded = stage('load', () => loadFile(file));
    // check computes the view its rules read; produce renders that view.
    const { view: computed } = stage('check + compute', () => checkAndCompute(loaded));
    const view = markUnconfirmed(loaded.data, computed, []);
    const { markdown, html } = stage('render', () => render(view, templates));
    const text = stage('txt', () => blocksToText(htmlBlocks(html)));
    const c = cpu();
    const withFonts = await embedFontsBytes(html);
    took.fonts = (took.fonts ?? 0) + cpu() - c;
    const stem = join(outDir, file.replace(/^.*\//, '').replace(/\.yaml$/, ''));
    stage('write', () =>
      replaceTogether([
        { path: `${stem}.md`, content: markdown },
        { path: `${stem}.html`, content: withFonts },
        { path: `${stem}.txt`, content: text },
      ]),
    );
  }
  return Object.entries(took).map(([name, ms]) => [name, ms / files.length]);
}

/**
 * Who the time of a document goes to, from a CPU profile of `build`: the libraries (Handlebars with
 * the code it compiled the templates to), the collector, node and the system (writes), yusuan's own code.
 */
const OWNERS = [
  ['yaml', /node_modules\/yaml\//], ['handlebars', /node_modules\/handlebars\/|precompiled-templates\.cjs$/], ['markdown-it', /node_modules\/(markdown-it|mdurl|uc\.micro|linkify-it|entities|punycode)/],
  ['decimal.js', /node_modules\/decimal\.js\//], ['yusuan', /\/dist\//],
];

async function byOwner(files, formats, outDir) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  await build(files, { outDir, formats });
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const took = new Map();
  profile.samples.forEach((id, i) => {
    const { url, functionName } = nodes.get(id).callFrame;
    const owner = OWNERS.find(([, pattern]) => pattern.test(url))?.[0]
      ?? (functionName === '(garbage collector)' ? 'garbage collector' : functionName === '(idle)' ? 'idle' : 'node and the system');
    took.set(owner, (took.get(owner) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  took.delete('idle');
  return [...took].sort((a, b) => b[1] - a[1]).map(([owner, ms]) => [owner, ms / files.length]);
}

export async function textBench(n = 100) {
  const work = mkdtempSync(join(tmpdir(), 'yusuan-bench-text-'));
  try {
    const files = copies(work, n, 'text');
    // Warm: templates compiled, fonts subset, and enough documents for the JIT to have settled.
    await build(files.slice(0, 30), { outDir: join(work, 'warm'), formats: ['md', 'html', 'txt'] });
    const rows = [];
    for (const formats of [['md', 'html', 'txt'], ['md'], ['txt'], ['html']]) {
      // Written twice over: the second run replaces existing outputs, as a rebuild does.
      const first = await rate(files, formats, join(work, formats.join('-')));
      const again = await rate(files, formats, join(work, formats.join('-')));
      rows.push([`text only (${formats.join(', ')}), ${n} units in one build`, `${first.wall.toFixed(0)} docs/s`,
        `CPU ${first.cpuMs.toFixed(1)} ms a doc, ${first.systemMs.toFixed(1)} of it the system's (${first.cpu.toFixed(0)} docs/s of CPU); rebuilt over them: ${again.cpuMs.toFixed(1)} ms`]);
    }
    const distinct = await rate(differing(work, n, 'differing'), ['md', 'html', 'txt'], join(work, 'differing'));
    rows.push([`text only (md, html, txt), ${n} units whose text differs`, `${distinct.wall.toFixed(0)} docs/s`,
      `CPU ${distinct.cpuMs.toFixed(1)} ms a doc, ${distinct.systemMs.toFixed(1)} of it the system's: each unit's fonts subset anew`]);
    const per = await stages(files, join(work, 'stages'));
    const total = per.reduce((sum, [, ms]) => sum + ms, 0);
    rows.push(['CPU ms a document, by stage', `${total.toFixed(1)} ms`, per.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ')]);
    // The libraries' share bounds the rate: a document cannot cost one thread less than they take.
    const owners = await byOwner(files, ['md', 'html', 'txt'], join(work, 'owners'));
    const libraries = owners.filter(([owner]) => ['yaml', 'handlebars', 'markdown-it', 'decimal.js'].includes(owner)).reduce((sum, [, ms]) => sum + ms, 0);
    rows.push(['main thread ms a document (md, html, txt), by whose code', `${owners.reduce((sum, [, ms]) => sum + ms, 0).toFixed(1)} ms`,
      `${owners.map(([owner, ms]) => `${owner} ${ms.toFixed(1)}`).join(', ')}; the four libraries alone allow at most ${(1000 / libraries).toFixed(0)} docs/s a thread`]);
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await textBench(Number(process.argv[2] ?? 100));
  for (const [what, figure, note] of rows) console.log(`${what.padEnd(50)} ${figure.padStart(12)}   ${note}`);
}
