// Which table figure a Part 3 mention states: by section (二、收入 → table 1's sources; 五 → table 5 …)
// and the words before the figure. Undefined when the text names nothing audit knows.
import type { Mention, PublishedDoc, PublishedTable, Row, Where } from '../published/model.js';
import { tableInfo, THREE_PUBLIC_ROWS } from '../published/tables.js';
import { cell, matchFixedRows, rowName, sideAmount, totalRow } from './cells.js';

export interface Target extends Where {
  cents: number;
  label: string;
}

const strip = (s: string) => s.replace(/[（(](类|款|项)[)）]/g, '|').replace(/\|$/, '');

export function targetOf(m: Mention, doc: PublishedDoc): Target | undefined {
  const t = (no: number) => doc.tables.find((x) => x.id === `t${no}` && !x.unordered);
  const fromRow = (table: PublishedTable | undefined, row: Row | undefined, key: string): Target | undefined => {
    if (!table) return undefined;
    if (!row) return { page: table.page, line: table.line, cents: 0, label: `表 ${table.no}（无此行，即 0）` };
    const c = cell(table, row, key);
    return c === undefined ? undefined : { page: row.page, line: row.line, cents: c, label: `表 ${table.no} ${rowName(table, row)}` };
  };
  const left = (no: number, key: string): Target | undefined => {
    const table = t(no);
    if (!table?.left) return undefined;
    const r = matchFixedRows(table.left, tableInfo(no).left!).get(key);
    return r ? { page: r.page, line: r.line, cents: sideAmount(r), label: `表 ${no} ${r.label}` } : undefined;
  };
  const byName = (table: PublishedTable | undefined, name: string, len: number) =>
    table?.rows.find((r) => r.code.length === len && r.name.replace(/\s+/g, '') === name);
  const s = m.subject;
  switch (m.section) {
    case 1:
      return /收支总预算/.test(s) ? left(1, 'grand') : undefined;
    case 2: {
      if (/收入预算$/.test(s)) return left(1, 'grand');
      // Part 3 names the upper-level transfers apart from each budget's own money (一般公共预算 is table
      // 1's 其中：一般财力); table 1's 1、一般公共预算拨款 is both, so it stands in only when not broken down.
      const keys: [RegExp, string, string?][] = [
        [/^一般公共预算(拨款)?$/, 'general_own', 'general'],
        [/^上级一般公共预算安排的?转移支付(资金)?$/, 'general_transfer'],
        [/^政府性基金预算(拨款)?$/, 'fund_own', 'fund'],
        [/^上级政府性基金安排的?转移支付(资金)?$/, 'fund_transfer'],
        [/^国有资本经营预算(拨款)?$/, 'capital_own', 'capital'],
        [/^上级国有资本经营预算安排的?转移支付(资金)?$/, 'capital_transfer'],
        [/财政专户/, 'special'],
        [/^单位资金$/, 'unit'],
        [/^非财政拨款结转结余$/, 'carry_nonfiscal'],
        [/^财政拨款结转(结余)?$/, 'carry_fiscal'],
        [/^上年结转结余$/, 'carry'],
      ];
      const k = keys.find(([re]) => re.test(s));
      return k ? left(1, k[1]) ?? (k[2] ? left(1, k[2]) : undefined) : undefined;
    }
    case 3: {
      const t3 = t(3);
      if (/^支出预算$/.test(s)) return fromRow(t3, totalRow(t3), 'total');
      if (/^基本支出$/.test(s)) return fromRow(t3, totalRow(t3), 'basic');
      if (/^项目支出$/.test(s)) return fromRow(t3, totalRow(t3), 'project');
      return undefined;
    }
    case 4: {
      if (/收支总预算/.test(s)) return left(4, 'grand');
      if (/^一般公共预算(拨款)?$/.test(s)) return left(4, 'general');
      if (/^政府性基金预算(拨款)?$/.test(s)) return left(4, 'fund');
      if (/^国有资本经营预算(拨款)?$/.test(s)) return left(4, 'capital');
      // A class is listed under the budget that pays for it: `政府性基金预算支出包括：其他支出…`.
      const t4 = t(4);
      const row = byName(t4, strip(s), 3);
      const before = doc.part3.text.slice(0, m.offset ?? 0);
      const budget = [...before.matchAll(/(一般公共预算|政府性基金预算|国有资本经营预算)支出包括/g)].pop()?.[1];
      const key = budget === '政府性基金预算' ? 'fund' : budget === '国有资本经营预算' ? 'capital' : 'general';
      return row ? fromRow(t4, row, key) : undefined;
    }
    case 5: {
      const t5 = t(5);
      if (/合计$/.test(s)) return fromRow(t5, totalRow(t5), 'total');
      if (/^基本支出$/.test(s)) return fromRow(t5, totalRow(t5), 'basic');
      if (/^项目支出$/.test(s)) return fromRow(t5, totalRow(t5), 'project');
      const path = strip(s).split('|').filter(Boolean);
      if (path.length === 1) {
        const row = byName(t5, path[0]!, 3);
        return row ? fromRow(t5, row, 'total') : undefined;
      }
      if (path.length === 3) {
        const row = t5?.rows.find((r) => r.code.length === 7 && r.name === path[2] && byName(t5, path[1]!, 5)?.code === r.code.slice(0, 5));
        return row ? fromRow(t5, row, 'total') : undefined;
      }
      return undefined;
    }
    case 6: {
      const t6 = t(6);
      if (/基本支出$/.test(s)) return fromRow(t6, totalRow(t6), 'total');
      if (/^人员经费$/.test(s)) return fromRow(t6, totalRow(t6), 'personnel');
      if (/^公用经费$/.test(s)) return fromRow(t6, totalRow(t6), 'public');
      return undefined;
    }
    case 7: {
      if (!/预算安排规模/.test(s)) return undefined;
      const t7 = t(7);
      const name = /项目名称[：:](.+?)(设立|$)/.exec(projectHeading(doc, m) ?? '')?.[1];
      const rows = (t7?.rows ?? []).filter((r) => r.code.length === 7 && (!name || r.name.includes(name)));
      if (rows.length !== 1) return undefined;
      return fromRow(t7, rows[0], 'total');
    }
    case 10: {
      // The row a sentence names, by its layout key (the default's 表10 matched by looser patterns, as pages word it).
      const key = /三公/.test(s) ? 'three_public' : /会议费/.test(s) ? 'meeting' : /培训费/.test(s) ? 'training' : /因公出国/.test(s) ? 'overseas' : /公务接待/.test(s) ? 'reception' : /公务用车购置费/.test(s) ? 'vehicle_purchase' : /公务用车运行(维护)?费/.test(s) ? 'vehicle_operation' : /公务用车购置及运行/.test(s) ? 'vehicles' : undefined;
      // The ten-tables set's 表7: 三公 with 会议费 and 培训费, rows as its layout names them.
      const mt = doc.tables.find((x) => x.id === 't10mt' && !x.unordered);
      if (mt?.items) {
        const rows = matchFixedRows(mt.rows, mt.items);
        // A row its layout has but the page does not show as such (worded otherwise): nothing to compare, rather than a 0.
        return key && rows.has(key) ? fromRow(mt, rows.get(key), 'total') : undefined;
      }
      const t10 = t(10);
      const rows = t10 ? matchFixedRows(t10.rows, THREE_PUBLIC_ROWS) : new Map<string, Row>();
      // The default's 表10 holds the 三公 alone: its total is theirs.
      return key && key !== 'meeting' && key !== 'training' ? fromRow(t10, rows.get(key === 'three_public' ? 'total' : key), 'total') : undefined;
    }
    case 12: {
      if (/运行经费/.test(s)) {
        const t6 = t(6);
        return fromRow(t6, totalRow(t6), 'public');
      }
      if (/涉及预算金额/.test(s) && /财政拨款项目/.test(m.quote) && !/非财政拨款项目/.test(m.quote)) return fiscalProjects(doc);
      return undefined;
    }
  }
  return undefined;
}

/** 财政拨款项目 are the projects of all three budgets: table 7 (general budget) and the 项目支出 columns
 * of tables 8 (fund) and 9 (state capital); an empty table adds 0. */
function fiscalProjects(doc: PublishedDoc): Target | undefined {
  const t = (no: number) => doc.tables.find((x) => x.id === `t${no}` && !x.unordered);
  const t7 = t(7);
  const total = totalRow(t7);
  if (!t7) return undefined;
  let cents = total ? cell(t7, total, 'total') : 0;
  const labels = [`表 7 总计`];
  for (const no of [8, 9]) {
    const table = t(no);
    const row = totalRow(table);
    if (doc.tables.some((x) => x.id === `t${no}` && x.unordered)) return undefined; // figures not known
    if (!table || !row) continue; // absent or empty: nothing to add
    const c = cell(table, row, 'project');
    if (c === undefined || cents === undefined) return undefined;
    cents += c;
    labels.push(`表 ${no} 项目支出`);
  }
  if (cents === undefined) return undefined;
  return { page: total?.page ?? t7.page, line: total?.line ?? t7.line, cents, label: labels.join(' + ') };
}

/** The `（一）项目名称：…` heading a section-7 mention belongs to. */
function projectHeading(doc: PublishedDoc, m: Mention): string | undefined {
  const text = doc.part3.text;
  const idx = doc.part3.at.findIndex((w) => w.page === m.page && w.line === m.line);
  const before = text.slice(0, idx < 0 ? text.length : idx);
  const at = before.lastIndexOf('项目名称');
  return at < 0 ? undefined : before.slice(at);
}
