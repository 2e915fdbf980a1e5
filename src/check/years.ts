// Dates and years: the publication date falls in the budget year; a data file named after a year
// (2024-info-center.yaml) holds that year's budget.
import { basename } from 'node:path';
import type { Finding } from '../findings.js';
import { isPlaceholder } from '../placeholder.js';
import { finding, type DataRule } from './context.js';

export const years: DataRule = (ctx) => {
  const out: Finding[] = [];
  const { year, published } = ctx.data.unit;
  if (!isPlaceholder(published)) {
    const publishedYear = Number(published.slice(0, 4));
    if (publishedYear !== year)
      out.push(finding(ctx, 'YEAR_MISMATCH', 'error',
        `unit.published 公开日期 ${published} 不在预算年度 ${year} 年内（单位预算在本年度批复后公开）。 ` +
          `The publication date ${published} is not in the budget year ${year}.`, 'unit.published'));
  }
  const named = ctx.file ? /(?:^|[^\d])((?:19|20)\d\d)(?:[^\d]|$)/.exec(basename(ctx.file)) : null;
  // Only a number near the budget year reads as a year (budget-2000-lines.yaml is not about 2000).
  if (named && Number(named[1]) !== year && Math.abs(Number(named[1]) - year) <= 5)
    out.push(finding(ctx, 'YEAR_MISMATCH', 'warning',
      `文件名 ${basename(ctx.file!)} 标明 ${named[1]} 年，而 unit.year 为 ${year}：是否用错了文件或未改年度？ ` +
        `The file name says ${named[1]} but unit.year is ${year}.`, 'unit.year'));
  return out;
};
