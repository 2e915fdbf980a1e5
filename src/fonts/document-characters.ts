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
export function documentCharacters(html: string): string {
  const chars = new Set(ALWAYS);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((match) => match[1] ?? '');
  for (const css of styles) {
    for (const [, value] of css.matchAll(/\bcontent\s*:([^;}]*)/gi)) {
      for (const [, , string] of (value ?? '').matchAll(/(["'])((?:\\[\s\S]|(?!\1)[^\\])*)\1/g)) {
        for (const char of cssUnescape(string ?? '')) chars.add(char);
      }
    }
  }
  const text = decodeEntities(html.replace(/<(style|script)\b[\s\S]*?<\/\1>|<!--[\s\S]*?-->|<[^>]*>/gi, ''));
  for (const char of text) chars.add(char);
  return [...chars].join('');
}

/** `\201C ` → `“`, `\"` → `"`. */
function cssUnescape(value: string): string {
  return value.replace(/\\(?:([0-9a-f]{1,6})\s?|([\s\S]))/gi, (_, hex: string | undefined, char: string | undefined) =>
    hex === undefined ? (char === '\n' ? '' : (char ?? '')) : String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)),
  );
}
