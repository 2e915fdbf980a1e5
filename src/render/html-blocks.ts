// The rendered HTML as a flat list of blocks — headings, paragraphs, tables — for the plain-text
// output and for the sentence diff. Reads only the HTML yusuan itself renders (markdown-it output
// plus the templates' tables), so a small tokenizer is enough: no scripts, no malformed markup.

export interface Cell {
  text: string;
  colspan: number;
  rowspan: number;
  header: boolean;
  /** A figure (`class="num"`): right-aligned in the text. */
  num: boolean;
}

interface BlockBase {
  /** Ids of the enclosing elements, outermost first (e.g. `part-3`, `table-2`). */
  within: string[];
  /** Class names of the enclosing elements and the block's own (e.g. `signature`, `empty-table`), outermost first. */
  classes: string[];
}

export type Block =
  | (BlockBase & { kind: 'heading'; level: number; text: string })
  | (BlockBase & { kind: 'paragraph'; text: string })
  | (BlockBase & { kind: 'table'; rows: Cell[][] });

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'ul',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);
const VOID = new Set(['br', 'col', 'hr', 'img', 'input', 'link', 'meta', 'wbr']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/** One pattern per attribute name, made once (a page asks for id, class, colspan and rowspan of every element). */
const ATTRS = new Map<string, RegExp>();

function attr(attrs: string, name: string, upper = /[A-Z]/.test(attrs)): string | undefined {
  // Without upper-case letters, the case-blind pattern can match only where the name is spelt as given.
  if (!upper && !attrs.includes(name)) return undefined;
  let pattern = ATTRS.get(name);
  if (pattern === undefined) ATTRS.set(name, (pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')));
  const m = pattern.exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

/** A piece of the page: a tag (with its name, `/` when closing, its attributes), or characters. */
export interface Piece {
  end: number;
  /** A comment or doctype, skipped. */
  skip?: boolean;
  tag?: string;
  closing?: boolean;
  attrs?: string;
}

const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isNameChar = (c: number) => isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;

/** `<!doctype` at `at`, its letters in either case (ASCII only, as the `i` flag of a non-unicode regex reads them). */
function startsDoctype(html: string, at: number): boolean {
  if (!html.startsWith('<!', at)) return false;
  for (let i = 0; i < 7; i++) if ((html.charCodeAt(at + 2 + i) | 0x20) !== 'doctype'.charCodeAt(i)) return false;
  return true;
}

/**
 * The piece starting at `at`, read as the pattern
 * `<!--[\s\S]*?-->|<!doctype[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)` (flags gi)
 * would, without a regex: a closed comment, a doctype, a tag ended by `>` outside quotes (an unclosed
 * quote or the end of the page before it makes it no tag), the text up to the next `<`, or a lone `<`.
 */
export function pieceAt(html: string, at: number): Piece {
  if (html.charCodeAt(at) !== 0x3c /* < */) {
    const lt = html.indexOf('<', at);
    return { end: lt < 0 ? html.length : lt };
  }
  if (html.startsWith('<!--', at)) {
    const close = html.indexOf('-->', at + 4);
    if (close >= 0) return { end: close + 3, skip: true };
  }
  if (startsDoctype(html, at)) {
    const close = html.indexOf('>', at + 9);
    if (close >= 0) return { end: close + 1, skip: true };
  }
  const closing = html.charCodeAt(at + 1) === 0x2f; /* / */
  const nameStart = closing ? at + 2 : at + 1;
  if (!isLetter(html.charCodeAt(nameStart))) return { end: at + 1 };
  let i = nameStart + 1;
  while (i < html.length && isNameChar(html.charCodeAt(i))) i++;
  const nameEnd = i;
  while (i < html.length) {
    const c = html.charCodeAt(i);
    if (c === 0x3e /* > */) return { end: i + 1, tag: html.slice(nameStart, nameEnd), closing, attrs: html.slice(nameEnd, i) };
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      const close = html.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (close < 0) break;
      i = close + 1;
    } else i++;
  }
  // No `>` outside quotes: a lone `<`.
  return { end: at + 1 };
}

/** White space run together and trimmed; most cells (a figure) hold none. */
function collapse(text: string): string {
  return /\s/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

export function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  // The open elements, and the ids and classes of those that have them (each element remembers how
  // many there were before it): a page has thousands of blocks and cells, each naming them all.
  const open: { tag: string; ids: number; classes: number }[] = [];
  const openIds: string[] = [];
  const openClasses: string[] = [];
  const opening = (tag: string, attrs: string) => {
    open.push({ tag, ids: openIds.length, classes: openClasses.length });
    const id = attr(attrs, 'id');
    if (id) openIds.push(id);
    openClasses.push(...classList(attrs));
  };
  const closingTo = (tag: string) => {
    const at = popTo(open, tag);
    if (at === undefined) return;
    openIds.length = at.ids;
    openClasses.length = at.classes;
  };
  let text = '';
  let table: Cell[][] | undefined;
  let row: Cell[] | undefined;
  let cell: Cell | undefined;
  let lastClosedSpan = false;

  const within = () => openIds.slice();
  const classes = () => openClasses.slice();
  const classList = (attrs: string) => (attr(attrs, 'class') ?? '').split(/\s+/).filter(Boolean);
  const flush = (heading?: number) => {
    const t = collapse(text);
    text = '';
    if (!t) return;
    const where = { within: within(), classes: classes() };
    blocks.push(heading ? { kind: 'heading', level: heading, text: t, ...where } : { kind: 'paragraph', text: t, ...where });
  };

  // Raw-text elements first (a style sheet's comments may quote tags), then the head.
  const body = html.replace(/<(style|script|template)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<head\b[\s\S]*?<\/head\s*>/i, '');
  for (let at = 0; at < body.length; ) {
    const piece = pieceAt(body, at);
    const start = at;
    at = piece.end;
    if (piece.skip) continue;
    const { tag: rawTag, attrs = '' } = piece;
    if (rawTag === undefined) {
      const t = decodeEntities(body.slice(start, at));
      if (cell) cell.text += t;
      else text += t;
      if (/\S/.test(t)) lastClosedSpan = false;
      continue;
    }
    // Lower-casing a piece of a page holding Chinese is slow even when there is nothing to change.
    const tag = /[A-Z]/.test(rawTag) ? rawTag.toLowerCase() : rawTag;
    const closing = piece.closing === true;
    if (tag === 'span' && !closing && lastClosedSpan) (cell ? (cell.text += '  ') : (text += '  '));
    lastClosedSpan = tag === 'span' && closing;

    if (tag === 'table') {
      if (!closing) {
        flush();
        table = [];
        opening(tag, attrs);
      } else if (table) {
        if (table.length) blocks.push({ kind: 'table', rows: table, within: within(), classes: classes() });
        table = row = cell = undefined;
        closingTo(tag);
      }
    } else if (table && tag === 'tr') {
      if (!closing) table.push((row = []));
      else row = undefined;
    } else if (table && (tag === 'td' || tag === 'th')) {
      if (!closing) {
        const upper = /[A-Z]/.test(attrs);
        const cls = attr(attrs, 'class', upper) ?? '';
        cell = {
          text: '',
          colspan: Math.max(1, Number(attr(attrs, 'colspan', upper) ?? 1) || 1),
          rowspan: Math.max(1, Number(attr(attrs, 'rowspan', upper) ?? 1) || 1),
          header: tag === 'th',
          num: /\bnum\b/.test(cls),
        };
        (row ?? table[table.push([]) - 1]!).push(cell);
      } else if (cell) {
        cell.text = collapse(cell.text);
        cell = undefined;
      }
    } else if (tag === 'br') {
      if (cell) cell.text += ' ';
      else text += ' ';
    } else if (BLOCK_TAGS.has(tag) && !table) {
      const heading = /^h[1-6]$/.test(tag) && closing ? Number(tag[1]) : undefined;
      flush(heading);
      if (!closing && !VOID.has(tag)) opening(tag, attrs);
      else if (closing) closingTo(tag);
    }
  }
  flush();
  return blocks;
}

/** Closes the innermost open `tag` and those inside it; returns it (undefined when none is open). */
function popTo<T extends { tag: string }>(open: T[], tag: string): T | undefined {
  let at = open.length - 1;
  while (at >= 0 && open[at]!.tag !== tag) at--;
  if (at < 0) return undefined;
  const closed = open[at];
  open.length = at;
  return closed;
}
