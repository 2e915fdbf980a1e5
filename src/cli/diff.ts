// `yusuan diff <old.yaml> <new.yaml> [--format text|html] [--only …] [--profile NAME|DIR] [--templates DIR]`: the summary,
// each changed figure and sentence of the two documents, to standard output. Colour only on a
// terminal (and never with NO_COLOR). Exit 0 when the diff was shown (whether or not anything
// changed), 1 on errors in the data, 2 usage.
import { diffFiles } from '../diff/index.js';
import { formatDiffHtml } from '../diff/format-html.js';
import { formatDiffText } from '../diff/format-text.js';
import { ONLY, type Only } from '../diff/show.js';
import { hasErrors } from '../findings.js';
import { formatFindings } from '../report/format.js';
import { parseCommand, UsageError, type Command } from './usage.js';

const FORMATS = ['text', 'html'] as const;

export const diffCommand: Command = async (args) => {
  const { values, positionals } = parseCommand('diff', args);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`未知的输出格式 Unknown format: ${values.format} (${FORMATS.join(', ')})`);
  const only = values.only as Only | undefined;
  if (only !== undefined && !ONLY.includes(only))
    throw new UsageError(`--only 的取值应为 ${ONLY.join('、')}。 --only takes ${ONLY.join(', ')}: ${values.only}`);
  if (positionals.length !== 2) throw new UsageError('需要两个数据文件：原文件和新文件。 Give two data files: old and new.');
  const [oldFile, newFile] = positionals as [string, string];
  const result = diffFiles(oldFile, newFile, { templatesDir: values.templates, profile: values.profile });
  if (!result.diff) {
    for (const side of [result.old, result.new])
      if (hasErrors(side.findings)) {
        process.stderr.write(formatFindings(side.findings.filter((f) => f.severity === 'error'), side.loaded.source) + '\n');
        process.stderr.write(`${side.file}: 数据有错误，无法比较。 Errors in the data: cannot compare.\n`);
      }
    return 1;
  }
  const options = { oldName: oldFile, newName: newFile, only };
  const color = format === 'text' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  process.stdout.write(format === 'html' ? formatDiffHtml(result.diff, options) : formatDiffText(result.diff, { ...options, color }));
  return 0;
};
