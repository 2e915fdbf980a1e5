// `yusuan init [--name NAME] [--kind KIND] [--year YYYY] [--codes CODE,...] [--out FILE] [--force]`:
// a new unit's data file. On a terminal, what the flags leave out is asked for; otherwise a missing
// flag is a usage error. Exit 0 written, 1 the file exists (without --force), 2 usage.
import { existsSync } from 'node:fs';
import { createInterface, type Interface } from 'node:readline/promises';
import { makeCatalog } from '../catalog/index.js';
import { defaultFileName, initFile, parseCodes, parseKind, parseName, parseYear, type Parsed } from '../init/index.js';
import { parseCommand, UsageError, type Command } from './usage.js';

interface Question<T> {
  flag: string;
  prompt: string;
  parse: (text: string) => Parsed<T>;
  /** Used when the answer is left empty. */
  fallback?: string;
}

const QUESTIONS = {
  name: { flag: '--name', prompt: '单位名称 Unit name', parse: parseName },
  kind: { flag: '--kind', prompt: '单位类型 Kind（事业单位 institution / 行政单位 administrative）', parse: parseKind },
  year: { flag: '--year', prompt: '预算年度 Budget year', parse: parseYear, fallback: String(new Date().getFullYear()) },
  codes: { flag: '--codes', prompt: '用到的功能分类 项 编码，逗号分隔 Functional codes, e.g. 2080502,2150599', parse: parseCodes },
} satisfies Record<string, Question<unknown>>;

/** Asks until the answer parses; an empty answer takes the fallback. */
async function ask<T>(rl: Interface, q: Question<T>): Promise<T> {
  for (;;) {
    const answer = await rl.question(`${q.prompt}${q.fallback ? ` [${q.fallback}]` : ''}: `);
    const parsed = q.parse(answer.trim() || q.fallback || '');
    if ('value' in parsed) return parsed.value;
    process.stderr.write(`${parsed.error}\n`);
  }
}

/** A flag's value, or a usage error saying what is wrong with it. */
function fromFlag<T>(q: Question<T>, value: string): T {
  const parsed = q.parse(value);
  if ('error' in parsed) throw new UsageError(`${q.flag}：${parsed.error}`);
  return parsed.value;
}

export const initCommand: Command = async (args) => {
  const { values, positionals } = parseCommand('init', args);
  if (positionals.length) throw new UsageError(`init 不接受文件参数：${positionals.join(' ')}；用 --out FILE 指定写到的文件。 init takes no file argument; use --out FILE.`);
  const given = { name: values.name, kind: values.kind, year: values.year, codes: values.codes };
  const missing = (Object.keys(QUESTIONS) as (keyof typeof QUESTIONS)[]).filter((k) => given[k] === undefined);
  const interactive = process.stdin.isTTY === true;
  if (missing.length && !interactive) {
    const flags = missing.map((k) => QUESTIONS[k].flag);
    throw new UsageError(`缺少 ${flags.join('、')}（不在终端上运行时须在命令行给出）。 Missing ${flags.join(', ')} (required when not run on a terminal).`);
  }
  // Flags are checked before anything is asked, so a typo in one is not found after the questions.
  const name = given.name === undefined ? undefined : fromFlag(QUESTIONS.name, given.name);
  const kind = given.kind === undefined ? undefined : fromFlag(QUESTIONS.kind, given.kind);
  const year = given.year === undefined ? undefined : fromFlag(QUESTIONS.year, given.year);
  const codes = given.codes === undefined ? undefined : fromFlag(QUESTIONS.codes, given.codes);
  if (values.out !== undefined && !values.force && existsSync(values.out)) return exists(values.out);

  const answers = { name, kind, year, codes };
  if (missing.length) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      answers.name ??= await ask(rl, QUESTIONS.name);
      answers.kind ??= await ask(rl, QUESTIONS.kind);
      answers.year ??= await ask(rl, QUESTIONS.year);
      answers.codes ??= await ask(rl, QUESTIONS.codes);
    } finally {
      rl.close();
    }
  }
  const unit = { name: answers.name!, kind: answers.kind!, year: answers.year!, codes: answers.codes! };
  const out = values.out ?? defaultFileName(unit.name, unit.year);
  try {
    const result = initFile(out, { ...unit, force: values.force });
    const catalog = makeCatalog(unit.year);
    const unknown = unit.codes.filter((c) => catalog.name('functional', c) === undefined);
    if (unknown.length)
      process.stderr.write(`内置目录中没有 ${unknown.join('、')}：已在文件中留出 name: 【待填写：项名称】。 Not in the catalog: ${unknown.join(', ')}; fill in their names.\n`);
    process.stdout.write(`${result.out}\n`);
    process.stderr.write(
      `已生成 ${result.out}：共 ${result.placeholders} 处【待填写：…】。填写时随时运行 yusuan check ${result.out}；全部填完、yusuan check --strict 通过后，运行 yusuan build ${result.out}。\n` +
        `Written with ${result.placeholders} placeholders to fill in; \`yusuan check --strict\` passes once all are filled.\n`,
    );
    return 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return exists(out);
    throw error;
  }
};

function exists(file: string): number {
  process.stderr.write(`${file} 已存在，未覆盖；要覆盖请加 --force。 ${file} exists: not overwritten (use --force).\n`);
  return 1;
}
