// One escape function per output context, all here: HTML text, HTML attribute, CSS string, PDF
// metadata, Markdown, terminal. Data text reaches each context only through its function (see
// data-tokens.ts), so what a finance officer typed is shown as typed, never read as markup or CSS.
//
// Two rules hold in every document context (HTML, CSS, Markdown, PDF metadata): a line break inside
// data text is folded away, as a blank line would end the paragraph or table it sits in; and any
// other control character is shown visibly (`\x1b`). `check` refuses control characters
// (CONTROL_CHARACTER), so the visible form is defence in depth for the library API.
import { placeholderPattern } from '../placeholder.js';

/** C0 controls but tab and line feed, DEL, C1 controls (NEL among them). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** The same, plus line feed, and the Unicode line and paragraph separators: what a terminal must not get. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Any character the two replacements of documentText act on: C0 (line breaks among them), DEL, C1. */
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** `\x1b` for ESC, `\u2028` for the line separator: the visible spelling of a control character. */
export function visibleControl(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Data text as a document shows it: line breaks (LF, CRLF, a lone CR) folded away together with
 * the indentation around them, as YAML folds a wrapped line of CJK text; other control characters
 * shown visibly.
 */
export function documentText(s: string): string {
  // Most data text holds no control character at all (line breaks are among them): nothing to do.
  if (!ANY_CONTROL.test(s)) return s;
  return s.replace(/[ \t]*(?:\r\n|\r|\n)\s*/g, '').replace(CONTROL, visibleControl);
}

const HTML_TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text content of an HTML element (also <title>, a comment): the same four entities markdown-it writes. */
export function htmlText(s: string): string {
  return documentText(s).replace(/[&<>"]/g, (c) => HTML_TEXT[c]!);
}

/**
 * An attribute value, quoted or not: every character that could end it or start a tag, and the
 * comma, so that a list attribute (`<meta name="keywords">`) keeps a data comma inside its item.
 */
export function htmlAttribute(s: string): string {
  return documentText(s).replace(/[&<>"'`=,\s]/g, (c) => HTML_TEXT[c] ?? `&#${c.charCodeAt(0)};`);
}

/**
 * Text inside a CSS string (the running header's `content: "…"`), also safe where a template left
 * out the quotes: every ASCII character but letters and digits, the Unicode line separators and the
 * private-use characters (data-tokens.ts marks tokens with them) as a hex escape, so nothing can end
 * the string, the rule or the <style> element.
 */
export function cssString(s: string): string {
  return documentText(s).replace(/[^A-Za-z0-9\u00a0-\u2027\u202a-\udfff\uf900-\uffff\u{10000}-\u{10ffff}]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
}

/** A PDF document-information string (title, author, subject, keywords): plain text, no markup, no entities. */
export function pdfText(s: string): string {
  return documentText(s);
}

/** Text written to a terminal: every control character but tab shown visibly, so data cannot send escape sequences. */
export function terminalText(s: string): string {
  return s.replace(TERMINAL_CONTROL, visibleControl);
}

/** JSON for a terminal: JSON.stringify leaves DEL, the C1 controls and the line separators raw; here they are \u escapes. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Markdown punctuation, written as numeric character references: they mean the literal character
 * both in a Markdown paragraph and in an HTML block (a table), where a backslash escape would show.
 */
const MARKDOWN_INLINE = /[&<>"*_[\]`\\|~]/g;
/**
 * What opens a Markdown block at the start of a line, the only place after its indentation where
 * folded data text can start one: a heading, a list item, a rule, a setext underline.
 */
const MARKDOWN_BLOCK_START = /^(?:#|[-+](?=[\s-]|$)|=(?=[\s=]|$)|\d+[.)](?=\s|$))/;

/** The first characters of indentation (space, tab) and of MARKDOWN_BLOCK_START. */
const MAY_START_BLOCK = /^[ \t#+=\d-]/;

function reference(c: string): string {
  return HTML_TEXT[c] ?? `&#${c.charCodeAt(0)};`;
}

/**
 * Data text in the `.md` file, which is itself Markdown: entity references for the punctuation
 * that makes links, emphasis, strikethrough, code, tables and HTML, and, at its start (where it may
 * start a line), for indentation and a block marker.
 */
export function markdownText(s: string): string {
  const text = documentText(s).replace(MARKDOWN_INLINE, reference);
  // Neither indentation nor a block marker can start a text that starts with none of their characters.
  if (!MAY_START_BLOCK.test(text)) return text;
  const indent = /^[ \t]*/.exec(text)![0];
  const rest = text.slice(indent.length).replace(MARKDOWN_BLOCK_START, (m) => m.slice(0, -1) + reference(m.slice(-1)));
  return indent.replace(/./g, reference) + rest;
}

/** A draft's `【待填写：…】` in body text, marked so the HTML and the PDF highlight it (templates/placeholder.css). */
export function markPlaceholders(escaped: string): string {
  if (!escaped.includes('【待填写')) return escaped;
  return escaped.replace(placeholderPattern(), (p) => `<mark class="placeholder">${p}</mark>`);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text an escaped attribute or <title> stands for (read back for the PDF metadata). */
export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? whole;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
