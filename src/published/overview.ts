// Part 1: the paragraphs, and the staffing sentence `编制数14，实有人数22人，其中：在职11人，减少1人；…`.
import type { Staffing } from './model.js';
import { whereAt, type Run } from './text-runs.js';

export function readStaffing(run: Run): Staffing | undefined {
  const m = /编制数(\d+)[，,]?实有人数(\d+)人/.exec(run.text);
  if (!m) return undefined;
  const end = run.text.indexOf('。', m.index);
  const quote = run.text.slice(m.index, end < 0 ? undefined : end + 1);
  const groups = [...quote.matchAll(/(在职|退休|离休)(?:人员)?(\d+)人(?:[，,](增加|减少)(\d+)人)?/g)].map((g) => ({
    name: g[1]!,
    count: Number(g[2]),
    change: g[3] ? (g[3] === '减少' ? -1 : 1) * Number(g[4]) : undefined,
  }));
  return { ...whereAt(run, m.index), quote, quota: Number(m[1]), actual: Number(m[2]), groups };
}
