// Classification codes against the catalog of the data file's year (政府收支分类科目, overlaid with
// the unit's `catalog:` block): a code whose 类 does not exist, a code the catalog lacks, a code or
// name of another year's edition (retired, renamed or not yet created: the finding names both years),
// a name that differs from the catalog's.
import { catalogFor, otherEditions, type Catalog, type CodeKind } from '../catalog/index.js';
import type { Finding } from '../findings.js';
import type { BudgetLine } from '../model.js';
import { finding, type DataContext, type DataRule } from './context.js';

const LIST: Record<CodeKind, string> = { functional: '功能分类', economic: '经济分类' };

/** A code (or a line's name) that belongs to another year's edition, worded with both years; else undefined. */
function otherYear(c: Catalog, kind: CodeKind, code: string, given?: string): { message: string; named: string } | undefined {
  const y = c.editionYear;
  const here = c.official(kind, code);
  for (const other of otherEditions(kind, code, y)) {
    if (!other.name) continue;
    if (!here) {
      const was = other.year < y;
      return {
        named: other.name,
        message: was
          ? `${LIST[kind]}编码 ${code}“${other.name}”是 ${other.year} 年科目，${y} 年科目中已取消：请改用 ${y} 年科目编码。 ` +
            `${code} is a ${other.year} code retired in the ${y} classification.`
          : `${LIST[kind]}编码 ${code}“${other.name}”是 ${other.year} 年新设科目，${y} 年科目中还没有：请核对预算年度和编码。 ` +
            `${code} first appears in the ${other.year} classification, not in ${y}'s.`,
      };
    }
    if (given !== undefined && given.trim() === other.name && other.name !== here)
      return {
        named: here,
        message: `${LIST[kind]}编码 ${code} 的名称“${other.name}”是 ${other.year} 年科目名称，${y} 年已更名为“${here}”；表中使用 ${y} 年名称。 ` +
          `"${other.name}" is the ${other.year} name of ${code}; the ${y} classification calls it "${here}".`,
      };
  }
  return undefined;
}

function functionalLine(ctx: DataContext, c: Catalog, line: BudgetLine, path: string): Finding[] {
  const { code, name } = line;
  const cls = code.slice(0, 3);
  const kind = code.slice(0, 5);
  const at = `${path}.code`;
  if (!c.name('functional', cls))
    return [finding(ctx, 'CODE_HIERARCHY', 'error',
      `${at} 功能分类编码 ${code} 的类 ${cls} 不存在：项编码的前 3 位须为支出功能分类的类。 ` +
        `The 类 ${cls} of ${code} does not exist in the functional classification.`, at)];
  const out: Finding[] = [];
  const known = c.name('functional', code);
  const year = otherYear(c, 'functional', code, name);
  if (year) out.push(finding(ctx, 'CATALOG_YEAR', known || name !== undefined ? 'warning' : 'error',
    year.message + (known || name !== undefined ? '' : ` 如确需使用，请填写 name 或在 catalog: 中写明名称。`), known ? `${path}.name` : at));
  else if (known) {
    if (name !== undefined && name.trim() !== known)
      out.push(finding(ctx, 'NAME_MISMATCH', 'warning',
        `${path}.name “${name}”与目录中 ${code} 的名称“${known}”不同；表中使用目录名称，请核对编码。 ` +
          `The name differs from the catalog's "${known}" for ${code}; the catalog's is shown.`, `${path}.name`));
  } else if (name === undefined) {
    const kindName = c.name('functional', kind);
    return [finding(ctx, 'UNKNOWN_CODE', 'error',
      `${at} 功能分类编码 ${code} 不在 ${c.editionYear} 年科目目录中${kindName ? `（款 ${kind} ${kindName} 下没有此项）` : `（款 ${kind} 也不在目录中）`}：请核对编码；确为目录未收的科目，请填写 name 或在 catalog: 中写明。 ` +
        `${code} is not in the catalog: check it, or give its name.`, at)];
  } else if (c.name('functional', kind)) {
    out.push(finding(ctx, 'UNKNOWN_CODE', 'note',
      `${at} 功能分类编码 ${code} 不在目录中，使用数据中的名称“${name}”。 ${code} is not in the catalog; the given name is used.`, at));
  }
  // Every 款 row of the tables needs a name too: a bare code would be published.
  const kindYear = !year && !c.name('functional', kind) ? otherYear(c, 'functional', kind) : undefined;
  if (kindYear) out.push(finding(ctx, 'CATALOG_YEAR', 'warning', `${at} 款 ${kindYear.message} 表中款一行将以编码代替名称，或在 catalog: functional: 中写明。`, at));
  else if (!c.name('functional', kind) && !year)
    out.push(finding(ctx, 'UNKNOWN_CODE', 'warning',
      `${at} 功能分类编码 ${code} 的款 ${kind} 不在目录中：表中款一行将以编码 ${kind} 代替名称；请核对编码，或在 catalog: functional: 中写明款 ${kind} 的名称。 ` +
        `The 款 ${kind} of ${code} is not in the catalog; its row will show the code. Name it under catalog: functional:.`, at));
  return out;
}

function economicCode(ctx: DataContext, c: Catalog, code: string, block = 'basic_economic'): Finding[] {
  const path = `${block}.${code}`;
  const where = block === 'basic_economic' ? '表 6 ' : '第三部分六的比较';
  const cls = code.slice(0, 3);
  if (!c.name('economic', cls))
    return [finding(ctx, 'CODE_HIERARCHY', 'error',
      `${path} 经济分类编码 ${code} 的类 ${cls} 不存在（部门预算支出经济分类的类为 301–399）。 ` +
        `The class ${cls} of economic code ${code} does not exist.`, path, { prefer: 'key' })];
  if (c.name('economic', code)) return [];
  const year = otherYear(c, 'economic', code);
  if (year) return [finding(ctx, 'CATALOG_YEAR', 'warning', `${path} ${year.message} ${where}中将以编码代替名称，或在 catalog: economic: 中写明。`, path, { prefer: 'key' })];
  return [finding(ctx, 'UNKNOWN_CODE', 'warning',
    `${path} 经济分类编码 ${code} 不在目录中：${where}中将以编码代替名称，请核对编码，或在 catalog: economic: 中写明名称。 ` +
      `Economic code ${code} is not in the catalog; ${block === 'basic_economic' ? 'table 6' : "Part 3's comparison"} will show its code.`, path, { prefer: 'key' })];
}

/** The unit's own entries: a 款 or 项 under a 类 that exists nowhere cannot be placed in the tables. */
function ownEntries(ctx: DataContext, c: Catalog): Finding[] {
  const out: Finding[] = [];
  for (const kind of ['functional', 'economic'] as const)
    for (const code of Object.keys(ctx.data.catalog?.[kind] ?? {})) {
      const path = `catalog.${kind}.${code}`;
      if (code.length > 3 && !c.name(kind, code.slice(0, 3)))
        out.push(finding(ctx, 'CODE_HIERARCHY', 'error',
          `${path} ${LIST[kind]}编码 ${code} 的类 ${code.slice(0, 3)} 不存在：请一并写明类，或核对编码。 ` +
            `The class ${code.slice(0, 3)} of ${code} does not exist.`, path, { prefer: 'key' }));
    }
  return out;
}

export const catalogCodes: DataRule = (ctx) => {
  const c = catalogFor(ctx.data);
  const out: Finding[] = [];
  if (c.editionYear !== c.year)
    out.push(finding(ctx, 'CATALOG_EDITION', 'note',
      `unit.year 没有 ${c.year} 年的内置科目目录，按最接近的 ${c.editionYear} 年科目核对编码和名称。 ` +
        `No ${c.year} classification is bundled; codes are checked against ${c.editionYear}'s.`, 'unit.year'));
  out.push(...ownEntries(ctx, c));
  ctx.data.budget.forEach((line, i) => out.push(...functionalLine(ctx, c, line, `budget[${i}]`)));
  ctx.data.prior.budget.forEach((line, i) => out.push(...functionalLine(ctx, c, line, `prior.budget[${i}]`)));
  for (const code of Object.keys(ctx.data.basic_economic)) out.push(...economicCode(ctx, c, code));
  for (const code of Object.keys(ctx.data.prior.basic_economic ?? {})) out.push(...economicCode(ctx, c, code, 'prior.basic_economic'));
  for (const code of Object.keys(ctx.data.purposes)) {
    if (!c.name('functional', code))
      out.push(finding(ctx, 'UNKNOWN_CODE', 'error',
        `purposes.${code} 功能分类的类 ${code} 不存在。 There is no functional class ${code}.`, `purposes.${code}`, { prefer: 'key' }));
  }
  return out;
};
