// Part 3 section 七: a project's 资金分配情况 against its 预算安排规模, where the text breaks it down
// plainly — `用于机房管理8万（空调2万、消防1万、…）；应用运维33万（…）；…` adds up to 65.00, and each
// group to its bracket's items. Anything less plain (an item with no amount or two, brackets in
// brackets) is not checked: the allocation is prose, and audit does not guess at it. A mismatch is a
// warning, not an error: the allocation is free text in the data file, which `check` does not add up,
// and a document built from checked data must audit without error.
import { cents, show } from '../published/figures.js';
import type { PublishedDoc } from '../published/model.js';
import { sections } from '../published/part3.js';
import { whereAt } from '../published/text-runs.js';
import type { Report } from './finding.js';

interface Item {
  name: string;
  /** Hundredths of 万元, and half the unit of its last printed digit (8万 stands for [7.5, 8.5)). */
  cents: number;
  half: number;
  parts?: Item[];
}

const AMOUNT = /(\d+(?:\.\d{1,2})?)万元?/g;

export function allocationChecks(doc: PublishedDoc, report: Report): void {
  const run = doc.part3;
  const text = run.text;
  const secs = sections(run);
  const k = secs.findIndex((s) => s.no === 7);
  if (k < 0) return;
  const start = secs[k]!.start;
  const end = secs[k + 1]?.start ?? text.length;
  const body = text.slice(start, end);
  for (const m of body.matchAll(/资金分配情况[：:]/g)) {
    const from = m.index! + m[0].length;
    const stop = body.indexOf('资金执行时间', from);
    const next = body.indexOf('项目名称', from);
    const to = Math.min(stop < 0 ? body.length : stop, next < 0 ? body.length : next);
    const said = body.slice(from, to);
    const scale = /预算安排规模[：:]?(\d+(?:\.\d+)?)万元/.exec(body.slice(Math.max(0, body.lastIndexOf('项目名称', m.index!)), m.index!));
    const items = parseList(said.replace(/^(主要)?用于/, '').replace(/[。；，]+$/, ''), /[，；。、]/);
    if (!scale || !items) continue;
    const where = whereAt(run, start + m.index!);
    const quote = m[0] + said;
    const whole = cents(scale[1]!)!;
    check(whole, items, `预算安排规模 ${scale[1]} 万元`, where, quote, report);
    for (const it of items) if (it.parts) check(it.cents, it.parts, `“${it.name}”${show(it.cents)} 万元`, where, quote, report);
  }
}

function check(whole: number, parts: Item[], what: string, where: { page: number; line: number }, quote: string, report: Report): void {
  const sum = parts.reduce((a, p) => a + p.cents, 0);
  if (sum === whole) return;
  // A breakdown printed coarser than its whole (`65万` of 65.37) is the whole at that precision.
  const unit = 2 * Math.max(...parts.map((p) => p.half));
  const rounding = unit > 1 && Math.floor((whole + unit / 2) / unit) * unit === sum;
  const list = parts.map((p) => `${p.name} ${show(p.cents)}`).join(' + ');
  report({
    ...where,
    quote,
    code: rounding ? 'AUDIT_ROUNDING' : 'AUDIT_ALLOCATION',
    severity: rounding ? 'note' : 'warning',
    message: rounding
      ? `资金分配情况：${list} = ${show(sum)} 万元，为${what}取整后的数。 The allocation adds up to ${show(sum)}, the whole at the precision of its items.`
      : `资金分配情况各项之和与${what}不符：${list} = ${show(sum)} 万元。 The allocation adds up to ${show(sum)}, not ${show(whole)}.`,
  });
}

/** `A 8万（a 2万、b 1万）；B 33万` → items with one amount each, or undefined when the text is not that plain. */
function parseList(s: string, sep: RegExp): Item[] | undefined {
  const pieces: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (/[（(]/.test(ch)) depth++;
    if (/[）)]/.test(ch)) depth--;
    if (depth < 0 || depth > 1) return undefined;
    if (depth === 0 && sep.test(ch)) {
      pieces.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (depth !== 0) return undefined;
  pieces.push(cur);
  const items: Item[] = [];
  for (const piece of pieces.filter((p) => p.trim())) {
    const bracket = /[（(]([^）)]*)[）)]/.exec(piece);
    const outside = bracket ? piece.slice(0, bracket.index) + piece.slice(bracket.index + bracket[0].length) : piece;
    const amounts = [...outside.matchAll(AMOUNT)];
    if (amounts.length !== 1) return undefined;
    const a = amounts[0]!;
    const decimals = a[1]!.split('.')[1]?.length ?? 0;
    const item: Item = { name: outside.slice(0, a.index).trim(), cents: cents(a[1]!)!, half: [50, 5, 0.5][decimals]! };
    if (bracket && [...bracket[1]!.matchAll(AMOUNT)].length) {
      const parts = parseList(bracket[1]!, /[，、；]/);
      if (parts) item.parts = parts;
    }
    items.push(item);
  }
  return items.length ? items : undefined;
}
