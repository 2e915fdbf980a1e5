// A PDF's text layer (pdfjs-dist, pure JavaScript) as lines: items on one baseline form a line, sorted
// left to right; items that touch form one token, a gap or a space starts the next. Nothing here knows
// how yusuan lays out its pages — only positions are used. Running headers and footers (the same text
// at the top or bottom of most pages, `第 N 页`) are dropped.
import type { Line, Token } from './model.js';
import { dropRunningLines } from './running-lines.js';

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

export class PdfReadError extends Error {
  constructor(
    readonly reason: 'encrypted' | 'invalid' | 'no-text',
    message: string,
  ) {
    super(message);
  }
}

export async function pdfLines(data: Uint8Array): Promise<{ lines: Line[]; pages: number }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await getDocument({ data, verbosity: 0, isEvalSupported: false, useSystemFonts: false, disableFontFace: true }).promise;
  } catch (e) {
    const name = (e as Error).name;
    throw new PdfReadError(name === 'PasswordException' ? 'encrypted' : 'invalid', (e as Error).message);
  }
  const perPage: Line[][] = [];
  let chars = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const it of content.items) {
      if (!('str' in it) || it.str === '') continue;
      const [a, b, , , e, f] = it.transform as number[];
      items.push({ str: it.str, x: e!, y: f!, w: it.width, size: Math.hypot(a!, b!) || 1 });
      chars += it.str.trim().length;
    }
    perPage.push(toLines(items, p));
    page.cleanup();
  }
  const pages = doc.numPages;
  await doc.destroy();
  if (chars === 0) throw new PdfReadError('no-text', 'no text layer');
  return { lines: dropRunningLines(perPage), pages };
}

function toLines(items: Item[], page: number): Line[] {
  // Baselines within a fifth of the font size are one line (sub-point jitter between runs).
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Item[][] = [];
  for (const it of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0]!.y - it.y) <= Math.max(1, g[0]!.size * 0.2)) g.push(it);
    else groups.push([it]);
  }
  return groups.map((g, i) => {
    g.sort((a, b) => a.x - b.x);
    const tokens: Token[] = [];
    let cur: Token | undefined;
    for (const it of g) {
      if (!it.str.trim()) {
        cur = undefined;
        continue;
      }
      const gap = cur ? it.x - cur.x2! : Infinity;
      if (cur && gap < it.size * 0.25) {
        cur.text += it.str.trim();
        cur.x2 = it.x + it.w;
      } else {
        cur = { text: it.str.trim(), x: it.x, x2: it.x + it.w };
        tokens.push(cur);
      }
    }
    return { page, line: i + 1, y: g[0]!.y, tokens, text: tokens.map((t) => t.text).join(' ') };
  }).filter((l) => l.tokens.length > 0);
}
