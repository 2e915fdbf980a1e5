// Hostile sizes (issue 13), each in a child process so its time and peak memory are its own:
//   diff of one rewritten 60,000-character sentence, and of 20,000 rewritten sentences;
//   with `large`, the PDF build of the reference with a 1 MB and a 9.9 MB text under the default
//   budgets (1,000 pages, 600 s): does it finish, or refuse, and how long.
// Peak memory is the largest single process's resident set (for a build, node or a Chromium process).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { longSentence, longText, referenceWith } from './large-text.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reference = join(root, 'data', '2024-info-center.yaml');

/** Runs `args` under GNU time: [seconds, peak RSS in MB, the run]. */
function timed(args) {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', ...args], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 30 });
  const [seconds, kb] = run.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return [seconds, Math.round(kb / 1024), run];
}

export function hostileBench({ large = false } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'yusuan-bench-hostile-'));
  const rows = [];
  const write = (name, text) => {
    const file = join(work, name);
    writeFileSync(file, referenceWith(reference, text));
    return file;
  };
  const mb = (file) => `${(statSync(file).size / 1e6).toFixed(1)} MB`;

  for (const [label, before, after] of [
    ['diff: one rewritten 60,000-character sentence', longSentence(60_000, 1), longSentence(60_000, 2)],
    ['diff: 20,000 rewritten sentences', longText(20_000, 30, 1), longText(20_000, 30, 100_000)],
  ]) {
    const [a, b] = [write('a.yaml', before), write('b.yaml', after)];
    const [seconds, peak, run] = timed([process.execPath, 'bin/yusuan.js', 'diff', a, b]);
    rows.push([label, seconds, peak, `exit ${run.status}, ${(run.stdout.length / 1e6).toFixed(1)} MB of output`]);
  }

  if (large) {
    for (const [label, sentences] of [['build pdf: reference + 1 MB text', 3_300], ['build pdf: reference + 9.9 MB text', 33_000]]) {
      const file = write(`text-${sentences}.yaml`, longText(sentences, 100));
      const out = join(work, 'out');
      const [seconds, peak, run] = timed([process.execPath, 'bin/yusuan.js', 'build', file, '--out', out, '--format', 'pdf']);
      let note = `${mb(file)}, exit ${run.status}`;
      if (run.status === 0) {
        const pages = /^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [join(out, `text-${sentences}.pdf`)], { encoding: 'utf8' }).stdout)?.[1];
        note += `, ${pages} pages`;
      } else note += `: ${/\[([A-Z_]+)\]/.exec(run.stderr)?.[1] ?? run.stderr.split('\n')[0].slice(0, 120)}`;
      rows.push([label, seconds, peak, note]);
    }
  }
  rmSync(work, { recursive: true, force: true });
  return rows;
}

export function printHostile(rows) {
  console.log(`\n${'hostile sizes (issue 13)'.padEnd(48)} ${'wall'.padStart(8)} ${'peak RSS'.padStart(9)}`);
  for (const [what, seconds, peak, note] of rows) console.log(`${what.padEnd(48)} ${`${seconds.toFixed(1)} s`.padStart(8)} ${`${peak} MB`.padStart(9)}   ${note}`);
}

if (import.meta.url === `file://${process.argv[1]}`) printHostile(hostileBench({ large: process.argv.includes('--large') }));
