// render: view → Markdown (Handlebars) → HTML (markdown-it), with engines created per call. Data
// text goes through neither: templates and markdown-it see tokens, replaced by the escaped text at
// the end (data-tokens.ts), so the Markdown is the templates' and the text is the data's.
import Handlebars from 'handlebars';
import MarkdownIt from 'markdown-it';
import type { View } from '../compute/index.js';
import { compileTemplates } from './compile.js';
import { DataTokens, type TokenContext } from './data-tokens.js';
import { cssString, htmlAttribute, htmlText, markdownText, markPlaceholders } from './escape.js';
import { helpers } from './helpers.js';
import { numberFormat, roundShareGroups } from '../profile/index.js';
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

export function render(view: View, templates: TemplateSet = loadTemplates()): Rendered {
  const tokens = new DataTokens();
  const hb = Handlebars.create();
  const format = numberFormat(templates.profile);
  hb.registerHelper(helpers((value) => tokens.resolve(value), (s, f) => tokens.around(s, f), format) as unknown as Record<string, Handlebars.HelperDelegate>);
  const tablePartials = layoutPartials(templates.tables);
  const { document, layout } = compileTemplates(hb, {
    ...templates,
    partials: { ...tablePartials, ...templates.partials },
    partialFiles: { ...Object.fromEntries(Object.keys(tablePartials).map((name) => [name, templates.tables.file])), ...templates.partialFiles },
  });
  const shown = templates.profile.shares === 'largest_remainder' ? roundShareGroups(view, templates.profile.decimals.rate) : view;
  const context = { ...tokens.tokenize(shown), layouts: layoutContext(templates.tables, (s) => tokens.token(s), format.unit) };
  const markdown = document(context);
  const md = new MarkdownIt({ html: true, typographer: false, linkify: false });
  const page = layout({
    ...context,
    body: md.render(markdown),
    css: templates.css,
    printCss: templates.printCss,
    placeholderCss: templates.placeholderCss,
  });
  return { markdown: tokens.substitute(markdown, forMarkdown), html: tokens.substitute(page, forHtml) };
}
