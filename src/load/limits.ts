// The loader's limits, in one place: each is far above any budget unit's data and low enough that
// a hostile or broken file is refused as a positioned finding, within seconds and well under 1 GiB.
// README.md ("Limits") lists the same figures.

/** Bytes of a data file; a larger one is refused unread. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;
/** Lines of a data file (the reference has ~300; 100,000 budget lines still fit). */
export const MAX_LINES = 250_000;
/** Nesting of mappings, lists and `[ ]` / `{ }`, counted from the top-level mapping (the data needs 6). */
export const MAX_DEPTH = 64;
/**
 * YAML tokens: keys, values, `-`, `:`, `,`, brackets, tags, anchors, stray characters, escapes in
 * double quotes (100,000 budget lines take ~550,000). Bounds the nodes and parse errors, and so the
 * memory, of a file such as a one-line `[1,1,1,…]` or a million stray `]`.
 */
export const MAX_TOKENS = 1_000_000;
/** Characters of one text value (a paragraph of the disclosure). */
export const MAX_TEXT_CHARS = 20_000;
/** Digits before the decimal point of an amount in 万元 (10¹² 万元 is far beyond any budget). */
export const MAX_AMOUNT_DIGITS = 12;
/** Findings the loader lists per file; past it, one finding says how many more there are. */
export const MAX_FINDINGS = 1_000;
/** A whole number (a headcount, a year) must be at most this. */
export const MAX_INT = Number.MAX_SAFE_INTEGER;

/** A data-derived string as quoted inside a message: long keys are cut so that a finding stays a line. */
export function shown(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
