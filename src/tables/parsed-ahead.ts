// The bundled tables.yaml files parsed ahead, when the package is built (scripts/precompile-templates.js):
// the first YAML parse of a process took ~75 ms of a cold build. Looked up by a hash of the text and the
// yaml version, so an overlay or an edited file misses and is parsed as before.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The file the build writes beside this module: `{ [key]: JSON text of the parsed YAML }`. */
export const PARSED_FILE = 'tables-parsed.json';

export function parsedKey(text: string): string {
  const { version } = createRequire(import.meta.url)('yaml/package.json') as { version: string };
  return createHash('sha256').update(`${version}\0${text}`).digest('hex');
}

let parsed: Record<string, string> | null | undefined;

/** The YAML `text` as parsed ahead (a fresh copy each time), or undefined when it was not. */
export function parsedAhead(text: string): unknown {
  if (parsed === undefined) {
    try {
      parsed = JSON.parse(readFileSync(new URL(`./${PARSED_FILE}`, import.meta.url), 'utf8')) as Record<string, string>;
    } catch {
      parsed = null; // built without it (a plain `tsc`): every file is parsed
    }
  }
  const json = parsed?.[parsedKey(text)];
  return json === undefined ? undefined : JSON.parse(json);
}
