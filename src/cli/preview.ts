// `yusuan preview <data.yaml> [--profile NAME|DIR] [--templates DIR] [--port N]`: serves the document on 127.0.0.1 and
// rebuilds it on every save until Ctrl-C; then closes the watchers and the server and exits 130
// (SIGINT) or 143 (SIGTERM), as a shell reports a process its signal ended.
import { startPreview, type PreviewBuild } from '../preview/index.js';
import { terminalText } from '../render/escape.js';
import { parseCommand, UsageError, type Command } from './usage.js';

function portOf(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`端口应为 0–65535 的整数 The port must be a whole number 0–65535: ${value}`);
  return port;
}

function logLine(b: PreviewBuild): string {
  const n = (s: string) => b.findings.filter((f) => f.severity === s).length;
  const time = new Date().toTimeString().slice(0, 8);
  const what = b.failure !== undefined ? `失败 failed: ${b.failure.split('\n')[0]}` : b.shown ? '已更新 rebuilt' : '数据有错误，仍显示上一版 errors in the data, last good document kept';
  return terminalText(`${time} ${what} (${n('error')} errors, ${n('warning')} warnings, ${n('note')} notes) ${Math.round(b.ms)} ms`) + '\n';
}

export const previewCommand: Command = async (args) => {
  const { values, positionals } = parseCommand('preview', args);
  if (positionals.length !== 1) throw new UsageError(positionals.length ? '只能预览一个数据文件 Preview takes one data file.' : '缺少数据文件 Missing data file.');
  const port = portOf(values.port);
  // Listen before starting, so a Ctrl-C while the first build runs still ends cleanly.
  let stop: (signal: NodeJS.Signals) => void = () => {};
  const stopped = new Promise<NodeJS.Signals>((resolve) => (stop = resolve));
  const onSignal = (signal: NodeJS.Signals) => {
    // Once: a second Ctrl-C meets the default action and ends the process at once.
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    stop(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const preview = await startPreview(positionals[0]!, { templatesDir: values.templates, profile: values.profile, port, strict: values.strict, onBuild: (b) => process.stderr.write(logLine(b)) });
    process.stdout.write(`预览 Preview: ${preview.url}\n按 Ctrl-C 结束 Press Ctrl-C to stop.\n`);
    const signal = await stopped;
    await preview.close();
    return signal === 'SIGINT' ? 130 : 143;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
};
