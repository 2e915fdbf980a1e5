// The running header and the page-number footer, as the PDF prints them: read from the `@page`
// rules of the HTML's print style (print.css's `@bottom-center` and the layout template's
// `@top-center`), so their wording stays in the templates. `counter(page)` and `counter(pages)`
// become Word's PAGE and NUMPAGES fields.

export type BoxPart = { text: string } | { field: 'PAGE' | 'NUMPAGES' };

export interface PageBoxes {
  /** The header on every page; null when the style gives none. */
  header: BoxPart[] | null;
  /** The first page's header (`@page :first`); undefined when it is the same as the others'. */
  firstHeader: BoxPart[] | null | undefined;
  footer: BoxPart[] | null;
}

/** A CSS string's text: `\"`, `\\` and hex escapes (`\22 `) undone. */
function cssString(quoted: string): string {
  return quoted
    .slice(1, -1)
    .replace(/\\([0-9a-fA-F]{1,6})[ \t\n]?|\\([\s\S])/g, (_, hex: string | undefined, ch: string | undefined) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : ch === '\n' ? '' : ch!));
}

/** A `content` value as parts; null for `none` or a value this writer cannot show. */
export function contentParts(value: string): BoxPart[] | null {
  const parts: BoxPart[] = [];
  const token = /\s*(?:("(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|\\[\s\S])*')|counter\(\s*(page|pages)\s*\))/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = token.exec(value))) {
    at = token.lastIndex;
    if (m[1] !== undefined) parts.push({ text: cssString(m[1]) });
    else parts.push({ field: m[2] === 'page' ? 'PAGE' : 'NUMPAGES' });
  }
  return parts.length > 0 && value.slice(at).trim() === '' ? parts : null;
}

/** The `{…}` block starting at `open` (an index of `{`), braces balanced, strings skipped. */
function block(css: string, open: number): string {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const ch = css[i];
    if (ch === '"' || ch === "'") {
      for (i++; i < css.length && css[i] !== ch; i++) if (css[i] === '\\') i++;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return css.slice(open + 1, i);
  }
  return css.slice(open + 1);
}

/** The `content` of a margin box inside an @page block, when set there. */
function boxContent(page: string, box: string): string | undefined {
  const at = new RegExp(`@${box}\\s*\\{`).exec(page);
  if (!at) return undefined;
  const body = block(page, at.index + at[0].length - 1);
  return /(?:^|[;{\s])content\s*:\s*((?:"(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|\\[\s\S])*'|[^;"'])*)/.exec(body)?.[1]?.trim();
}

/** Page boxes from the HTML's `<style media="print">` elements, later rules winning as in CSS. */
export function pageBoxes(html: string): PageBoxes {
  const css = [...html.matchAll(/<style\b[^>]*media="print"[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]).join('\n').replace(/\/\*[\s\S]*?\*\//g, '');
  const result: PageBoxes = { header: null, firstHeader: undefined, footer: null };
  for (const m of css.matchAll(/@page\s*([^{]*)\{/g)) {
    const selector = m[1]!.trim();
    if (selector !== '' && selector !== ':first') continue; // named pages (landscape) repeat the same boxes
    const page = block(css, m.index + m[0].length - 1);
    const header = boxContent(page, 'top-center');
    const footer = boxContent(page, 'bottom-center');
    if (selector === ':first') {
      if (header !== undefined) result.firstHeader = contentParts(header);
    } else {
      if (header !== undefined) result.header = contentParts(header);
      if (footer !== undefined) result.footer = contentParts(footer);
    }
  }
  return result;
}
