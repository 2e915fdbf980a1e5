// `yusuan draft <data.yaml> --year YYYY [--out FILE] [--empty] [--force]`: next year's data file.
// Exit 0 written, 1 errors in the data or the target exists, 2 usage.
import { hasErrors } from '../findings.js';
import { DraftExistsError, DraftYearError, draftFile } from '../draft/index.js';
import { formatFindings } from '../report/format.js';
import { parseCommand, UsageError, type Command } from './usage.js';

export const draftCommand: Command = async (args) => {
  const { values, positionals } = parseCommand('draft', args);
  if (positionals.length !== 1) throw new UsageError(positionals.length ? '只能指定一个数据文件 Give one data file.' : '缺少数据文件 Missing data file.');
  if (values.year === undefined) throw new UsageError('缺少 --year（草稿的预算年度，如 --year 2025） Missing --year.');
  if (!/^\d{4}$/.test(values.year)) throw new UsageError(`--year 应为四位年份：${values.year}。 --year must be a four-digit year.`);
  const file = positionals[0]!;
  try {
    const result = draftFile(file, { year: Number(values.year), out: values.out, empty: values.empty, force: values.force });
    const errors = hasErrors(result.findings);
    if (errors) {
      process.stderr.write(formatFindings(result.findings.filter((f) => f.severity === 'error'), result.source) + '\n');
      process.stderr.write(`${file}: 数据有错误，未生成草稿。 Errors in the data: no draft written.\n`);
      return 1;
    }
    process.stdout.write(`${result.out}\n`);
    process.stderr.write(
      `已生成 ${values.year} 年草稿：本年数字${values.empty ? '留空' : '沿用上年'}并标为 !unconfirmed，原因、日期、人员增减和年份为【待填写：…】；全部核实后 yusuan check --strict 方可通过。\n` +
        `Draft for ${values.year} written: figures ${values.empty ? 'left empty' : 'carried over'} and tagged !unconfirmed, placeholders to fill in; \`yusuan check --strict\` passes once all are settled.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DraftYearError) throw new UsageError(error.message);
    if (error instanceof DraftExistsError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (error as NodeJS.ErrnoException).path === file) {
      process.stderr.write(`找不到数据文件。 No such file: ${file}\n`);
      return 1;
    }
    throw error;
  }
};
