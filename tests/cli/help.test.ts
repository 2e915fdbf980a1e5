// --version, --help of yusuan and of each command, and usage errors that say which options exist.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../src/cli/usage.js';
import { ensureBuilt, yusuan } from '../draft/built-cli.js';

beforeAll(() => ensureBuilt(), 120_000);

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const commands = Object.keys(COMMAND_SPECS) as (keyof typeof COMMAND_SPECS)[];

describe('yusuan --version', () => {
  it.each(['--version', '-v'])('%s prints the package version', (flag) => {
    const run = yusuan([flag]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${pkg.version}\n`);
  });
});

describe('yusuan --help', () => {
  it('lists every command, ending with a newline', () => {
    const run = yusuan(['--help']);
    expect(run.status).toBe(0);
    for (const c of commands) expect(run.stdout).toContain(`  yusuan ${COMMAND_SPECS[c].synopsis}\n`);
    expect(run.stdout).toContain('yusuan --version\n');
    expect(run.stdout.endsWith('\n')).toBe(true);
  });

  it.each(commands)('yusuan %s --help prints its usage and every option, exit 0', (c) => {
    for (const args of [[c, '--help'], [c, '-h'], ['help', c], [c, 'data.yaml', '--bogus', '--help']]) {
      const run = yusuan(args);
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout.startsWith(`用法 Usage: yusuan ${COMMAND_SPECS[c].synopsis}\n`)).toBe(true);
      for (const o of Object.keys(COMMAND_SPECS[c].options)) expect(run.stdout).toMatch(new RegExp(`^  --${o}\\b`, 'm'));
      expect(run.stdout).toMatch(/^ {2}-h, --help /m);
      expect(run.stdout.endsWith('\n')).toBe(true);
      expect(run.stdout.endsWith('\n\n')).toBe(false);
    }
  });
});

describe('usage errors', () => {
  it('an unknown option: Chinese first, the command’s valid options, exit 2', () => {
    // (`--templates`, the example of issue 12, is an option of diff and of check now; check writes nothing, so no --out.)
    const run = yusuan(['check', 'a.yaml', '--out', 'x']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^未知选项 --out：yusuan check 可用的选项为 --strict、--verbose、--format、--profile、--templates、--help。 Unknown option --out; yusuan check takes --strict, --verbose, --format, --profile, --templates, --help\.\n/);
    expect(run.stderr).toContain('用法 Usage: yusuan check ');
    expect(run.stderr).not.toContain('positional argument');
    expect(run.stdout).toBe('');
  });

  it('check takes build’s --profile and --templates, with the same values', () => {
    for (const o of ['profile', 'templates'] as const) {
      expect(COMMAND_SPECS.check.options[o].type).toBe(COMMAND_SPECS.build.options[o].type);
      expect(COMMAND_SPECS.check.options[o].arg).toBe(COMMAND_SPECS.build.options[o].arg);
      expect(COMMAND_SPECS.check.synopsis).toContain(`[--${o} ${COMMAND_SPECS.build.options[o].arg}]`);
    }
  });

  it('a mistyped option gets a suggestion', () => {
    const run = yusuan(['check', 'a.yaml', '--fromat', 'json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('是否应为 --format？');
    expect(run.stderr).toContain('Did you mean --format?');
  });

  it('an unknown short option', () => {
    const run = yusuan(['build', 'a.yaml', '-x']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^未知选项 -x：yusuan build 可用的选项为 --out、--format、--profile、--templates、--strict、--max-pages、--timeout、--jobs、--help。/);
  });

  it('an option without its value names the value', () => {
    const run = yusuan(['build', 'a.yaml', '--out']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^选项 --out 缺少取值：--out DIR。 Option --out needs a value: --out DIR\.\n/);
  });

  it('a value given to a switch', () => {
    const run = yusuan(['check', 'a.yaml', '--strict=yes']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^选项 --strict 不带取值。 Option --strict takes no value\.\n/);
  });

  it('an unknown command lists all commands', () => {
    const run = yusuan(['--verison']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^未知命令 Unknown command: --verison\n用法 Usage:\n/);
    for (const c of commands) expect(run.stderr).toContain(`yusuan ${c} `);
  });
});
