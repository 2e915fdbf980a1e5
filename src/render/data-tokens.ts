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
  private readonly texts: string[];

  /** `fixed`: tokens made once and shared by every render that starts from them (the tables' wording). */
  constructor(fixed?: DataTokens) {
    this.texts = fixed ? fixed.texts.slice() : [];
  }

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
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const tokenized = this.tokenize((value as Record<string, unknown>)[key]);
      // A data key `__proto__` stays a key, as Object.fromEntries keeps it.
      if (key === '__proto__') Object.defineProperty(copy, key, { value: tokenized, enumerable: true, writable: true, configurable: true });
      else copy[key] = tokenized;
    }
    return copy as T;
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
    // The page is cut into pieces as it is read, but only a piece holding a token is looked into: most
    // pieces hold none, and a token must lie whole within one piece to be replaced.
    let out = '';
    let copied = 0;
    const replaceIn = (end: number, context: TokenContext): void => {
      while (next >= 0 && next < end) {
        let digits = next + 1;
        while (digits < end && isDigit(page.charCodeAt(digits))) digits++;
        if (digits === next + 1 || digits >= end || page.charCodeAt(digits) !== 0xe001) {
          next = page.indexOf(OPEN, next + 1);
          continue;
        }
        const data = this.texts[Number(page.slice(next + 1, digits))];
        if (data !== undefined) {
          out += page.slice(copied, next) + escape(data, context);
          copied = digits + 1;
        }
        next = page.indexOf(OPEN, digits + 1);
      }
    };
    const length = page.length;
    let at = 0;
    while (next >= 0 && at < length) {
      if (page.charCodeAt(at) !== 0x3c /* < */) {
        // Text up to the next tag: most of a page is text.
        const lt = page.indexOf('<', at);
        at = lt < 0 ? length : lt;
        replaceIn(at, 'text');
        continue;
      }
      const piece = pieceAt(page, at);
      const kind = piece % 4;
      at = (piece - kind) / 4;
      if (kind === COMMENT) {
        replaceIn(at, 'rcdata');
        continue;
      }
      if (kind === LONE) {
        replaceIn(at, 'text');
        continue;
      }
      replaceIn(at, 'attribute');
      // An element whose content is not markup: only those names are looked for.
      const name = kind === OPENING ? rawName(page, nameStart, nameEnd) : '';
      if (RCDATA.has(name) || RAWTEXT.has(name)) {
        const close = new RegExp(`</${name}[\\s/>]`, 'ig');
        close.lastIndex = at;
        const end = close.exec(page);
        at = end ? end.index : length;
        replaceIn(at, RCDATA.has(name) ? 'rcdata' : 'rawtext');
      }
    }
    return out + page.slice(copied);
  }
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isNameChar = (c: number) => isLetter(c) || isDigit(c) || c === 0x2d;

/** Elements whose content is text without tags: RCDATA keeps entities, RAWTEXT (style, script) does not. */
const RCDATA = new Set(['title', 'textarea']);
const RAWTEXT = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

const RAW_NAMES = [...RCDATA, ...RAWTEXT];

/**
 * The RCDATA or RAWTEXT element name spelt at page[start..end) in any case, or ''. Compared in place:
 * a slice of a page holding Chinese, lower-cased, cost more than the rest of the scan (td, th, tr,
 * span and strong share first letters with them).
 */
function rawName(page: string, start: number, end: number): string {
  search: for (const name of RAW_NAMES) {
    if (name.length !== end - start) continue;
    for (let i = 0; i < name.length; i++) if ((page.charCodeAt(start + i) | 0x20) !== name.charCodeAt(i)) continue search;
    return name;
  }
  return '';
}

/** What pieceAt found, returned as end × 4 + kind: no object per piece (a page has thousands). */
const LONE = 0;
const COMMENT = 1;
const CLOSING = 2;
const OPENING = 3;
/** Where pieceAt found the tag's name. */
let nameStart = 0;
let nameEnd = 0;

/**
 * The piece of the page that starts with the `<` at `at`, read as the pattern
 * `<!--[\s\S]*?(?:-->|$)|<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>?|<` would, without a
 * regex: a comment to its `-->` (or the end), a tag to its `>` (quoted values may hold one; an
 * unclosed quote ends the tag before it), or a lone `<`. Returns its end × 4 + its kind (a tag's
 * name is at nameStart..nameEnd).
 */
export function pieceAt(page: string, at: number): number {
  if (page.startsWith('<!--', at)) {
    const close = page.indexOf('-->', at + 4);
    return (close < 0 ? page.length : close + 3) * 4 + COMMENT;
  }
  const opens = page.charCodeAt(at + 1) !== 0x2f; /* / */
  nameStart = opens ? at + 1 : at + 2;
  if (!isLetter(page.charCodeAt(nameStart))) return (at + 1) * 4 + LONE;
  let i = nameStart + 1;
  while (i < page.length && isNameChar(page.charCodeAt(i))) i++;
  nameEnd = i;
  const kind = opens ? OPENING : CLOSING;
  while (i < page.length) {
    const c = page.charCodeAt(i);
    if (c === 0x3e /* > */) return (i + 1) * 4 + kind;
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      const close = page.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (close < 0) break;
      i = close + 1;
    } else i++;
  }
  return i * 4 + kind;
}
