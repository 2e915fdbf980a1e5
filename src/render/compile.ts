// Compiles a template set so that every error names the file it is in (the overlay's file when an
// overlay provides it, the bundled one otherwise), with line and column.
// Handlebars compiles partials lazily and reports their errors as the including template's; so each
// partial is compiled here, under its own file name, and registered as a function that puts its
// file on whatever error it throws, and that refuses to nest deeper than a bound (a partial that
// includes itself would otherwise end in "Maximum call stack size exceeded").
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { terminalText } from './escape.js';
import type { TemplateSet } from './templates.js';
import { COMPILE_OPTIONS, precompiledTemplate } from './precompiled.js';

export class RenderError extends Error {
  override name = 'RenderError';
}

/** A template failed to compile or to run; `file` is the template it failed in. */
export class TemplateError extends RenderError {
  override name = 'TemplateError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly detail: string,
    kind: { zh: string; en: string },
    cause?: unknown,
  ) {
    // The message goes to a terminal: a template's own control characters are shown, not sent.
    const where = terminalText(line === undefined ? file : `${file}:${line}:${column ?? 1}`);
    const said = terminalText(detail);
    super(`模板${kind.zh}：${where}${inChinese(said)}。 Template ${kind.en} in ${where}: ${said}`, { cause });
  }
}

/** What Handlebars' usual complaints mean, for the Chinese half of the message. */
function inChinese(detail: string): string {
  const known: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^"(.*)" not defined/, (m) => `：“${m[1]}”未定义（既不是数据中的键，也不是帮助函数）`],
    [/^The partial (.*) could not be found/, (m) => `：找不到局部模板 ${m[1]}`],
    [/^(\S+) doesn't match (\S+)/, (m) => `：块的开始 {{#${m[1]}}} 与结束 {{/${m[2]}}} 不匹配`],
    [/^Expecting /, () => '：无法解析'],
    [/ → /, () => `：${detail}`],
  ];
  for (const [pattern, say] of known) {
    const m = pattern.exec(detail);
    if (m) return say(m);
  }
  return '';
}

/** Deeper than this, a partial is taken to include itself (the bundled templates nest 3 deep). */
export const MAX_PARTIAL_DEPTH = 50;

type Template = (context: unknown, options?: unknown) => string;

/** Line and column of a parse error, read from the lexer Handlebars has just used (its message has the line only). */
function parseErrorAt(hb: typeof Handlebars): { line: number; column: number } | undefined {
  const lexer = (hb as unknown as { Parser?: { lexer?: { matched?: string; match?: string } } }).Parser?.lexer;
  if (typeof lexer?.matched !== 'string' || typeof lexer.match !== 'string') return undefined;
  const past = lexer.matched.slice(0, lexer.matched.length - lexer.match.length);
  const lines = past.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** A Handlebars error as a TemplateError of `file`, with the position Handlebars knows. */
function templateError(hb: typeof Handlebars, file: string, cause: unknown, compiling: boolean): TemplateError {
  if (cause instanceof TemplateError) return cause;
  const e = cause as Error & { lineNumber?: number; column?: number };
  const message = String(e?.message ?? cause);
  if (/^(Parse|Lexical) error/.test(message)) {
    const at = parseErrorAt(hb);
    const detail = message.split('\n').pop()!;
    return new TemplateError(file, at?.line, at?.column, detail, { zh: '语法错误', en: 'syntax error' }, cause);
  }
  const detail = message.replace(/ - \d+:\d+$/, '').replace(/ in (\[object Object\]|undefined|null)$/, '');
  const kind = compiling ? { zh: '编译失败', en: 'compile error' } : { zh: '渲染失败', en: 'rendering error' };
  return new TemplateError(file, e?.lineNumber, e?.column === undefined ? undefined : e.column + 1, detail, kind, cause);
}

/**
 * Parses now, so that a syntax error is reported for its own file even in a partial nothing
 * includes; Handlebars compiles the parsed tree (applying its whitespace control) on first use.
 */
function compileNow(hb: typeof Handlebars, source: string, file: string): Template {
  const ahead = precompiledTemplate(hb, source);
  if (ahead) return ahead as Template;
  let ast: hbs.AST.Program;
  try {
    ast = hb.parseWithoutProcessing(source);
  } catch (cause) {
    throw templateError(hb, file, cause, true);
  }
  return hb.compile(ast, COMPILE_OPTIONS) as Template;
}

/**
 * Registers the folder's partials on `hb` and returns the document and layout templates. Every
 * error thrown while they run is a TemplateError naming the innermost template it happened in.
 */
export function compileTemplates(hb: typeof Handlebars, templates: TemplateSet): { document: Template; layout: Template } {
  const stack: string[] = [];
  for (const [name, source] of Object.entries(templates.partials)) {
    const file = templates.partialFiles[name] ?? join(templates.dir, `partials/${name}.hbs`);
    const template = compileNow(hb, source, file);
    hb.registerPartial(name, ((context: unknown, options: unknown) => {
      if (stack.length >= MAX_PARTIAL_DEPTH) {
        const chain = [...stack.slice(-3), name].join(' → ');
        throw new TemplateError(file, undefined, undefined, chain,
          { zh: `错误（局部模板嵌套超过 ${MAX_PARTIAL_DEPTH} 层，局部模板包含了自身）`, en: `error (partials nest more than ${MAX_PARTIAL_DEPTH} deep: a partial includes itself)` });
      }
      stack.push(name);
      try {
        return template(context, options);
      } catch (cause) {
        throw templateError(hb, file, cause, false);
      } finally {
        stack.pop();
      }
    }) as unknown as Handlebars.Template);
  }
  const top = (source: string, file: string): Template => {
    const template = compileNow(hb, source, file);
    return (context) => {
      stack.length = 0;
      try {
        return template(context);
      } catch (cause) {
        throw templateError(hb, file, cause, false);
      }
    };
  };
  return { document: top(templates.document, templates.files.document), layout: top(templates.layout, templates.files.layout) };
}
