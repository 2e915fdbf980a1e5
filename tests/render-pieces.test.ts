// The two small HTML scanners (data-tokens.ts, which decides the context each data token is escaped
// for, and html-blocks.ts, which reads the page into the plain text) replaced regular expressions
// that were slow on a page of thousands of tags. Each still reads a page exactly as its pattern did:
// checked here on random pages of tags, quotes, comments, doctypes and stray brackets.
import { describe, expect, it } from 'vitest';
import { pieceAt as tokenPiece } from '../src/render/data-tokens.js';
import { pieceAt as blockPiece } from '../src/render/html-blocks.js';
import { random } from './helpers/random.js';

const FRAGMENTS = [
  '<', '</', '<!--', '-->', '--', '"', "'", '>', '<!doctype html>', '<!DOCTYPE x', '<!DocType>', ' ', '\n', '/', '=', 'x', '中', '&amp;',
  '<p>', '</p>', '<p class="a b">', "<td class='num' colspan=2>", '</td>', '<title>', '</TITLE >', '<style>', '</style/', '<a-b>', '<1>',
  '<img src=">">', '<b title="x', "<i title='>'", '\uE0001\uE001', '<!', '<!-->', '<!--->',
];

const pages = Array.from({ length: 3000 }, (_, seed) => {
  const r = random(seed + 1);
  return Array.from({ length: Math.floor(r() * 30) }, () => FRAGMENTS[Math.floor(r() * FRAGMENTS.length)]).join('');
});

describe('the scanners read a page as their patterns do', () => {
  it('data tokens: each piece starting at a <, its end and its kind', () => {
    const PIECE = /<!--[\s\S]*?(?:-->|$)|<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>?|</y;
    for (const page of pages) {
      for (let at = page.indexOf('<'); at >= 0; at = page.indexOf('<', at + 1)) {
        PIECE.lastIndex = at;
        const [whole, tag] = PIECE.exec(page)!;
        const kind = whole.startsWith('<!--') ? 1 : tag === undefined ? 0 : whole[1] === '/' ? 2 : 3;
        expect(tokenPiece(page, at), JSON.stringify([page, at])).toBe((at + whole.length) * 4 + kind);
      }
    }
  });

  it('plain text: the pieces of the whole page, with their tags and attributes', () => {
    const TOKEN = /<!--[\s\S]*?-->|<!doctype[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)/gi;
    for (const page of pages) {
      const expected = [...page.matchAll(TOKEN)].map(([whole, slash, tag, attrs, chars], i, all) => ({
        end: (all[i]!.index ?? 0) + whole.length,
        skip: tag === undefined && chars === undefined,
        tag,
        closing: tag === undefined ? undefined : slash === '/',
        attrs: tag === undefined ? undefined : attrs,
      }));
      const read = [];
      for (let at = 0; at < page.length; ) {
        const piece = blockPiece(page, at);
        read.push({ end: piece.end, skip: piece.skip === true, tag: piece.tag, closing: piece.closing, attrs: piece.attrs });
        at = piece.end;
      }
      expect(read, JSON.stringify(page)).toEqual(expected);
    }
  });
});
