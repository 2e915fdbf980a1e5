// The JSON Schema shipped as schema/yusuan.schema.json, generated from the schema the loader
// validates with (`npm run schema`), so editors underline what `yusuan check` would report.
import { dataSchema } from './data-schema.js';

export const SCHEMA_FILE = 'schema/yusuan.schema.json';

type Json = unknown;

/**
 * Sub-schemas that occur more than once (the source-of-funds map appears a dozen times) are moved
 * to `definitions` and referenced, which keeps the file small enough for an editor to load quickly.
 */
function hoist(root: Record<string, Json>): Record<string, Json> {
  const counts = new Map<string, number>();
  const count = (node: Json) => {
    if (node === null || typeof node !== 'object') return;
    const key = JSON.stringify(node);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    Object.values(node as object).forEach(count);
  };
  count(root);
  const definitions: Record<string, Json> = {};
  const names = new Map<string, string>();
  const replace = (node: Json, top = false): Json => {
    if (node === null || typeof node !== 'object') return node;
    const key = JSON.stringify(node);
    const isSchema = !Array.isArray(node) && ('type' in node || 'anyOf' in node); // not a `properties` map
    if (!top && isSchema && (counts.get(key) ?? 0) > 1 && key.length > 200) {
      let name = names.get(key);
      if (!name) {
        name = `s${names.size + 1}`;
        names.set(key, name);
        definitions[name] = replace(JSON.parse(key) as Json, true);
      }
      return { $ref: `#/definitions/${name}` };
    }
    if (Array.isArray(node)) return node.map((n) => replace(n));
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, replace(v)]));
  };
  const body = replace(root, true) as Record<string, Json>;
  return { ...body, definitions };
}

export function jsonSchema(): Record<string, unknown> {
  return hoist({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'yusuan 单位预算公开数据文件',
    description:
      '一个预算单位一年的单位预算公开数据（金额单位：万元）。在 YAML 文件第一行写 `# yaml-language-server: $schema=<本文件的路径>`，编辑器即可补全键名并标出错误；完整核对请运行 `yusuan check`。',
    ...dataSchema.json(),
  });
}

/** The file's text: two-space JSON and a final newline. */
export function jsonSchemaText(): string {
  return `${JSON.stringify(jsonSchema(), null, 2)}\n`;
}
