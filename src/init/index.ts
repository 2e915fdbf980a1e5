// `yusuan init`: a new unit's data file, every section present and commented in Chinese, each
// figure to be typed a 【待填写：…】 placeholder, so `check` passes with warnings and
// `check --strict` fails until the file is filled in.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeholderPattern } from '../placeholder.js';
import { writeAtomic } from '../write-atomic.js';
import { initText, type InitOptions } from './template.js';

export { defaultFileName, parseCodes, parseKind, parseName, parseYear, type Kind, type Parsed } from './answers.js';
export { initText, type InitOptions } from './template.js';

/** The JSON Schema shipped with the package, for the editor line at the top of the file. */
export const SCHEMA_PATH = fileURLToPath(new URL('../../schema/yusuan.schema.json', import.meta.url));

export interface InitResult {
  out: string;
  /** How many 【待填写：…】 placeholders the file holds. */
  placeholders: number;
}

/**
 * Writes the file atomically. Without `force` an existing file is left untouched and an `EEXIST`
 * error thrown.
 */
export function initFile(out: string, options: Omit<InitOptions, 'schema'> & { force?: boolean }): InitResult {
  const schema = relative(dirname(resolve(out)), SCHEMA_PATH).split(sep).join('/');
  const text = initText({ ...options, schema });
  writeAtomic(out, text, { overwrite: options.force ?? false });
  // Counted outside comments, which mention 【待填写：…】 in their instructions.
  const values = text.split('\n').map((line) => line.replace(/(^|\s)#.*$/, '')).join('\n');
  return { out, placeholders: values.match(placeholderPattern())?.length ?? 0 };
}
