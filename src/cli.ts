// yusuan command line: parses arguments and calls the library; only here do findings become exit codes.
import { parseArgs } from 'node:util';
import { build, FORMATS, type Format } from './build.js';
import { hasErrors } from './findings.js';
import { formatFindings } from './report/format.js';

const USAGE = `用法 Usage:
  yusuan build <data.yaml>... [--out DIR] [--format md,html,pdf] [--templates DIR]`;

class UsageError extends Error {}

function formatsOf(value: string | undefined): Format[] {
  if (!value) return [...FORMATS];
  const formats = value.split(',').map((s) => s.trim());
  const bad = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length) throw new UsageError(`未知的输出格式 Unknown format: ${bad.join(', ')} (md, html, pdf)`);
  return formats as Format[];
}

async function runBuild(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', default: 'out' }, format: { type: 'string' }, templates: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError('缺少数据文件 Missing data file.');
  const results = await build(positionals, { outDir: values.out, formats: formatsOf(values.format), templatesDir: values.templates });
  let failed = false;
  for (const r of results) {
    if (r.findings.length) process.stderr.write(formatFindings(r.findings, r.source) + '\n');
    if (hasErrors(r.findings)) {
      failed = true;
      process.stderr.write(`${r.file}: 数据有错误，未写出任何文件。 Errors in the data: nothing was written.\n`);
    } else for (const o of r.outputs) process.stdout.write(`${o}\n`);
  }
  return failed ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'build') return await runBuild(rest);
    if (command === '--help' || command === '-h' || command === undefined) {
      process.stdout.write(USAGE + '\n');
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`未知命令 Unknown command: ${command}`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    const e = error as Error & { code?: string };
    process.stderr.write(`yusuan: ${e.message}\n`);
    if (e.code !== 'BROWSER_NOT_FOUND' && process.env.YUSUAN_DEBUG) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
