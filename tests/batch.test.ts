// `yusuan build` of many units as a district runs it: the reference, the county fixture and a unit
// with an error in one batch; the good ones built, the bad one reported and its earlier outputs
// kept; the same outputs whatever --jobs; nothing left behind when the run is stopped by a signal.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const reference = readFileSync(join(root, 'data/2024-info-center.yaml'), 'utf8');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// Its own temporary folder: other test files count the browser profiles in the shared one.
const privateTmp = mkdtempSync(join(tmpdir(), 'yusuan-batch-tmp-'));
dirs.push(privateTmp);
function yusuan(args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/yusuan.js'), ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, TMPDIR: privateTmp } });
}

/** A folder of three units; `bad` is the reference until `breakIt` puts a YAML error in it. */
function units(): { dir: string; unitsDir: string; breakIt: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-batch-'));
  dirs.push(dir);
  const unitsDir = join(dir, 'units');
  mkdirSync(unitsDir);
  writeFileSync(join(unitsDir, 'info-center.yaml'), reference);
  copyFileSync(join(root, 'tests/fixtures/golden/county-bureau/data.yaml'), join(unitsDir, 'county-bureau.yaml'));
  writeFileSync(join(unitsDir, 'bad.yaml'), reference);
  writeFileSync(join(unitsDir, 'notes.txt'), 'not a unit');
  return { dir, unitsDir, breakIt: () => writeFileSync(join(unitsDir, 'bad.yaml'), reference.replace('  year: 2024\n', '  year: [2024\n')) };
}

const files = (out: string) => readdirSync(out).filter((name) => !name.startsWith('.')).sort();

describe('yusuan build of a batch', () => {
  const { dir, unitsDir, breakIt } = units();
  const first = join(dir, 'out-jobs2');
  const second = join(dir, 'out-jobs1');

  it('builds the good units, reports the bad one with its findings, exits 1 and keeps its earlier outputs', () => {
    // The bad unit's earlier outputs, from when its data was good.
    expect(yusuan(['build', join(unitsDir, 'bad.yaml'), '--out', first, '--format', 'md,html,pdf']).status).toBe(0);
    const before = ['md', 'html', 'pdf'].map((ext) => readFileSync(join(first, `bad.${ext}`)));
    breakIt();
    const run = yusuan(['build', unitsDir, '--out', first, '--format', 'md,html,pdf', '--jobs', '2']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad\.yaml:\d+:\d+ +error .*\[YAML_SYNTAX\]/);
    expect(run.stderr).toMatch(/bad\.yaml: 数据有错误，未写出任何文件。/);
    // Not a terminal: one line per unit, then the summary.
    expect(run.stderr).toMatch(/\[\d\/3\] .*county-bureau\.yaml: 已生成 built/);
    expect(run.stderr).toMatch(/已生成 2 个，未生成 1 个.*Built 2, failed 1, warnings 0; time \d+:\d\d\./);
    for (const unit of ['info-center', 'county-bureau']) for (const ext of ['md', 'html', 'pdf']) expect(existsSync(join(first, `${unit}.${ext}`))).toBe(true);
    expect(['md', 'html', 'pdf'].map((ext) => readFileSync(join(first, `bad.${ext}`)))).toEqual(before);
    // The list page: every unit, sorted by name, with its outputs and counts.
    const index = readFileSync(join(first, 'index.html'), 'utf8');
    const order = ['bad', 'county-bureau', 'info-center'].map((name) => index.indexOf(`<tr><td>${name}</td>`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(index).toContain('<a href="info-center.pdf">pdf</a>');
    expect(index).toMatch(/<tr><td>bad<\/td><td class="failed">.*<td class="n error">2<\/td>/);
    expect(index).not.toMatch(/<(script|link|img)\b/);
  }, 240_000);

  it('gives byte-identical outputs whatever --jobs', () => {
    const run = yusuan(['build', `${unitsDir}/*.yaml`, '--out', second, '--format', 'md,html,pdf', '--jobs', '1']);
    expect(run.status).toBe(1);
    expect(files(second)).toEqual(files(first).filter((name) => !name.startsWith('bad.')));
    for (const name of files(second)) expect(readFileSync(join(second, name)).equals(readFileSync(join(first, name))), name).toBe(true);
  }, 240_000);
});

/** Process ids of `pid`'s descendants. */
function descendants(pid: number): number[] {
  const ps = spawnSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' }).stdout;
  const children = new Map<number, number[]>();
  for (const line of ps.trim().split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    children.set(parent!, [...(children.get(parent!) ?? []), child!]);
  }
  const found: number[] = [];
  const visit = (p: number) => (children.get(p) ?? []).forEach((c) => (found.push(c), visit(c)));
  visit(pid);
  return found;
}

/** Running: a zombie (ended, waiting for a parent that does not reap it, as PID 1 in a container may not) is not. */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

describe.each([
  ['SIGINT', 'printing'],
  ['SIGTERM', 'printing'],
  // The browser is started before the rest of the program loads (print/spawn-chromium.ts).
  ['SIGINT', 'starting'],
  ['SIGTERM', 'starting'],
] as const)('%s during a batch, while %s', (signal, phase) => {
  it('leaves no Chromium process and no temporary folder', async () => {
    const { dir, unitsDir } = units();
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const child = spawn(process.execPath, [join(root, 'bin/yusuan.js'), 'build', unitsDir, '--out', join(dir, 'out'), '--format', 'pdf', '--jobs', '2'], {
      cwd: root,
      env: { ...process.env, TMPDIR: tmp },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, sig) => resolve(sig === signal ? null : code)));
    // Starting: once the browser runs. Printing: once a page prints (a tab has its folder).
    const ready = (): boolean =>
      readdirSync(tmp).some((name) => name.startsWith(phase === 'starting' ? 'yusuan-chromium-' : 'yusuan-print-'));
    let chromium: number[] = [];
    for (let i = 0; i < 600 && (chromium.length < 2 || !ready()); i++) {
      await new Promise((resolve) => setTimeout(resolve, phase === 'starting' ? 10 : 100));
      chromium = descendants(child.pid!);
    }
    expect(chromium.length).toBeGreaterThan(1);
    expect(ready()).toBe(true);
    child.kill(signal);
    expect(await exited).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(chromium.filter(alive)).toEqual([]);
    // Chromium's own folder (org.chromium.Chromium.*, its singleton socket) included.
    expect(readdirSync(tmp)).toEqual([]);
  }, 120_000);
});
