// render: view → Markdown (Handlebars) → HTML (markdown-it), with engines created per call.
import { join } from 'node:path';
import Handlebars from 'handlebars';
import MarkdownIt from 'markdown-it';
import type { View } from '../compute/index.js';
import { escapeView } from './escape.js';
import { helpers } from './helpers.js';
import { layoutContext, layoutPartials } from './layouts.js';
import { loadTemplates, type TemplateSet } from './templates.js';

export interface Rendered {
  markdown: string;
  html: string;
}

export class RenderError extends Error {
  override name = 'RenderError';
}

function engine(templates: TemplateSet): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper(helpers as unknown as Record<string, Handlebars.HelperDelegate>);
  hb.registerPartial({ ...layoutPartials(templates.tables), ...templates.partials });
  return hb;
}

function compile(hb: typeof Handlebars, source: string, name: string, templates: TemplateSet) {
  const template = hb.compile(source, { strict: true, noEscape: true, preventIndent: true });
  return (context: unknown) => {
    try {
      return template(context);
    } catch (cause) {
      throw new RenderError(`模板渲染失败 Rendering ${join(templates.dir, name)} failed: ${(cause as Error).message}`, { cause });
    }
  };
}

export function render(view: View, templates: TemplateSet = loadTemplates()): Rendered {
  const hb = engine(templates);
  const context = { ...escapeView(view), layouts: layoutContext(templates.tables) };
  const markdown = compile(hb, templates.document, 'document.md.hbs', templates)(context);
  const md = new MarkdownIt({ html: true, typographer: false, linkify: false });
  const body = md.render(markdown);
  const html = compile(hb, templates.layout, 'layout.html.hbs', templates)({
    ...context,
    body,
    css: templates.css,
    printCss: templates.printCss,
    placeholderCss: templates.placeholderCss,
  });
  return { markdown, html };
}
