// Years in the text of a draft. Every year written in free text (自2023年起, 2024 年 1 月-12 月)
// becomes a placeholder the officer must settle; years in comments move on with the budget year.
import { placeholder, placeholderPattern } from '../placeholder.js';

/** A year written as a year: four digits followed by 年 (so 〔2018〕45号 and codes are left alone). */
const YEAR = /(?<![\d.])((?:19|20)\d\d)(?=\s*年)/g;

/** Applies `edit` to the parts of a text outside its placeholders. */
function outsidePlaceholders(text: string, edit: (part: string) => string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(placeholderPattern())) {
    out += edit(text.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + edit(text.slice(at));
}

/** `自2023年起` → `自【待填写：年份（原 2023）】年起`. */
export function yearPlaceholders(text: string): string {
  return outsidePlaceholders(text, (part) => part.replace(YEAR, (y) => placeholder(`年份（原 ${y}）`)));
}

/**
 * A comment's years moved on: the budget year and the year before it each by `to − from`
 * (`上年（2023 年）预算数` → `上年（2024 年）预算数`); other years are left as written.
 */
export function shiftCommentYears(comment: string, from: number, to: number): string {
  return comment.replace(YEAR, (y) => (Number(y) === from || Number(y) === from - 1 ? String(Number(y) + to - from) : y));
}
