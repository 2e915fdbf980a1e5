// YAML text → typed data, with every finding positioned in the source.
import { LineCounter, parseDocument } from 'yaml';
import type { Finding } from '../findings.js';
import type { DisclosureData } from '../model.js';
import { dataSchema } from './data-schema.js';
import type { Ctx } from './schema.js';

export interface Loaded {
  file?: string;
  source: string;
  data?: DisclosureData;
  findings: Finding[];
}

export function loadText(source: string, file?: string): Loaded {
  const lineCounter = new LineCounter();
  const ctx: Ctx = { findings: [], lineCounter, file };
  if (source.trim() === '') {
    ctx.findings.push({ code: 'EMPTY_FILE', severity: 'error', message: '数据文件为空。 The data file is empty.', path: '', file, pos: { line: 1, col: 1, start: 0, end: 0 } });
    return { file, source, findings: ctx.findings };
  }
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [start, end] = e.pos;
    const { line, col } = lineCounter.linePos(start);
    const duplicate = e.code === 'DUPLICATE_KEY';
    ctx.findings.push({
      code: duplicate ? 'DUPLICATE_KEY' : 'YAML_SYNTAX',
      severity: doc.errors.includes(e as never) ? 'error' : 'warning',
      message: duplicate
        ? `键重复：${source.slice(start, end)}。 Duplicate key: ${e.message.split('\n')[0]}`
        : `YAML 语法错误。 YAML syntax error: ${e.message.split('\n')[0]}`,
      path: '',
      file,
      pos: { line, col, start, end },
    });
  }
  if (doc.errors.length > 0) return { file, source, findings: ctx.findings };
  const data = dataSchema.parse(doc.contents, ctx, '');
  return { file, source, data: ctx.findings.some((f) => f.severity === 'error') ? undefined : data, findings: ctx.findings };
}
