import { build, DEFAULT_FORMATS, FORMATS, outputClash, OutputClashError, type Format } from '../build.js';
import { hasErrors } from '../findings.js';
import { formatFindings } from '../report/format.js';
import { parseCommand, UsageError } from './usage.js';

function formatsOf(value: string | undefined): Format[] {
  if (!value) return [...DEFAULT_FORMATS];
  const formats = value.split(',').map((s) => s.trim());
  const bad = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length) throw new UsageError(`未知的输出格式 Unknown format: ${bad.join(', ')} (${FORMATS.join(', ')})`);
  return formats as Format[];
}

/** A budget option's value: a whole number ≥ 1, or the default when absent. */
function budgetOf(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(value.trim())) throw new UsageError(`--${name} 应为正整数：${value}。 --${name} must be a whole number of at least 1.`);
  return Number(value);
}

/** Codes that mean the outputs could not be made or written, not that the data is wrong. */
const OUTPUT_CODES = new Set(['WRITE_FAILED', 'PDF_TOO_LONG', 'PDF_TIMEOUT']);

export async function buildCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('build', args);
  if (positionals.length === 0) throw new UsageError('缺少数据文件 Missing data file.');
  const clash = outputClash(positionals, values.out);
  if (clash) throw new UsageError(new OutputClashError(clash).message);
  const results = await build(positionals, {
    outDir: values.out,
    formats: formatsOf(values.format),
    templatesDir: values.templates,
    profile: values.profile,
    strict: values.strict,
    maxPages: budgetOf('max-pages', values['max-pages']),
    timeout: budgetOf('timeout', values.timeout),
  });
  let failed = false;
  for (const r of results) {
    // Notes (a cent of rounding, say) are for `yusuan check`; a build shows what may need fixing.
    const shown = r.findings.filter((f) => f.severity !== 'note');
    if (shown.length) process.stderr.write(formatFindings(shown, r.source) + '\n');
    if (hasErrors(r.findings)) {
      failed = true;
      const dataErrors = r.findings.some((f) => f.severity === 'error' && !OUTPUT_CODES.has(f.code));
      process.stderr.write(
        dataErrors
          ? `${r.file}: 数据有错误，未写出任何文件。 Errors in the data: nothing was written.\n`
          : `${r.file}: 未写出任何文件。 Nothing was written.\n`,
      );
    } else for (const o of r.outputs) process.stdout.write(`${o}\n`);
  }
  return failed ? 1 : 0;
}
