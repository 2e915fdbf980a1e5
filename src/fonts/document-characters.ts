import { decodeEntities } from '../render/escape.js';

/**
 * Characters a page may draw besides its text: counters' digits (page numbers, list numbers), a
 * list marker's dot, and the space, whose face gives a family's line metrics in Chromium.
 */
const ALWAYS = ' 0123456789.';

/**
 * Every character the HTML page can set: its text (tags stripped, entities decoded) and the strings
 * of its stylesheets' `content` declarations (the running header, "第 N 页 共 M 页"), CSS escapes decoded.
 */
export function documentCharacters(page: string): string {
  // The fonts' own style element (fonts/embed.ts) holds no text and no `content`: a page with them
  // embedded has the characters of the page without, which a build has usually asked for already.
  const html = withoutFonts(page);
  if (last?.html === html) return last.chars;
  const chars = new Characters();
  chars.addAll(ALWAYS);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((match) => match[1] ?? '');
  for (const css of styles) {
    for (const [, value] of css.matchAll(/\bcontent\s*:([^;}]*)/gi)) {
      for (const [, , string] of (value ?? '').matchAll(/(["'])((?:\\[\s\S]|(?!\1)[^\\])*)\1/g)) {
        chars.addAll(cssUnescape(string ?? ''));
      }
    }
  }
  chars.addAll(decodeEntities(html.replace(/<(style|script)\b[\s\S]*?<\/\1>|<!--[\s\S]*?-->|<[^>]*>/gi, '')));
  last = { html, chars: chars.text() };
  return last.chars;
}

/** Marks the style element that carries a page's fonts (fonts/embed.ts), so they are embedded once. */
export const FONTS_MARK = 'data-yusuan-fonts';

/** `html` without the style element of its embedded fonts, as `embedFonts` put it in (its newline after too). */
export function withoutFonts(html: string): string {
  const at = html.indexOf(`<style ${FONTS_MARK}>`);
  if (at < 0) return html;
  const end = html.indexOf('</style>\n', at);
  return end < 0 ? html : html.slice(0, at) + html.slice(end + '</style>\n'.length);
}

/** The page asked last: a build asks for its HTML's characters to embed the fonts and again to print it. */
let last: { html: string; chars: string } | undefined;

/** Characters (code points, a lone surrogate as itself) in the order first added, each once. */
class Characters {
  private readonly seen = new Uint8Array(0x10000);
  private readonly astral = new Set<number>();
  private readonly order: string[] = [];

  addAll(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          const cp = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          if (!this.astral.has(cp)) {
            this.astral.add(cp);
            this.order.push(text.slice(i, i + 2));
          }
          i++;
          continue;
        }
      }
      if (this.seen[unit] === 0) {
        this.seen[unit] = 1;
        this.order.push(text[i]!);
      }
    }
  }

  text(): string {
    return this.order.join('');
  }
}

/** `\201C ` → `“`, `\"` → `"`. */
function cssUnescape(value: string): string {
  return value.replace(/\\(?:([0-9a-f]{1,6})\s?|([\s\S]))/gi, (_, hex: string | undefined, char: string | undefined) =>
    hex === undefined ? (char === '\n' ? '' : (char ?? '')) : String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)),
  );
}
