// The bundled templates compiled ahead and their tables.yaml parsed ahead (scripts/precompile-templates.js,
// part of `npm run build`): every one of them is found, and the built package renders with them exactly
// what compiling and parsing give.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compute, loadText, render } from '../../src/index.js';
import { REFERENCE_DATA } from '../helpers/reference.js';

const root = new URL('../../', import.meta.url).pathname;
// The built modules: only they sit beside the precompiled file (`npm test` builds first).
const built = (await import(join(root, 'dist/render/precompiled.js'))) as typeof import('../../src/render/precompiled.js');
const builtIndex = (await import(join(root, 'dist/index.js'))) as typeof import('../../src/index.js');
const builtParsed = (await import(join(root, 'dist/tables/parsed-ahead.js'))) as typeof import('../../src/tables/parsed-ahead.js');

const walk = (dir: string, ending = '.hbs'): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), ending) : e.name.endsWith(ending) ? [join(dir, e.name)] : []));

describe('templates compiled ahead', () => {
  it('has every bundled template (run `npm run build` if this fails)', () => {
    const files = [...walk(join(root, 'templates')), ...walk(join(root, 'profiles'))];
    expect(files.length).toBeGreaterThan(30);
    const missing = files.filter((file) => built.precompiledTemplate(Handlebars.create(), readFileSync(file, 'utf8')) === undefined);
    expect(missing).toEqual([]);
  });

  it('misses a template that is not bundled, which is then compiled', () => {
    expect(built.precompiledTemplate(Handlebars.create(), '{{unit.name}} 改')).toBeUndefined();
  });

  it('renders the reference byte for byte as compiling does', () => {
    const source = readFileSync(REFERENCE_DATA, 'utf8');
    const compiled = render(compute(loadText(source, REFERENCE_DATA).data!));
    const ahead = builtIndex.render(builtIndex.compute(builtIndex.loadText(source, REFERENCE_DATA).data!));
    expect(ahead.markdown).toBe(compiled.markdown);
    expect(ahead.html).toBe(compiled.html);
  });

  it('has every bundled tables.yaml parsed, as the yaml package parses it, and a fresh copy each time', () => {
    const files = [...walk(join(root, 'templates'), 'tables.yaml'), ...walk(join(root, 'profiles'), 'tables.yaml')];
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const ahead = builtParsed.parsedAhead(text);
      expect(ahead, file).toEqual(parse(text));
      expect(builtParsed.parsedAhead(text)).not.toBe(ahead);
    }
    expect(builtParsed.parsedAhead('tables: []')).toBeUndefined();
  });
});
