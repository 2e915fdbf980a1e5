// yusuan command line: parses arguments and calls the library; only here do findings become exit codes.
import { USAGE, UsageError, type Command } from './usage.js';

const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./build.js')).buildCommand,
  check: async () => (await import('./check.js')).checkCommand,
  draft: async () => (await import('./draft.js')).draftCommand,
  diff: async () => (await import('./diff.js')).diffCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === '--help' || name === '-h' || name === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(name === undefined ? '缺少命令 Missing command.' : `未知命令 Unknown command: ${name}`);
    return await (await command())(rest);
  } catch (error) {
    const e = error as Error & { code?: string };
    if (e instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${e.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`yusuan: ${e.message}\n`);
    if (process.env.YUSUAN_DEBUG) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
