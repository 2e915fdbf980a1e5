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

const require = createRequire(import.meta.url);

/** The stylesheet the @fontsource package ships for one weight, e.g. `.../noto-serif-sc/400.css`. */
function stylesheetPath(pkg: string, weight: number): string {
  return require.resolve(`${pkg}/${weight}.css`);
}

/** Directories holding the bundled font files; the print stage lets the page read only these and itself. */
export function bundledFontDirs(): string[] {
  const pkgs = [...new Set(BUNDLED_FACES.map((face) => face.pkg))];
  return pkgs.map((pkg) => join(dirname(stylesheetPath(pkg, 400)), 'files'));
}

/**
 * @font-face rules for Noto Serif SC and Noto Sans SC (400, 700), pointing at the bundled woff2 files
 * by file:// URL. Each package splits CJK into ~100 unicode-range chunks per weight; keeping the ranges
 * means Chromium loads only the chunks the document uses.
 */
export function fontFaceCss(): string {
  return BUNDLED_FACES.map(({ pkg, weight }) => rewriteStylesheet(stylesheetPath(pkg, weight))).join('\n');
}

function rewriteStylesheet(cssPath: string): string {
  let css: string;
  try {
    css = readFileSync(cssPath, 'utf8');
  } catch (cause) {
    throw new Error(`Cannot read font stylesheet ${cssPath}`, { cause });
  }
  const rules = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((match) => rewriteRule(match[1] ?? '', cssPath));
  if (rules.length === 0) throw new Error(`No @font-face rule in font stylesheet ${cssPath}`);
  return rules.join('\n');
}

function rewriteRule(body: string, cssPath: string): string {
  const woff2 = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(body)?.[1];
  if (woff2 === undefined) throw new Error(`@font-face without a woff2 file in ${cssPath}`);
  const url = pathToFileURL(join(dirname(cssPath), woff2)).href;
  // Only the woff2 source: Chromium always takes it, so the .woff fallback is dead weight.
  return `@font-face {${body.replace(/src\s*:[^;]+;/, `src: url("${url}") format('woff2');`)}}`;
}
