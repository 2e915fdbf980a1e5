// render: view → Markdown (Handlebars) → HTML (markdown-it); a Handlebars instance per template folder, compiled once. Data
// text goes through neither: templates and markdown-it see tokens, replaced by the escaped text at
// the end (data-tokens.ts), so the Markdown is the templates' and the text is the data's.
import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import MarkdownIt from 'markdown-it';
import type { View } from '../compute/index.js';
import { compileTemplates } from './compile.js';
import { DataTokens, type TokenContext } from './data-tokens.js';
import { cssString, htmlAttribute, htmlText, markdownText, markPlaceholders } from './escape.js';
import { helpers } from './helpers.js';
import { numberFormat, roundShareGroups, type NumberFormat } from '../profile/index.js';
import { layoutContext, layoutPartials } from './layouts.js';
import { loadTemplates, type TemplateSet } from './templates.js';

export { RenderError, TemplateError } from './compile.js';

export interface Rendered {
  markdown: string;
  html: string;
}

/**
 * Data text in the HTML page, by where it stands; only body text shows a draft's placeholder
 * highlighted. In a style or script element the CSS escape leaves no quote, bracket or `<`.
 */
function forHtml(text: string, context: TokenContext): string {
  if (context === 'attribute') return htmlAttribute(text);
  if (context === 'rawtext') return cssString(text);
  return context === 'text' ? markPlaceholders(htmlText(text)) : htmlText(text);
}

/** Data text in the Markdown file: Markdown-escaped in text, as in the HTML elsewhere. */
function forMarkdown(text: string, context: TokenContext): string {
  return context === 'text' ? markPlaceholders(markdownText(text)) : forHtml(text, context);
}

/** A template folder compiled once: its Handlebars instance, its templates, and the tokens of the render running now. */
interface Compiled {
  hb: typeof Handlebars;
  document: (context: unknown) => string;
  layout: (context: unknown) => string;
  tokens: { current: DataTokens };
  format: NumberFormat;
  /** The tables' wording as the templates read it (`layouts`), its tokens in `fixed`: the same for every render. */
  layouts: Record<string, unknown>;
  fixed: DataTokens;
  md: InstanceType<typeof MarkdownIt>;
}

// Compiling a folder took most of a text-only document's time (50 of 71 ms). Keyed by what the folder
// holds, not its name, so an edited template is compiled afresh and a folder read again for every
// document is compiled once. The helpers reach the data tokens through `tokens.current`, set for each
// render: render is synchronous, so two renders never share it.
const compiledSets = new Map<string, Compiled>();
const MOST_COMPILED_SETS = 8;

function contentKey(templates: TemplateSet): string {
  const hash = createHash('sha256');
  for (const part of [templates.dir, templates.document, templates.layout, templates.css, templates.printCss, templates.placeholderCss])
    hash.update(part).update('\0');
  hash.update(JSON.stringify([templates.partials, templates.partialFiles, templates.tables, templates.profile]));
  return hash.digest('hex');
}

/** What a template set's key was computed from, by reference: a set passed again unchanged (a batch) is not hashed again. */
const keys = new WeakMap<TemplateSet, { parts: unknown[]; key: string }>();
const keyParts = (t: TemplateSet): unknown[] => [
  t.dir, t.document, t.layout, t.css, t.printCss, t.placeholderCss, t.partials, t.partialFiles, t.tables, t.profile,
  ...Object.entries(t.partials).flat(), ...Object.entries(t.partialFiles).flat(),
];

function setKey(templates: TemplateSet): string {
  const parts = keyParts(templates);
  const known = keys.get(templates);
  if (known && known.parts.length === parts.length && known.parts.every((part, i) => part === parts[i])) return known.key;
  const key = contentKey(templates);
  keys.set(templates, { parts, key });
  return key;
}

function compiled(templates: TemplateSet): Compiled {
  const key = setKey(templates);
  const cached = compiledSets.get(key);
  if (cached) return cached;
  const tokens = { current: new DataTokens() };
  const hb = Handlebars.create();
  const format = numberFormat(templates.profile);
  hb.registerHelper(helpers((value) => tokens.current.resolve(value), (s, f) => tokens.current.around(s, f), format) as unknown as Record<string, Handlebars.HelperDelegate>);
  const tablePartials = layoutPartials(templates.tables);
  const { document, layout } = compileTemplates(hb, {
    ...templates,
    partials: { ...tablePartials, ...templates.partials },
    partialFiles: { ...Object.fromEntries(Object.keys(tablePartials).map((name) => [name, templates.tables.file])), ...templates.partialFiles },
  });
  const fixed = new DataTokens();
  const layouts = layoutContext(templates.tables, (s) => fixed.token(s), format.unit);
  const md = new MarkdownIt({ html: true, typographer: false, linkify: false });
  // markdown-it's first rule, as it is, but copying the page only when it holds a CR or a NUL (the
  // bundled templates make none): it copied the whole page every time.
  md.core.ruler.at('normalize', (state) => {
    if (state.src.includes('\r')) state.src = state.src.replace(/\r\n?/g, '\n');
    if (state.src.includes('\0')) state.src = state.src.replace(/\0/g, '\uFFFD');
  });
  const result = { hb, document, layout, tokens, format, layouts, fixed, md };
  if (compiledSets.size >= MOST_COMPILED_SETS) compiledSets.delete(compiledSets.keys().next().value!);
  compiledSets.set(key, result);
  return result;
}

export function render(view: View, templates: TemplateSet = loadTemplates()): Rendered {
  const { document, layout, tokens: holder, layouts, fixed, md } = compiled(templates);
  const tokens = new DataTokens(fixed);
  holder.current = tokens;
  const shown = templates.profile.shares === 'largest_remainder' ? roundShareGroups(view, templates.profile.decimals.rate) : view;
  const context = { ...tokens.tokenize(shown), layouts };
  const markdown = document(context);
  const page = layout({
    ...context,
    body: md.render(markdown),
    css: templates.css,
    printCss: templates.printCss,
    placeholderCss: templates.placeholderCss,
  });
  return { markdown: tokens.substitute(markdown, forMarkdown), html: tokens.substitute(page, forHtml) };
}
