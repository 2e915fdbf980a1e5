import { availableParallelism } from 'node:os';
import { indexPage, indexPath, unitName } from '../batch/index-page.js';
import { expandInputs } from '../batch/inputs.js';
import { build, DEFAULT_FORMATS, FORMATS, outputClash, OutputClashError, type BuildResult, type Format } from '../build.js';
import { hasErrors } from '../findings.js';
import { formatFindings } from '../report/format.js';
import { writeAtomic } from '../write-atomic.js';
import { progress } from './progress.js';
import { parseCommand, UsageError } from './usage.js';

function formatsOf(value: string | undefined): Format[] {
  if (!value) return [...DEFAULT_FORMATS];
  const formats = value.split(',').map((s) => s.trim());
  const bad = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length) throw new UsageError(`未知的输出格式 Unknown format: ${bad.join(', ')} (${FORMATS.join(', ')})`);
  return formats as Format[];
}

/** A budget's or --jobs' value: a whole number ≥ 1, or the default when absent. */
function budgetOf(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(value.trim())) throw new UsageError(`--${name} 应为正整数：${value}。 --${name} must be a whole number of at least 1.`);
  return Number(value);
}

/** Codes that mean the outputs could not be made or written, not that the data is wrong. */
const OUTPUT_CODES = new Set(['WRITE_FAILED', 'PDF_TOO_LONG', 'PDF_TIMEOUT', 'PRINT_FAILED', 'BUILD_FAILED']);

/** What one unit's result says on stderr: its findings (not notes), and why nothing was written. */
function report(r: BuildResult): string {
  // Notes (a cent of rounding, say) are for `yusuan check`; a build shows what may need fixing.
  const shown = r.findings.filter((f) => f.severity !== 'note');
  let text = shown.length ? formatFindings(shown, r.source) + '\n' : '';
  if (hasErrors(r.findings)) {
    const dataErrors = r.findings.some((f) => f.severity === 'error' && !OUTPUT_CODES.has(f.code));
    text += dataErrors
      ? `${r.file}: 数据有错误，未写出任何文件。 Errors in the data: nothing was written.\n`
      : `${r.file}: 未写出任何文件。 Nothing was written.\n`;
  }
  return text;
}

export async function buildCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('build', args);
  if (positionals.length === 0) throw new UsageError('缺少数据文件 Missing data file.');
  const { files, unmatched } = expandInputs(positionals);
  if (unmatched.length)
    throw new UsageError(`没有找到数据文件（*.yaml、*.yml）：${unmatched.join('、')}。 No data files (*.yaml, *.yml) in ${unmatched.join(', ')}.`);
  const clash = outputClash(files, values.out);
  if (clash) throw new UsageError(new OutputClashError(clash).message);
  const batch = files.length > 1;
  const shown = batch ? progress(files.length) : undefined;
  const results = await build(files, {
    outDir: values.out,
    formats: formatsOf(values.format),
    templatesDir: values.templates,
    profile: values.profile,
    strict: values.strict,
    maxPages: budgetOf('max-pages', values['max-pages']),
    timeout: budgetOf('timeout', values.timeout),
    jobs: budgetOf('jobs', values.jobs) ?? availableParallelism(),
    onStart: (file) => shown?.start(file),
    onResult: (r) => {
      if (shown) shown.done(r, report(r));
      else process.stderr.write(report(r));
    },
  });
  for (const r of results) for (const o of r.outputs) process.stdout.write(`${o}\n`);
  if (batch) {
    // A unit's own page would be out/index.html: the list is not written over it.
    if (files.some((f) => unitName(f) === 'index')) process.stderr.write(`单位 index 的输出与列表页同名，未写出列表页。 A unit named index has the list page's name; the list page was not written.\n`);
    else {
      writeAtomic(indexPath(values.out), indexPage(results));
      process.stdout.write(`${indexPath(values.out)}\n`);
    }
    shown?.finish();
  }
  return results.some((r) => hasErrors(r.findings)) ? 1 : 0;
}
