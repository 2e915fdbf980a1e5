// yusuan command line: parses arguments and calls the library; only here do findings become exit codes.
import { readFileSync } from 'node:fs';
import { COMMAND_SPECS, commandHelp, parseCommand, USAGE, UsageError, type Command, type CommandName } from './usage.js';

const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./init.js')).initCommand,
  build: async () => (await import('./build.js')).buildCommand,
  check: async () => (await import('./check.js')).checkCommand,
  draft: async () => (await import('./draft.js')).draftCommand,
  preview: async () => (await import('./preview.js')).previewCommand,
  diff: async () => (await import('./diff.js')).diffCommand,
  audit: async () => (await import('./audit.js')).auditCommand,
  import: async () => (await import('./import.js')).importCommand,
};

const isCommand = (name: string | undefined): name is CommandName => name !== undefined && Object.hasOwn(COMMAND_SPECS, name);

/** The installed package's version, from its package.json (dist/cli/ → the package root). */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** `--help` or `-h` before a `--` asks for the command's help, wherever it stands. */
function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** Whether `build` with these arguments prints a PDF (its default formats do); a usage error is left to the command. */
function printsPdf(args: string[]): boolean {
  try {
    const { values, positionals } = parseCommand('build', args);
    return positionals.length > 0 && (values.format === undefined || values.format.split(',').some((f) => f.trim() === 'pdf'));
  } catch {
    return false;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === '--version' || name === '-v') {
      process.stdout.write(`${version()}\n`);
      return 0;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      process.stdout.write(isCommand(topic) ? commandHelp(topic) : USAGE + '\n');
      return 0;
    }
    const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(name === undefined ? '缺少命令 Missing command.' : `未知命令 Unknown command: ${name}`);
    if (isCommand(name) && wantsHelp(rest)) {
      process.stdout.write(commandHelp(name));
      return 0;
    }
    // A PDF build starts Chromium first: its launch then runs while the rest loads and the document renders.
    if (name === 'build' && printsPdf(rest)) {
      (await import('../print/spawn-chromium.js')).startEarly();
      void import('../print/launch-chromium.js').then((m) => m.loadConnector()).catch(() => {});
    }
    return await (await command())(rest);
  } catch (error) {
    const e = error as Error & { code?: string };
    if (e instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
      const usage = isCommand(name) ? `用法 Usage: yusuan ${COMMAND_SPECS[name].synopsis}\n（yusuan ${name} --help 查看全部选项 for all options）` : USAGE;
      process.stderr.write(`${e.message}\n${usage}\n`);
      return 2;
    }
    process.stderr.write(`yusuan: ${e.message}\n`);
    if (process.env.YUSUAN_DEBUG) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
