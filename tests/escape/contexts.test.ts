// One escape function per output context (src/render/escape.ts), each tried with every control
// character: C0, DEL, C1, the Unicode line and paragraph separators, a lone CR, a form feed.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import {
  cssString, decodeEntities, documentText, htmlAttribute, htmlText, markdownText, pdfText, terminalJson, terminalText, visibleControl,
} from '../../src/render/escape.js';
import { htmlBlocks } from '../../src/render/html-blocks.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
const CONTROLS = [...range(0x00, 0x1f), '\u007f', ...range(0x80, 0x9f), '\u2028', '\u2029'];
/** Control characters but tab and line feed: what no document output may hold. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const SAMPLES = [
  ...CONTROLS.map((c) => `甲${c}乙`),
  ...CONTROLS.map((c) => `${c}`),
  '甲\r乙', '甲\r\r# x', '甲\f乙', '\f', '甲\r\n乙', '甲\n\n乙', 'a\u2028b\u2029c',
  'main{display:none}', '"</style><script>x</script>', "'`=,&amp;&#42;", '~~~', '    code', '---', '\\', '\uE0000\uE001',
];

/** CSS string content back to text: hex escapes and escaped characters. */
function cssUnescape(s: string): string {
  return s.replace(/\\([0-9a-fA-F]{1,6}) ?|\\(.)/gsu, (_, hex?: string, ch?: string) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : ch!));
}

describe('documentText, the text every document context starts from', () => {
  it.each(SAMPLES.map((s) => [JSON.stringify(s), s]))('%s: folds line breaks, shows the other controls visibly', (_, s) => {
    const shown = documentText(s);
    expect(shown).not.toMatch(RAW_CONTROL);
    expect(shown).not.toMatch(/[\r\n]/);
  });

  it('a lone CR is a line break like LF and CRLF; a form feed alone is shown', () => {
    expect(documentText('甲\r乙')).toBe('甲乙');
    expect(documentText('甲\r\n  乙')).toBe('甲乙');
    expect(documentText('甲\r\r# x')).toBe('甲# x');
    expect(documentText('甲\f乙')).toBe('甲\\x0c乙');
    expect(documentText('\u001b[2J')).toBe('\\x1b[2J');
    expect(documentText('\u0085')).toBe('\\x85');
    expect(visibleControl('\u2028')).toBe('\\u2028');
  });
});

describe.each(SAMPLES.map((s) => [JSON.stringify(s), s]))('%s', (_, s) => {
  const text = documentText(s);

  it('HTML text: no tag, no raw control, the same text once decoded', () => {
    const out = htmlText(s);
    expect(out).not.toMatch(/[<>"]|&(?!(amp|lt|gt|quot);)/);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(decodeEntities(out)).toBe(text);
    expect(htmlBlocks(`<p>${out}</p>`).map((b) => (b.kind === 'paragraph' ? b.text : '')).join('')).toBe(text.replace(/\s+/g, ' ').trim());
  });

  it('HTML attribute: nothing that ends a quoted or unquoted value, the same text once decoded', () => {
    const out = htmlAttribute(s);
    expect(out).not.toMatch(/[<>"'`=\s,]|&(?!(amp|lt|gt|quot|#\d+);)/);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(decodeEntities(out)).toBe(text);
  });

  it('CSS string: nothing that ends the string, the rule or the style element, the same text once unescaped', () => {
    const out = cssString(s);
    expect(out).not.toMatch(/["'{};:<>\n\r\f\u2028\u2029]|<\/style/i);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(cssUnescape(out)).toBe(text);
  });

  it('PDF metadata: plain text, no entities, no raw control', () => {
    const out = pdfText(s);
    expect(out).toBe(text);
    expect(out).not.toMatch(RAW_CONTROL);
  });

  it('terminal: every control but tab shown visibly', () => {
    const out = terminalText(s);
    expect(out).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(out.replace(/\\x([0-9a-f]{2})|\\u(2028|2029)/g, (_, x?: string, u?: string) => String.fromCharCode(parseInt(x ?? u!, 16)))).toBe(s);
  });

  it('terminal JSON: no raw control, the same text once parsed', () => {
    const out = terminalJson({ s });
    expect(out.replace(/\n(?= *[{}"])/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual({ s });
  });

  it('Markdown: the same text in a paragraph and in an HTML block, no other block', () => {
    const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
    const out = markdownText(s);
    expect(out).not.toMatch(RAW_CONTROL);
    const expected = text.replace(/\s+/g, ' ').trim();
    for (const doc of [`${out}\n`, `前文\n${out}\n`, `<table><tr><td>${out}</td></tr></table>\n\n# 后文\n`]) {
      const html = md.render(doc);
      const h = doc.includes('# 后文') ? 'h[2-6]' : 'h[1-6]';
      expect(html).not.toMatch(new RegExp(`<(${h}|pre|code|hr|ul|ol|li|blockquote|s|em|strong|a|script|style)\\b`, 'i'));
      const blocks = htmlBlocks(html);
      const texts = blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat().map((c) => c.text) : [b.text]));
      if (expected) expect(texts.join('\n')).toContain(expected);
    }
  });
});
