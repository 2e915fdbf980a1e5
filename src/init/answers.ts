// What `yusuan init` asks for, read from a flag or a typed answer: each parser returns the value or
// a message (Chinese first) saying what is wrong, so the CLI can refuse a flag or ask again.
import { edition, EDITION_YEARS } from '../catalog/index.js';
import type { DisclosureData } from '../model.js';

export type Kind = DisclosureData['unit']['kind'];
export type Parsed<T> = { value: T } | { error: string };

/** Full-width digits and punctuation typed on a Chinese keyboard, made half-width. */
function halfWidth(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
}

const KINDS: Record<string, Kind> = {
  institution: 'institution',
  事业单位: 'institution',
  事业: 'institution',
  administrative: 'administrative',
  行政单位: 'administrative',
  行政: 'administrative',
};

export function parseName(text: string): Parsed<string> {
  const name = text.trim();
  if (!name) return { error: '单位名称不能为空。 The unit name must not be empty.' };
  if (/[\r\n]/.test(name)) return { error: '单位名称不能换行。 The unit name must be one line.' };
  return { value: name };
}

export function parseKind(text: string): Parsed<Kind> {
  const kind = KINDS[text.trim().toLowerCase()];
  return kind
    ? { value: kind }
    : { error: `单位类型应为 事业单位（institution）或 行政单位（administrative），实为“${text}”。 Kind must be institution or administrative.` };
}

export function parseYear(text: string): Parsed<number> {
  const year = halfWidth(text);
  if (!/^\d{4}$/.test(year) || Number(year) < 2000)
    return { error: `预算年度应为四位年份，如 2025，实为“${text}”。 The year must have four digits, e.g. 2025.` };
  return { value: Number(year) };
}

/** Functional 项 codes, separated by commas (half- or full-width), 顿号 or spaces; duplicates dropped. */
export function parseCodes(text: string): Parsed<string[]> {
  const codes = [...new Set(halfWidth(text).split(/[\s,，、;；]+/).filter(Boolean))];
  if (codes.length === 0) return { error: '至少要有一个功能分类 项 编码，如 2080502。 Give at least one functional code, e.g. 2080502.' };
  const malformed = codes.filter((c) => !/^\d{7}$/.test(c));
  if (malformed.length)
    return { error: `功能分类 项 编码应为 7 位数字：${malformed.join('、')}。 Functional codes have 7 digits: ${malformed.join(', ')}.` };
  // The 类 are the same in every edition; the year may not be known yet.
  const noClass = codes.filter((c) => !EDITION_YEARS.some((y) => edition(y).functional.has(c.slice(0, 3))));
  if (noClass.length)
    return { error: `编码的类不存在：${noClass.join('、')}（类 ${noClass.map((c) => c.slice(0, 3)).join('、')} 不在功能分类中）。 No such class for ${noClass.join(', ')}.` };
  return { value: codes };
}

/** `2025-某某医院.yaml`: the year first, as `yusuan draft` names next year's file. */
export function defaultFileName(name: string, year: number): string {
  return `${year}-${name.replace(/[\\/:*?"<>|\s]+/g, '_')}.yaml`;
}
