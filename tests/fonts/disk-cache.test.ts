// The font cache on disk (src/fonts/disk-cache.ts): a second process reads back what the first made,
// and what it reads back is exactly what it would have made; a torn, foreign or unwritable cache is a
// miss, never a wrong font or a failed build.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compute, loadText, render } from '../../src/index.js';
import { cacheDir, openDiskCache } from '../../src/fonts/disk-cache.js';
import { embedFonts, forgetSubsets } from '../../src/fonts/index.js';
import { REFERENCE_DATA } from '../helpers/reference.js';

const html = render(compute(loadText(readFileSync(REFERENCE_DATA, 'utf8'), REFERENCE_DATA).data!)).html;
let dir: string;
let uncached: string;

/** The reference's page with its fonts, as a fresh process with YUSUAN_CACHE_DIR = `cache` makes it. */
async function embedded(cache: string): Promise<string> {
  process.env['YUSUAN_CACHE_DIR'] = cache;
  forgetSubsets();
  return embedFonts(html);
}

const entries = (): string[] => readdirSync(join(dir, 'fonts-1')).map((name) => join(dir, 'fonts-1', name));

describe('font cache on disk', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-font-cache-'));
    uncached = await embedded('');
  });
  afterEach(() => {
    process.env['YUSUAN_CACHE_DIR'] = '';
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is off in the tests unless a test names a folder, and follows XDG_CACHE_HOME otherwise', () => {
    expect(cacheDir()).toBeUndefined();
    expect(cacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe(join('/x/cache', 'yusuan'));
    expect(cacheDir({ YUSUAN_CACHE_DIR: '/y' })).toBe('/y');
  });

  it('a first process fills it; a second reads the same fonts back', async () => {
    expect(await embedded(dir)).toBe(uncached);
    const made = entries();
    // Per chunk the reference draws from: its character map, its decoded font and its subset.
    expect(made.length).toBeGreaterThanOrEqual(3 * 70);
    const times = new Map(made.map((file) => [file, statSync(file).mtimeMs]));
    expect(await embedded(dir)).toBe(uncached);
    // Read, not made again: no entry was rewritten.
    expect(entries().every((file) => statSync(file).mtimeMs === times.get(file))).toBe(true);
  });

  it('a torn or foreign entry is made again, never used', async () => {
    const made = entries();
    for (const file of made.slice(0, 40)) truncateSync(file, 7);
    for (const file of made.slice(40, 80)) writeFileSync(file, 'not a font');
    expect(await embedded(dir)).toBe(uncached);
  });

  it('a cache that cannot be written is no cache: the fonts are made as without one', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    expect(await embedded(join(file, 'cache'))).toBe(uncached);
    // Nothing was made there, and nothing failed.
    expect(() => readdirSync(join(file, 'cache'))).toThrow();
  });

  it('an entry is named by everything it is made from', () => {
    const cache = openDiskCache(join(dir, 'keys'));
    cache.set(['subset', 'a', 'b'], new Uint8Array([1]));
    expect(cache.get(['subset', 'a', 'b'], () => true)).toEqual(Buffer.from([1]));
    expect(cache.get(['subset', 'ab'], () => true)).toBeUndefined();
    expect(cache.get(['subset', 'a', 'c'], () => true)).toBeUndefined();
    expect(cache.get(['subset', 'a', 'b'], () => false)).toBeUndefined();
  });
});
