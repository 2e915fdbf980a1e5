// The parts of a batch that need no browser: inputs (files, folders, globs), the list page, the progress display.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexPage } from '../src/batch/index-page.js';
import { expandInputs, globFiles } from '../src/batch/inputs.js';
import type { BuildResult } from '../src/build.js';
import { progress } from '../src/cli/progress.js';

const dir = mkdtempSync(join(tmpdir(), 'yusuan-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const file of ['units/b.yaml', 'units/a.yml', 'units/notes.txt', 'units/.hidden.yaml', 'units/sub/c.yaml', 'units/sub/deeper/d.yaml', 'other/e.yaml'])
  (mkdirSync(join(dir, file, '..'), { recursive: true }), writeFileSync(join(dir, file), ''));
const at = (...names: string[]) => names.map((n) => join(dir, n));

describe('expandInputs', () => {
  it('a folder: its *.yaml and *.yml, sorted, not its subfolders or hidden files', () => {
    expect(expandInputs([join(dir, 'units')])).toEqual({ files: at('units/a.yml', 'units/b.yaml'), unmatched: [] });
  });

  it('globs: * and ? within a name, ** across folders, sorted', () => {
    expect(globFiles(`${dir}/units/*.yaml`).sort()).toEqual(at('units/b.yaml'));
    expect(globFiles(`${dir}/units/?.y*ml`).sort()).toEqual(at('units/a.yml', 'units/b.yaml'));
    expect(expandInputs([`${dir}/units/**/*.yaml`]).files).toEqual(at('units/b.yaml', 'units/sub/c.yaml', 'units/sub/deeper/d.yaml'));
    expect(expandInputs([`${dir}/*/e.yaml`]).files).toEqual(at('other/e.yaml'));
  });

  it('keeps given files in order, lists a file a glob repeats once, and names what matched nothing', () => {
    const given = join(dir, 'units/b.yaml');
    expect(expandInputs([given, `${dir}/units/*.y*ml`, `${dir}/none/*.yaml`])).toEqual({ files: [given, join(dir, 'units/a.yml')], unmatched: [`${dir}/none/*.yaml`] });
    // Given twice by name: kept twice, so build refuses it rather than guess.
    expect(expandInputs([given, given]).files).toEqual([given, given]);
  });
});

const result = (file: string, outputs: string[], severities: ('error' | 'warning' | 'note')[] = []): BuildResult => ({
  file,
  source: '',
  outputs,
  findings: severities.map((severity) => ({ code: 'X', severity, message: '', path: '' })),
});

describe('indexPage', () => {
  it('lists every unit by name with its outputs and counts, and escapes names as data', () => {
    const page = indexPage([
      result('data/z.yaml', ['out/z.md', 'out/z.pdf'], ['warning']),
      result('data/<b>&"x".yaml', [], ['error', 'error', 'note']),
      result('data/单位 a.yaml', ['out/单位 a.html']),
    ]);
    expect(page).not.toContain('<b>&');
    const rows = page.split('\n').filter((line) => line.startsWith('<tr><td>'));
    expect(rows.map((row) => /^<tr><td>([^<]*)<\/td>/.exec(row)?.[1])).toEqual(['&lt;b&gt;&amp;&quot;x&quot;', 'z', '单位 a']);
    expect(rows[0]).toContain('<td class="n error">2</td><td class="n">0</td><td class="n note">1</td>');
    expect(rows[1]).toContain('<a href="z.md">md</a> <a href="z.pdf">pdf</a>');
    expect(rows[2]).toContain(`<a href="${encodeURIComponent('单位 a.html')}">html</a>`);
    expect(page).toContain('3 units: 2 built, 1 not built.');
  });
});

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 200, write: (s: string) => (chunks.push(s), true) } as unknown as NodeJS.WriteStream };
}

describe('progress', () => {
  it('off a terminal: one line per unit, then the summary', () => {
    const out = stream(false);
    let now = 0;
    const shown = progress(2, out.stream, () => now);
    shown.start('a.yaml');
    now = 1500;
    shown.done(result('a.yaml', ['out/a.pdf'], ['warning']), 'a.yaml:1:1 warning …\n');
    shown.start('b\u001b[31m.yaml');
    shown.done(result('b\u001b[31m.yaml', [], ['error']), '');
    shown.finish();
    expect(out.chunks.join('')).toBe(
      'a.yaml:1:1 warning …\n[1/2] a.yaml: 已生成 built，1 个警告 1 warnings (1.5 s)\n' +
        '[2/2] b\\x1b[31m.yaml: 未生成 not built，1 个错误 1 errors (0.0 s)\n' +
        '已生成 1 个，未生成 1 个，警告 1 个；用时 0:02。 Built 1, failed 1, warnings 1; time 0:02.\n',
    );
  });

  it('on a terminal: a bar redrawn in place with done/total, elapsed, remaining and the current unit', () => {
    const out = stream(true);
    let now = 0;
    const shown = progress(4, out.stream, () => now);
    shown.start('a.yaml');
    now = 10_000;
    shown.done(result('a.yaml', ['out/a.pdf']), '');
    shown.start('b.yaml');
    shown.finish();
    const text = out.chunks.join('');
    expect(text).toContain('\r\x1b[2K[######..................] 1/4  用时 elapsed 0:10  剩余 left 0:30  b.yaml');
    expect(text).not.toContain('\n[1/4]');
    expect(text.endsWith('Built 1, failed 0, warnings 0; time 0:10.\n')).toBe(true);
  });
});
