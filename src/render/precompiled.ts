// The bundled templates compiled ahead, when the package is built (scripts/precompile-templates.js):
// Handlebars' compiler took ~0.2 s of a cold build's ~0.45 s first render. A template is looked up by a
// hash of its source, the compile options and the Handlebars version, so an edited or overlaid
// template, or another Handlebars, simply misses and is compiled as before.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';

/** How every template is compiled (render/compile.ts), ahead or not. */
export const COMPILE_OPTIONS = { strict: true, noEscape: true, preventIndent: true } as const;

/** The file the build writes beside this module: `module.exports = { [key]: templateSpec }`. */
export const PRECOMPILED_FILE = 'precompiled-templates.cjs';

export function precompileKey(hb: typeof Handlebars, source: string): string {
  return createHash('sha256').update(`${hb.VERSION}\0${JSON.stringify(COMPILE_OPTIONS)}\0${source}`).digest('hex');
}

let specs: Record<string, unknown> | null | undefined;

/** The template compiled ahead for `source`, bound to `hb`'s helpers and partials; undefined when there is none. */
export function precompiledTemplate(hb: typeof Handlebars, source: string): Handlebars.TemplateDelegate | undefined {
  if (specs === undefined) {
    try {
      specs = createRequire(import.meta.url)(`./${PRECOMPILED_FILE}`) as Record<string, unknown>;
    } catch {
      specs = null; // built without it (a plain `tsc`): every template is compiled
    }
  }
  const spec = specs?.[precompileKey(hb, source)];
  return spec === undefined ? undefined : hb.template(spec as Parameters<typeof hb.template>[0]);
}
