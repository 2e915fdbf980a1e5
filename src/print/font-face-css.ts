import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The bundled faces the print stylesheet names: body in Serif, headings in Sans. */
const BUNDLED_FACES = [
  { pkg: '@fontsource/noto-serif-sc', weight: 400 },
  { pkg: '@fontsource/noto-serif-sc', weight: 700 },
  { pkg: '@fontsource/noto-sans-sc', weight: 400 },
  { pkg: '@fontsource/noto-sans-sc', weight: 700 },
] as const;

/** One @font-face rule of a bundled package: one weight of one unicode-range chunk. */
export interface FontChunk {
  /** e.g. `Noto Serif SC`, without quotes. */
  family: string;
  weight: number;
  /** Absolute path of the woff2 file. */
  file: string;
  /** The rule's unicode-range as inclusive [first, last] code point pairs. */
  ranges: Array<[number, number]>;
  /** The rule's declarations, `src` left as the package wrote it. */
  body: string;
  /** The font itself when it is not the file (a subset, woff2); the rule then carries it as a data: URL. */
  data?: Uint8Array;
}

const require = createRequire(import.meta.url);

/** The stylesheet the @fontsource package ships for one weight, e.g. `.../noto-serif-sc/400.css`. */
function stylesheetPath(pkg: string, weight: number): string {
  return require.resolve(`${pkg}/${weight}.css`);
}

/**
 * Every @font-face rule of the bundled packages, in declaration order; read once a process, and the
 * same list every time, so that what is worked out per list (fonts/chunk-index.ts) is worked out once.
 */
export function bundledFontChunks(): readonly FontChunk[] {
  return (bundled ??= BUNDLED_FACES.flatMap(({ pkg, weight }) => readStylesheet(stylesheetPath(pkg, weight), weight)));
}

let bundled: readonly FontChunk[] | undefined;

/**
 * @font-face rules for Noto Serif SC and Noto Sans SC (400, 700): a chunk with `data` (a subset) carries
 * it as a data: URL, any other points at its bundled woff2 file through `url` (file:// for the print
 * stage, a path on its own server for `preview`). Each package splits CJK into ~100 unicode-range
 * chunks per weight; keeping the ranges means Chromium picks a chunk for each character as it would
 * from the full set.
 */
export function fontFaceCss(chunks: readonly FontChunk[] = bundledFontChunks(), url: (file: string) => string = (file) => pathToFileURL(file).href): string {
  // Only the woff2 source: Chromium always takes it, so the .woff fallback is dead weight.
  return chunks
    .map((chunk) => {
      const src = chunk.data ? `data:font/woff2;base64,${Buffer.from(chunk.data).toString('base64')}` : url(chunk.file);
      return `@font-face {${chunk.body.replace(/src\s*:[^;]+;/, `src: url("${src}") format('woff2');`)}}`;
    })
    .join('\n');
}

function readStylesheet(cssPath: string, weight: number): FontChunk[] {
  let css: string;
  try {
    css = readFileSync(cssPath, 'utf8');
  } catch (cause) {
    throw new Error(`Cannot read font stylesheet ${cssPath}`, { cause });
  }
  const chunks = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((match) => readRule(match[1] ?? '', cssPath, weight));
  if (chunks.length === 0) throw new Error(`No @font-face rule in font stylesheet ${cssPath}`);
  return chunks;
}

function readRule(body: string, cssPath: string, weight: number): FontChunk {
  const woff2 = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(body)?.[1];
  if (woff2 === undefined) throw new Error(`@font-face without a woff2 file in ${cssPath}`);
  const family = /font-family\s*:\s*['"]?([^;'"]+)['"]?\s*;/.exec(body)?.[1]?.trim();
  if (family === undefined) throw new Error(`@font-face without a font-family in ${cssPath}`);
  const range = /unicode-range\s*:\s*([^;]+);/.exec(body)?.[1];
  return { family, weight, file: join(dirname(cssPath), woff2), ranges: range ? parseUnicodeRange(range) : [[0, 0x10ffff]], body };
}

/** `U+4e00-9fff,U+3000,U+30??` → [[0x4e00, 0x9fff], [0x3000, 0x3000], [0x3000, 0x30ff]]. */
export function parseUnicodeRange(value: string): Array<[number, number]> {
  return value.split(',').map((part): [number, number] => {
    const token = part.trim().replace(/^U\+/i, '');
    const [from, to] = token.includes('?') ? [token.replace(/\?/g, '0'), token.replace(/\?/g, 'f')] : token.split('-');
    const first = parseInt(from ?? '', 16);
    const last = to === undefined ? first : parseInt(to, 16);
    if (Number.isNaN(first) || Number.isNaN(last)) throw new Error(`Bad unicode-range "${part.trim()}"`);
    return [first, last];
  });
}
