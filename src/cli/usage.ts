// Shared by the commands: each command's options, read both by the parser and by the help text,
// the usage text, and the error that means 'exit 2'.
import { parseArgs } from 'node:util';
import { didYouMean } from '../load/did-you-mean.js';

interface OptionSpec {
  type: 'string' | 'boolean';
  default?: string | boolean;
  /** The value's name in the help text, e.g. `DIR`. */
  arg?: string;
  /** One line of help, Chinese first. */
  help: string;
}

interface CommandSpec {
  synopsis: string;
  summary: string;
  options: Record<string, OptionSpec>;
}

// parseArgs reads `type` and `default` and ignores `arg` and `help`.
export const COMMAND_SPECS = {
  init: {
    synopsis: 'init [--name NAME] [--kind institution|administrative] [--year YYYY] [--codes CODE,...] [--out FILE] [--force]',
    summary: '新建一个单位的数据文件（缺少的信息在终端上逐项询问） Start a new unit’s data file (asks for what is missing on a terminal)',
    options: {
      name: { type: 'string', arg: 'NAME', help: '单位名称 Unit name' },
      kind: { type: 'string', arg: 'KIND', help: '单位类型：事业单位 institution / 行政单位 administrative  Kind of unit' },
      year: { type: 'string', arg: 'YYYY', help: '预算年度 Budget year' },
      codes: { type: 'string', arg: 'CODE,...', help: '用到的功能分类 项 编码，逗号分隔，如 2080502,2150599  Functional codes (7 digits) the unit uses' },
      out: { type: 'string', arg: 'FILE', help: '写到的文件（默认 <年度>-<单位名称>.yaml） File to write (default <year>-<name>.yaml)' },
      force: { type: 'boolean', default: false, help: '覆盖已有文件 Overwrite an existing file' },
    },
  },
  build: {
    synopsis: 'build <data.yaml|DIR|GLOB>... [--out DIR] [--format md,html,pdf,txt,xlsx,docx] [--profile NAME|DIR] [--templates DIR] [--strict] [--max-pages N] [--timeout SECONDS] [--jobs N]',
    summary: '生成公开文档；可给多个文件、文件夹（其中的 *.yaml）或通配符如 "data/units/*.yaml"，并写出列表页 out/index.html Build the disclosure documents; of many files, folders (their *.yaml) or globs such as "data/units/*.yaml", with a list page out/index.html',
    options: {
      out: { type: 'string', default: 'out', arg: 'DIR', help: '输出目录（默认 out） Output folder (default out)' },
      format: { type: 'string', arg: 'md,html,pdf,txt,xlsx,docx', help: '输出格式（默认 md,html,pdf） Formats (default md,html,pdf)' },
      profile: { type: 'string', arg: 'NAME|DIR', help: '配置：内置配置名或模板目录（模板加 profile.yaml，默认 default） Profile: a bundled name or a template folder with profile.yaml (default: default)' },
      templates: { type: 'string', arg: 'DIR', help: '叠加在配置之上的模板目录，只需放要改的文件 A template folder over the profile, holding only the files it changes' },
      strict: { type: 'boolean', default: false, help: '占位和未核实的数字算作错误 Placeholders and unconfirmed figures are errors' },
      'max-pages': { type: 'string', arg: 'N', help: 'PDF 页数上限（默认 1000） Page budget of a PDF (default 1000)' },
      timeout: { type: 'string', arg: 'SECONDS', help: '打印一个 PDF 的时间上限，秒（默认 600） Time budget for printing one PDF, in seconds (default 600)' },
      jobs: { type: 'string', arg: 'N', help: '同时构建的单位数（默认为 CPU 核数） Units built at once (default: the number of cores)' },
    },
  },
  check: {
    synopsis: 'check <data.yaml>... [--strict] [--verbose] [--format text|json] [--profile NAME|DIR] [--templates DIR]',
    summary: '检查数据文件，列出全部问题 Check data files and list every problem',
    options: {
      strict: { type: 'boolean', default: false, help: '公开前检查：占位和未核实的数字算作错误 Publication check: placeholders and unconfirmed figures are errors' },
      verbose: { type: 'boolean', default: false, help: '逐条列出同类问题（默认超过 3 条时合并为一条） List every finding (by default more than 3 of one kind are shown as one)' },
      format: { type: 'string', default: 'text', arg: 'text|json', help: '输出格式（默认 text） Output format (default text)' },
      profile: { type: 'string', arg: 'NAME|DIR', help: '配置，同 build：提示中的数字按其单位和小数位显示 Profile, as for build: notes name figures in its unit and decimals' },
      templates: { type: 'string', arg: 'DIR', help: '叠加在配置之上的模板目录，同 build A template folder over the profile, as for build' },
    },
  },
  draft: {
    synopsis: 'draft <data.yaml> --year YYYY [--out FILE] [--empty] [--force]',
    summary: '由本年数据起草下一年度的数据文件 Start next year’s data file from this year’s',
    options: {
      year: { type: 'string', arg: 'YYYY', help: '草稿的预算年度（必填） Budget year of the draft (required)' },
      out: { type: 'string', arg: 'FILE', help: '写到的文件（默认与原文件同目录，以年度命名） File to write (default: beside the source, named for the year)' },
      empty: { type: 'boolean', default: false, help: '本年数字留空，不沿用上年 Leave this year’s figures empty instead of carrying them over' },
      force: { type: 'boolean', default: false, help: '覆盖已有文件 Overwrite an existing file' },
    },
  },
  preview: {
    synopsis: 'preview <data.yaml> [--profile NAME|DIR] [--templates DIR] [--port N] [--strict]',
    summary: '在浏览器中预览文档，保存即更新 Preview the document in a browser; it follows every save',
    options: {
      profile: { type: 'string', arg: 'NAME|DIR', help: '配置，同 build（也监视其变化） Profile, as for build (watched too)' },
      templates: { type: 'string', arg: 'DIR', help: '叠加在配置之上的模板目录，同 build（也监视其变化） A template folder over the profile, as for build (watched too)' },
      port: { type: 'string', default: '0', arg: 'N', help: '127.0.0.1 上的端口（默认 0：任一空闲端口） Port on 127.0.0.1 (default 0: any free port)' },
      strict: { type: 'boolean', default: false, help: '占位和未核实的数字算作错误 Placeholders and unconfirmed figures are errors' },
    },
  },
  diff: {
    synopsis: 'diff <old.yaml> <new.yaml> [--format text|html] [--only summary|figures|sentences|reasons] [--profile NAME|DIR] [--templates DIR]',
    summary: '比较两个数据文件的数字和文字 Compare the figures and sentences of two data files',
    options: {
      format: { type: 'string', default: 'text', arg: 'text|html', help: '输出格式（默认 text） Output format (default text)' },
      only: { type: 'string', arg: 'summary|figures|sentences|reasons', help: '只显示一部分；reasons：原因及含“主要原因”的句子 Show one section only; reasons: the reasons and the sentences giving them' },
      profile: { type: 'string', arg: 'NAME|DIR', help: '两份文档都用的配置，同 build（句子按其措辞比较；数字仍按数据文件的万元） Profile for both documents, as for build (sentences as it words them; figures stay in the data\'s 万元)' },
      templates: { type: 'string', arg: 'DIR', help: '两份文档都用的、叠加在配置之上的模板目录 A template folder over the profile, for both documents' },
    },
  },
  audit: {
    synopsis: 'audit <published.pdf|.txt|.html>... [--format text|json] [--profile NAME|DIR] [--templates DIR]',
    summary: '核查已公开的预算公开文件的算术和一致性 Audit the arithmetic and consistency of published disclosures',
    options: {
      format: { type: 'string', default: 'text', arg: 'text|json', help: '输出格式（默认 text） Output format (default text)' },
      profile: { type: 'string', arg: 'NAME|DIR', help: '文件的表格所属配置（默认按表名自动识别：先默认十一张表，再 ten-tables 等内置配置） Profile whose tables the document prints (default: recognised by the titles, the default eleven first)' },
      templates: { type: 'string', arg: 'DIR', help: '叠加在配置之上的模板目录（其 tables.yaml） A template folder over the profile (its tables.yaml)' },
    },
  },
  import: {
    synopsis: 'import <workbook.xlsx|.xls>...|<published.pdf|.txt|.html> (--out data.yaml [--force] | --into data.yaml) [--year YYYY] [--profile NAME|DIR] [--templates DIR]',
    summary: '由预算系统导出的工作簿或已公开的预算公开文件生成（或更新）数据文件 Make or update a data file from the budget system’s workbooks or a published disclosure',
    options: {
      out: { type: 'string', arg: 'FILE', help: '新写的数据文件 The data file to write' },
      into: { type: 'string', arg: 'FILE', help: '就地更新数字的已有数据文件（如 draft 的草稿） An existing data file whose figures to update' },
      year: { type: 'string', arg: 'YYYY', help: '预算年度（工作簿未写明时） Budget year, when the workbook does not say' },
      force: { type: 'boolean', default: false, help: '覆盖已有文件 Overwrite an existing file' },
      profile: { type: 'string', arg: 'NAME|DIR', help: '工作簿或公开文件的表格所属配置（默认按表名自动识别：先默认十一张表，再 ten-tables 等内置配置） Profile whose tables the workbook or document holds (default: recognised by the titles, the default eleven first)' },
      templates: { type: 'string', arg: 'DIR', help: '叠加在配置之上的模板目录（其 tables.yaml） A template folder over the profile (its tables.yaml)' },
    },
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMAND_SPECS;

const HELP_LINE = '  -h, --help';

export const USAGE = `用法 Usage:
${Object.values(COMMAND_SPECS)
  .map((spec) => `  yusuan ${spec.synopsis}`)
  .join('\n')}
  yusuan <命令 command> --help
  yusuan --version`;

function optionName(name: string, spec: OptionSpec): string {
  return spec.type === 'string' ? `--${name} ${spec.arg ?? 'VALUE'}` : `--${name}`;
}

/** `yusuan <command> --help`: synopsis, what it does, each option; ends with a newline. */
export function commandHelp(command: CommandName): string {
  const spec: CommandSpec = COMMAND_SPECS[command];
  const rows = [...Object.entries(spec.options).map(([name, o]) => [`  ${optionName(name, o)}`, o.help]), [HELP_LINE, '显示本帮助 Show this help']];
  const width = Math.max(...rows.map(([left]) => left!.length)) + 2;
  return [
    `用法 Usage: yusuan ${spec.synopsis}`,
    '',
    spec.summary,
    '',
    '选项 Options:',
    ...rows.map(([left, help]) => `${left!.padEnd(width)}${help}`),
    '',
  ].join('\n');
}

/** The valid options of a command, as typed: `--out`, …, `--help`. */
function validOptions(command: CommandName): string[] {
  return [...Object.keys(COMMAND_SPECS[command].options).map((n) => `--${n}`), '--help'];
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** An option's parsed value: a string option without a default may be absent. */
type Value<S> = S extends { type: 'boolean' } ? boolean : S extends { default: string } ? string : string | undefined;

interface Parsed<O> {
  values: { [K in keyof O]: Value<O[K]> };
  positionals: string[];
}

/**
 * The command's options and positionals. node:util's own messages ("Unknown option '--x'. To
 * specify a positional argument starting with a '-' …") become usage errors that say, Chinese
 * first, what was wrong and which options the command takes.
 */
export function parseCommand<N extends CommandName>(command: N, args: string[]): Parsed<(typeof COMMAND_SPECS)[N]['options']> {
  const options: Record<string, OptionSpec> = COMMAND_SPECS[command].options;
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as Parsed<(typeof COMMAND_SPECS)[N]['options']>;
  } catch (error) {
    const e = error as Error & { code?: string };
    if (!e.code?.startsWith('ERR_PARSE_ARGS')) throw error;
    const valid = validOptions(command);
    const option = /'(?:-\w, )?(--?[^\s'<]+)/.exec(e.message)?.[1] ?? '';
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const guess = didYouMean(option.replace(/^-+/, ''), Object.keys(options));
      const hint = guess ? `是否应为 --${guess}？` : '';
      throw new UsageError(
        `未知选项 ${option}：yusuan ${command} 可用的选项为 ${valid.join('、')}。${hint} ` +
          `Unknown option ${option}; yusuan ${command} takes ${valid.join(', ')}.${guess ? ` Did you mean --${guess}?` : ''}`,
      );
    }
    const spec = options[option.replace(/^-+/, '')];
    if (spec?.type === 'boolean')
      throw new UsageError(`选项 ${option} 不带取值。 Option ${option} takes no value.`);
    if (spec)
      throw new UsageError(`选项 ${option} 缺少取值：${optionName(option.replace(/^-+/, ''), spec)}。 Option ${option} needs a value: ${optionName(option.replace(/^-+/, ''), spec)}.`);
    throw new UsageError(`${e.message} (yusuan ${command}: ${valid.join(', ')})`);
  }
}

/** A command gets its arguments and returns the exit code: 0 ok, 1 errors in the data, 2 usage. */
export type Command = (args: string[]) => Promise<number>;
