// `yusuan import <workbook.xlsx|.xls>... (--out data.yaml | --into data.yaml) [--year YYYY] [--force]`:
// the figures of the budget system's workbook as a data file; `yusuan import <published.pdf|.txt|.html>
// --out data.yaml`: a published disclosure as a data file (which one, by the file's content). Exit 0 written, 1 a problem in the
// workbook (nothing written) or the target exists, 2 usage.
import { hasErrors } from '../findings.js';
import { ImportExistsError, importFile } from '../import/index.js';
import { importKind, importPublishedFile } from '../import/published.js';
import { formatFindings } from '../report/format.js';
import { parseCommand, UsageError, type Command } from './usage.js';

export const importCommand: Command = async (args) => {
  const { values, positionals } = parseCommand('import', args);
  if (positionals.length === 0) throw new UsageError('缺少工作簿 Missing workbook.');
  if (!values.out === !values.into) throw new UsageError('请指定 --out（新数据文件）或 --into（更新已有数据文件）之一。 Give either --out or --into.');
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw new UsageError(`--year 应为四位年份：${values.year}。 --year must be a four-digit year.`);
  try {
    const options = { out: values.out, into: values.into, force: values.force, year: values.year ? Number(values.year) : undefined, profile: values.profile, templatesDir: values.templates };
    // One command for both: a published document (PDF, text, HTML) or workbooks, by content.
    const published = positionals.filter((f) => importKind(f) === 'published');
    if (published.length && positionals.length > 1) throw new UsageError('一次只能导入一份公开文件（工作簿可以多个）。 Import one published document at a time.');
    if (published.length && values.into) throw new UsageError('公开文件只能用 --out 导入为新的数据文件（--into 用于工作簿）。 A published document is imported with --out only.');
    const result = published.length ? await importPublishedFile(published[0]!, options) : importFile(positionals, options);
    if (result.findings.length) process.stderr.write(formatFindings(result.findings) + '\n');
    if (hasErrors(result.findings) || !result.written) {
      process.stderr.write(published.length ? '公开文件有错误，未写入任何文件。 Errors in the published document: nothing written.\n' : '工作簿有错误，未写入任何文件。 Errors in the workbook: nothing written.\n');
      return 1;
    }
    process.stdout.write(`${result.written}\n`);
    process.stderr.write(
      published.length
        ? `已由公开文件生成数据文件：公开文件不能确定的数字见上面的警告；【待填写：…】和 !unconfirmed 处填写后 yusuan check --strict 方可通过。\nData file written from the published document: see the warnings for figures it does not determine.\n`
        : values.into
        ? `已用工作簿的数字更新 ${result.written}：核实的数字已去掉 !unconfirmed 标记。\nFigures updated from the workbook; confirmed figures lost their !unconfirmed tag.\n`
        : `已生成数据文件：工作簿中没有的内容为【待填写：…】或 !unconfirmed，填写后 yusuan check --strict 方可通过。\nData file written: fill in the placeholders; \`yusuan check --strict\` passes once all are settled.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ImportExistsError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && values.into && (error as NodeJS.ErrnoException).path === values.into) {
      process.stderr.write(`找不到数据文件。 No such file: ${values.into}\n`);
      return 1;
    }
    throw error;
  }
};
