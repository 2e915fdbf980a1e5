// `yusuan check <data.yaml>... [--strict] [--verbose] [--format text|json] [--profile NAME|DIR] [--templates DIR]`:
// every finding of every file (figures named as the profile's document shows them, as `build` does), in file order (in text, many of one kind as one entry unless --verbose); exit 0 when there is no error (warnings and notes allowed), 1 on errors.
import { check } from '../check/index.js';
import { hasErrors, type Finding } from '../findings.js';
import { loadFile } from '../load/read.js';
import { loadProfile, templateLayers } from '../profile/index.js';
import { loadTableLayouts } from '../tables/index.js';
import { terminalJson } from '../render/escape.js';
import { formatFindings } from '../report/format.js';
import { formatGrouped } from '../report/group.js';
import { parseCommand, UsageError, type Command } from './usage.js';

const FORMATS = ['text', 'json'] as const;

function counts(findings: readonly Finding[]): string {
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return `${n('error')} 个错误，${n('warning')} 个警告，${n('note')} 个提示 (${n('error')} errors, ${n('warning')} warnings, ${n('note')} notes)`;
}

/** A finding as `--format json` prints it: positions as 1-based line and column. */
function asJson(f: Finding) {
  return {
    file: f.file ?? null,
    line: f.pos?.line ?? null,
    col: f.pos?.col ?? null,
    code: f.code,
    severity: f.severity,
    message: f.message,
    path: f.path,
  };
}

export const checkCommand: Command = async (args) => {
  const { values, positionals } = parseCommand('check', args);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`未知的输出格式 Unknown format: ${values.format} (${FORMATS.join(', ')})`);
  if (positionals.length === 0) throw new UsageError('缺少数据文件 Missing data file.');
  // The same folders, in the same order, as `build --profile --templates` reads.
  const layers = templateLayers({ profile: values.profile, templates: values.templates });
  const [profile, tables] = [loadProfile(layers), loadTableLayouts(layers)];

  const all: Finding[] = [];
  const text: string[] = [];
  for (const file of positionals) {
    const loaded = loadFile(file);
    const findings = check(loaded, { strict: values.strict, profile, tables });
    all.push(...findings);
    if (format === 'text') {
      if (findings.length) text.push(values.verbose ? formatFindings(findings, loaded.source) : formatGrouped(findings, loaded.source));
      text.push(`${file}: ${counts(findings)}`);
    }
  }
  process.stdout.write(format === 'json' ? `${terminalJson(all.map(asJson))}\n` : `${text.join('\n')}\n`);
  return hasErrors(all) ? 1 : 0;
};
