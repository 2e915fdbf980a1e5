// A shared catalog file named by a data file's `catalog: { file: … }`: YAML holding functional:/economic:
// maps like the block itself, read with the same schema; its findings point into that file. The
// data file's own entries win over the shared ones.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Finding } from '../findings.js';
import type { DisclosureData, UnitCatalog } from '../model.js';
import { catalogEntries } from './data-schema.js';
import { object, type Ctx } from './schema.js';

const MAX_BYTES = 10 * 1024 * 1024;
const sharedSchema = object<UnitCatalog>(catalogEntries, '共享科目文件');

function at(file: string, code: string, message: string): Finding {
  return { code, severity: 'error', message, path: '', file, pos: { line: 1, col: 1, start: 0, end: 0 } };
}

/** Merges the shared file into `data.catalog`; returns the findings (errors leave the data's own entries only). */
export function mergeSharedCatalog(data: DisclosureData, dataFile: string | undefined, dataCtx: Ctx): void {
  const rel = data.catalog?.file;
  if (!rel) return;
  const file = resolve(dataFile ? dirname(dataFile) : '.', rel);
  let source: string;
  try {
    if (statSync(file).size > MAX_BYTES) return void dataCtx.findings.push(at(file, 'FILE_TOO_LARGE', `共享科目文件超过 10 MB，未读取。 The shared catalog file is larger than 10 MB.`));
    source = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file)).replace(/^\uFEFF/, '');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    dataCtx.findings.push({
      code: code ? 'READ_ERROR' : 'NOT_TEXT', severity: 'error', path: 'catalog.file', file: dataFile,
      message: code
        ? `catalog.file 找不到或无法读取共享科目文件 ${rel}（${file}）。 Cannot read the shared catalog file: ${(cause as Error).message}`
        : `catalog.file 共享科目文件 ${rel} 不是 UTF-8 文本。 The shared catalog file is not UTF-8 text.`,
    });
    return;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const ctx: Ctx = { findings: [], lineCounter, file };
  for (const e of doc.errors) {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    ctx.findings.push({
      code: e.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : 'YAML_SYNTAX', severity: 'error', path: '', file,
      pos: { line, col, start: e.pos[0], end: e.pos[1] },
      message: `共享科目文件 YAML 语法错误。 YAML syntax error in the shared catalog file: ${e.message.split('\n')[0]}`,
    });
  }
  const shared = doc.errors.length || doc.contents === null ? undefined : sharedSchema.parse(doc.contents, ctx, '');
  dataCtx.findings.push(...ctx.findings);
  if (!shared || ctx.findings.some((f) => f.severity === 'error')) return;
  data.catalog = {
    ...data.catalog,
    functional: { ...shared.functional, ...data.catalog?.functional },
    economic: { ...shared.economic, ...data.catalog?.economic },
  };
}
