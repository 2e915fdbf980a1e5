// import: workbooks exported by the budget system (预算管理一体化系统) → a data file. A reader into the
// data model, as the YAML loader is: workbook/ reads the grids, recognize/header/rows find each
// table through the one layout definition (src/tables), rebuild makes the figures, crosscheck
// checks the workbook against itself; write-yaml and into write the result.
import { existsSync } from 'node:fs';
import { loadText } from '../load/load.js';
import { loadFile } from '../load/read.js';
import { formatFindings } from '../report/format.js';
import { hasErrors, type Finding } from '../findings.js';
import { bestLayoutSet, layoutSets } from '../tables/index.js';
import { writeAtomic } from '../write-atomic.js';
import { CrossCheck, checkAcross, checkTable } from './crosscheck.js';
import { updateText } from './into.js';
import { rebuild, type Imported } from './rebuild.js';
import { readTables } from './workbook.js';
import { dataFileText } from './write-yaml.js';

export type { Imported } from './rebuild.js';
export { readTables } from './workbook.js';

export interface ImportOptions {
  /** Template folder whose tables.yaml names the tables (over the profile's). */
  templatesDir?: string;
  /** The profile (bundled name or folder) whose tables the workbook holds. Default: the bundled set
   * whose titles the workbook's sheets match best (the default's eleven tables first). */
  profile?: string;
}

/** Codes that say a set of tables does not fit the workbook: a sheet not recognised, a table not found. */
const MISFIT = new Set(['TABLE_MISSING', 'IMPORT_SKIPPED']);

export interface ImportResult {
  findings: Finding[];
  /** Absent when the workbooks have errors. */
  data?: Imported;
}

/** Reads and checks the workbooks; the figures only when nothing is wrong. */
export function importWorkbooks(files: readonly string[], options: ImportOptions = {}): ImportResult {
  const sets = layoutSets({ profile: options.profile, templates: options.templatesDir });
  const { result } = bestLayoutSet(sets, ({ layouts }) => {
    const read = readTables(files, layouts);
    return { result: read, misses: read.findings.filter((f) => MISFIT.has(f.code)).length };
  });
  const { tables, performance, findings } = result;
  if (hasErrors(findings)) return { findings };
  const cc = new CrossCheck();
  for (const t of tables.values()) checkTable(t, cc);
  checkAcross(tables, cc);
  findings.push(...cc.findings);
  if (hasErrors(findings)) return { findings };
  const data = rebuild(tables, performance, findings);
  // Tables seldom name the year (the reference's do not); the workbook's own title may (yusuan's does).
  data.year ??= result.titles.map((t) => /(20\d\d)\s*年/.exec(t)?.[1]).filter(Boolean).map(Number)[0];
  return hasErrors(findings) ? { findings } : { findings, data };
}

export class ImportExistsError extends Error {
  override name = 'ImportExistsError';
  constructor(readonly file: string) {
    super(`目标文件已存在，未写入：${file}（如需覆盖，请加 --force；更新已有数据文件请用 --into）。 Refusing to overwrite ${file}; use --force, or --into to update it.`);
  }
}

export interface ImportFileOptions extends ImportOptions {
  out?: string;
  into?: string;
  force?: boolean;
  /** Budget year when no title or line in the workbook names it. */
  year?: number;
}

export interface ImportFileResult {
  findings: Finding[];
  /** The file written, when written. */
  written?: string;
  data?: Imported;
}

export function importFile(files: readonly string[], options: ImportFileOptions): ImportFileResult {
  const result = importWorkbooks(files, options);
  if (!result.data) return result;
  if (options.into) {
    // Read as the loader reads: a missing, binary or broken data file is a finding, not a garbled update.
    const target = loadFile(options.into);
    if (hasErrors(target.findings)) return { findings: [...result.findings, ...target.findings] };
    const updated = updateText(target.source, result.data, options.into);
    const findings = [...result.findings, ...updated.findings];
    if (hasErrors(findings)) return { findings, data: result.data };
    const after = loadText(updated.text, options.into);
    if (!after.data)
      throw new Error(`更新后的数据文件无效（程序错误）。 The updated data file is not valid data (a bug):\n${formatFindings(after.findings, updated.text)}`);
    writeAtomic(options.into, updated.text);
    return { findings, written: options.into, data: result.data };
  }
  const out = options.out!;
  if (!options.year && !result.data.year)
    result.findings.push({ code: 'IMPORT_ASSUMPTION', severity: 'warning', path: 'unit.year', file: files.join(', '),
      message: `工作簿的表名和表头上方都没有写年度，预算年度按今年（${new Date().getFullYear()}）写入；如不对，请用 --year 指定。 No year in the workbook: the current year was assumed; give --year.` });
  if (existsSync(out) && !options.force) throw new ImportExistsError(out);
  try {
    writeAtomic(out, dataFileText(result.data, { year: options.year, file: out }), { overwrite: options.force ?? false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ImportExistsError(out);
    throw error;
  }
  return { findings: result.findings, written: out, data: result.data };
}
