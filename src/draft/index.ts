// draft: next year's data file from this year's (see draft.ts), written beside it or where asked,
// never over an existing file unless forced.
import { basename, dirname, join } from 'node:path';
import { hasErrors } from '../findings.js';
import { loadFile } from '../load/read.js';
import { writeAtomic } from '../write-atomic.js';
import { draftText, type DraftOptions, type DraftResult } from './draft.js';

export { draftText, DraftYearError, type DraftOptions, type DraftResult } from './draft.js';

/** `data/2024-info-center.yaml` → `data/2025-info-center.yaml`; a name without the year gets it as a prefix. */
export function defaultDraftPath(file: string, fromYear: number, toYear: number): string {
  const name = basename(file);
  const renamed = name.includes(String(fromYear)) ? name.replace(String(fromYear), String(toYear)) : `${toYear}-${name}`;
  return join(dirname(file), renamed);
}

export interface DraftFileOptions extends Omit<DraftOptions, 'file'> {
  /** Where to write. Default: defaultDraftPath(). */
  out?: string;
  /** Replace an existing file. Default false: an existing file is left untouched and `DraftExistsError` thrown. */
  force?: boolean;
}

export interface DraftFileResult extends DraftResult {
  /** The source file's text, for showing findings. */
  source: string;
  /** The file written; absent when the source has errors. */
  out?: string;
}

export class DraftExistsError extends Error {
  override name = 'DraftExistsError';
  constructor(readonly file: string) {
    super(`目标文件已存在，未写入：${file}（如需覆盖，请加 --force）。 Refusing to overwrite ${file}; use --force to replace it.`);
  }
}

/** Reads `file`, writes its draft for `options.year` atomically. */
export function draftFile(file: string, options: DraftFileOptions): DraftFileResult {
  // Read as the loader reads, so a missing, binary or non-UTF-8 file is a finding, never a garbled draft.
  const read = loadFile(file);
  if (hasErrors(read.findings)) return { findings: read.findings, source: read.source };
  const source = read.source;
  const result = draftText(source, { ...options, file });
  if (result.text === undefined) return { ...result, source };
  const out = options.out ?? defaultDraftPath(file, result.fromYear!, options.year);
  try {
    writeAtomic(out, result.text, { overwrite: options.force ?? false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new DraftExistsError(out);
    throw error;
  }
  return { ...result, source, out };
}
