// Data text never passes through the Markdown parser. Every string of the view is replaced by an
// opaque token (private-use characters around its number) before the templates run; the templates'
// Markdown is rendered to HTML with the tokens in it; and only then is each token replaced by its
// text, escaped for the context the token landed in: body text, an attribute, <title>, a style
// sheet. Data text therefore cannot make a heading, a code block, a rule or CSS, whatever it holds.
//
// The replacement is one pass over the finished page, so text put in by it is never scanned again,
// and no helper returns data text itself (those comparing text resolve tokens; cssText keeps them):
// data holding a token's characters stays literal text.
import { Decimal } from 'decimal.js';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const TOKEN = /\uE000(\d+)\uE001/g;

/** Where in a page a token stands. */
export type TokenContext = 'text' | 'rcdata' | 'attribute' | 'rawtext';

export class DataTokens {
  private readonly texts: string[] = [];

  /** A token for one data string; the empty string stays empty, so `{{#if}}` still sees it as false. */
  token(text: string): string {
    if (text === '') return text;
    return `${OPEN}${this.texts.push(text) - 1}${CLOSE}`;
  }

  /** The view with every string replaced by its token. */
  tokenize<T>(value: T): T {
    if (typeof value === 'string') return this.token(value) as T;
    if (value === null || typeof value !== 'object' || value instanceof Decimal) return value;
    if (Array.isArray(value)) return value.map((v) => this.tokenize(v)) as T;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.tokenize(v)])) as T;
  }

  /** The data text a template value stands for: what a helper comparing or measuring text must see. */
  resolve<T>(value: T): T {
    return (typeof value === 'string' ? value.replace(TOKEN, (whole, i: string) => this.texts[Number(i)] ?? whole) : value) as T;
  }

  /** `f` applied to the text between the tokens of `s`, the tokens kept for the final replacement. */
  around(s: string, f: (text: string) => string): string {
    return s
      .split(/(\uE000\d+\uE001)/)
      .map((part, i) => (i % 2 ? part : part && f(part)))
      .join('');
  }

  /** Replaces every token of a page by its text, escaped for the context it stands in. */
  substitute(page: string, escape: (text: string, context: TokenContext) => string): string {
    let next = page.indexOf(OPEN);
    if (next < 0) return page;
    const parts: string[] = [];
    let copied = 0;
    for (const [start, end, context] of segments(page)) {
      if (next >= end) continue;
      parts.push(
        page.slice(copied, start),
        page.slice(start, end).replace(TOKEN, (whole, i: string) => {
          const data = this.texts[Number(i)];
          return data === undefined ? whole : escape(data, context);
        }),
      );
      copied = end;
      next = page.indexOf(OPEN, end);
      if (next < 0) break;
    }
    parts.push(page.slice(copied));
    return parts.join('');
  }
}

/** Elements whose content is text without tags: RCDATA keeps entities, RAWTEXT (style, script) does not. */
const RCDATA = new Set(['title', 'textarea']);
const RAWTEXT = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

const PIECE = String.raw`<!--[\s\S]*?(?:-->|$)|<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>?|[^<]+|<`;

/** The page cut into pieces, [start, end), each with the context a token in it would stand in. */
function* segments(page: string): Generator<[number, number, TokenContext]> {
  const piece = new RegExp(PIECE, 'gy');
  let at = 0;
  while (at < page.length) {
    if (page.charCodeAt(at) !== 0x3c /* < */) {
      // Text up to the next tag, found without the regex: most of a page is text.
      const lt = page.indexOf('<', at);
      const end = lt < 0 ? page.length : lt;
      yield [at, end, 'text'];
      at = end;
      continue;
    }
    piece.lastIndex = at;
    const m = piece.exec(page)!;
    const [whole, tag] = m;
    const start = at;
    at += whole.length;
    if (tag === undefined) {
      yield [start, at, whole.startsWith('<!--') ? 'rcdata' : 'text'];
      continue;
    }
    yield [start, at, 'attribute'];
    const name = tag.toLowerCase();
    if (whole[1] !== '/' && (RCDATA.has(name) || RAWTEXT.has(name))) {
      const close = new RegExp(`</${name}[\\s/>]`, 'ig');
      close.lastIndex = at;
      const end = close.exec(page);
      const stop = end ? end.index : page.length;
      yield [at, stop, RCDATA.has(name) ? 'rcdata' : 'rawtext'];
      at = stop;
    }
  }
}
