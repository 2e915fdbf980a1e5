// The Chinese README keeps step with the English one: the same commands in the command line block
// and in the quick start, each linked from the other's top, and both list what the CLI accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../src/cli/usage.js';

const read = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');
const en = read('README.md');
const zh = read('README.zh-CN.md');

/** The text of a `## heading` section, up to the next `## `. */
function section(readme: string, heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section “${heading}”`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The lines of a section's code blocks, trailing `# comments` and repeated spaces dropped. */
function commands(text: string): string[] {
  const blocks = [...text.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  return blocks.flatMap((b) => b.split('\n')).map((l) => l.replace(/\s+#\s.*$/, '').replace(/\s+/g, ' ').trim()).filter(Boolean);
}

describe('README.zh-CN.md and README.md', () => {
  it('link to each other from their top lines', () => {
    expect(en.split('\n').slice(0, 3).join('\n')).toContain('(README.zh-CN.md)');
    expect(zh.split('\n').slice(0, 3).join('\n')).toContain('(README.md)');
  });

  it('show the same command line usage', () => {
    const usage = commands(section(en, 'Command line')).filter((l) => l.startsWith('yusuan '));
    expect(usage.length).toBeGreaterThanOrEqual(Object.keys(COMMAND_SPECS).length);
    expect(commands(section(zh, '命令行')).filter((l) => l.startsWith('yusuan '))).toEqual(usage);
  });

  it('show the same quick start commands', () => {
    const quick = commands(section(en, 'Quick start'));
    expect(quick.length).toBeGreaterThan(0);
    expect(commands(section(zh, '快速开始'))).toEqual(quick);
  });

  it('list each command as the CLI’s usage prints it', () => {
    const usage = commands(section(en, 'Command line'));
    for (const spec of Object.values(COMMAND_SPECS)) expect(usage).toContain(`yusuan ${spec.synopsis}`);
  });
});
