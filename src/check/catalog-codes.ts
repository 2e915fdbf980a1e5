// Classification codes against the bundled catalog (政府收支分类科目): a 项 whose 类 does not exist,
// a code the catalog lacks, a name that differs from the catalog's.
import { codeName } from '../catalog/index.js';
import type { Finding } from '../findings.js';
import type { BudgetLine } from '../model.js';
import { finding, type DataContext, type DataRule } from './context.js';

function functionalLine(ctx: DataContext, line: BudgetLine, path: string): Finding[] {
  const { code, name } = line;
  const cls = code.slice(0, 3);
  const kind = code.slice(0, 5);
  const at = `${path}.code`;
  if (!codeName('functional', cls))
    return [finding(ctx, 'CODE_HIERARCHY', 'error',
      `${at} 功能分类编码 ${code} 的类 ${cls} 不存在：项编码的前 3 位须为支出功能分类的类。 ` +
        `The 类 ${cls} of ${code} does not exist in the functional classification.`, at)];
  const official = codeName('functional', code);
  if (official) {
    if (name !== undefined && name.trim() !== official)
      return [finding(ctx, 'NAME_MISMATCH', 'warning',
        `${path}.name “${name}”与目录中 ${code} 的名称“${official}”不同；表中使用目录名称，请核对编码。 ` +
          `The name differs from the catalog's "${official}" for ${code}; the catalog's is shown.`, `${path}.name`)];
    return [];
  }
  const kindName = codeName('functional', kind);
  if (name === undefined)
    return [finding(ctx, 'UNKNOWN_CODE', 'error',
      `${at} 功能分类编码 ${code} 不在目录中${kindName ? `（款 ${kind} ${kindName} 下没有此项）` : `（款 ${kind} 也不在目录中）`}：请核对编码；确为目录未收的科目，请填写 name。 ` +
        `${code} is not in the catalog: check it, or give its name.`, at)];
  if (!kindName)
    return [finding(ctx, 'UNKNOWN_CODE', 'warning',
      `${at} 功能分类编码 ${code} 及其款 ${kind} 都不在目录中：表中款一行将以编码 ${kind} 代替名称，请核对编码。 ` +
        `Neither ${code} nor its 款 ${kind} is in the catalog; the 款 row will show its code.`, at)];
  return [finding(ctx, 'UNKNOWN_CODE', 'note',
    `${at} 功能分类编码 ${code} 不在目录中，使用数据中的名称“${name}”。 ${code} is not in the catalog; the given name is used.`, at)];
}

export const catalogCodes: DataRule = (ctx) => {
  const out: Finding[] = [];
  ctx.data.budget.forEach((line, i) => out.push(...functionalLine(ctx, line, `budget[${i}]`)));
  ctx.data.prior.budget.forEach((line, i) => out.push(...functionalLine(ctx, line, `prior.budget[${i}]`)));

  for (const code of Object.keys(ctx.data.basic_economic)) {
    const path = `basic_economic.${code}`;
    const cls = code.slice(0, 3);
    if (!codeName('economic', cls))
      out.push(finding(ctx, 'CODE_HIERARCHY', 'error',
        `${path} 经济分类编码 ${code} 的类 ${cls} 不存在（部门预算支出经济分类的类为 301–399）。 ` +
          `The class ${cls} of economic code ${code} does not exist.`, path, { prefer: 'key' }));
    else if (!codeName('economic', code))
      out.push(finding(ctx, 'UNKNOWN_CODE', 'warning',
        `${path} 经济分类编码 ${code} 不在目录中：表 6 中将以编码代替名称，请核对编码。 ` +
          `Economic code ${code} is not in the catalog; table 6 will show its code.`, path, { prefer: 'key' }));
  }

  for (const code of Object.keys(ctx.data.purposes)) {
    if (!codeName('functional', code))
      out.push(finding(ctx, 'UNKNOWN_CODE', 'error',
        `purposes.${code} 功能分类的类 ${code} 不存在。 There is no functional class ${code}.`, `purposes.${code}`, { prefer: 'key' }));
  }
  return out;
};
