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
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

const TOKEN = /<!--[\s\S]*?-->|<!doctype[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)/gi;

export function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const open: { tag: string; id?: string; classes?: string[] }[] = [];
  let text = '';
  let table: Cell[][] | undefined;
  let row: Cell[] | undefined;
  let cell: Cell | undefined;
  let lastClosedSpan = false;

  const within = () => open.flatMap((o) => (o.id ? [o.id] : []));
  const classes = () => open.flatMap((o) => o.classes ?? []);
  const classList = (attrs: string) => (attr(attrs, 'class') ?? '').split(/\s+/).filter(Boolean);
  const flush = (heading?: number) => {
    const t = text.replace(/\s+/g, ' ').trim();
    text = '';
    if (!t) return;
    const where = { within: within(), classes: classes() };
    blocks.push(heading ? { kind: 'heading', level: heading, text: t, ...where } : { kind: 'paragraph', text: t, ...where });
  };

  // Raw-text elements first (a style sheet's comments may quote tags), then the head.
  const body = html.replace(/<(style|script|template)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<head\b[\s\S]*?<\/head\s*>/i, '');
  for (const m of body.matchAll(TOKEN)) {
    const [whole, slash, rawTag, attrs = '', chars] = m;
    if (rawTag === undefined) {
      if (whole.startsWith('<!')) continue;
      const t = decodeEntities(chars ?? whole);
      if (cell) cell.text += t;
      else text += t;
      if (/\S/.test(t)) lastClosedSpan = false;
      continue;
    }
    const tag = rawTag.toLowerCase();
    const closing = slash === '/';
    if (tag === 'span' && !closing && lastClosedSpan) (cell ? (cell.text += '  ') : (text += '  '));
    lastClosedSpan = tag === 'span' && closing;

    if (tag === 'table') {
      if (!closing) {
        flush();
        table = [];
        open.push({ tag, id: attr(attrs, 'id'), classes: classList(attrs) });
      } else if (table) {
        if (table.length) blocks.push({ kind: 'table', rows: table, within: within(), classes: classes() });
        table = row = cell = undefined;
        popTo(open, tag);
      }
    } else if (table && tag === 'tr') {
      if (!closing) table.push((row = []));
      else row = undefined;
    } else if (table && (tag === 'td' || tag === 'th')) {
      if (!closing) {
        const cls = attr(attrs, 'class') ?? '';
        cell = {
          text: '',
          colspan: Math.max(1, Number(attr(attrs, 'colspan') ?? 1) || 1),
          rowspan: Math.max(1, Number(attr(attrs, 'rowspan') ?? 1) || 1),
          header: tag === 'th',
          num: /\bnum\b/.test(cls),
        };
        (row ?? table[table.push([]) - 1]!).push(cell);
      } else if (cell) {
        cell.text = cell.text.replace(/\s+/g, ' ').trim();
        cell = undefined;
      }
    } else if (tag === 'br') {
      if (cell) cell.text += ' ';
      else text += ' ';
    } else if (BLOCK_TAGS.has(tag) && !table) {
      const heading = /^h[1-6]$/.test(tag) && closing ? Number(tag[1]) : undefined;
      flush(heading);
      if (!closing && !VOID.has(tag)) open.push({ tag, id: attr(attrs, 'id'), classes: classList(attrs) });
      else if (closing) popTo(open, tag);
    }
  }
  flush();
  return blocks;
}

function popTo(open: { tag: string }[], tag: string): void {
  const at = open.map((o) => o.tag).lastIndexOf(tag);
  if (at >= 0) open.length = at;
}
