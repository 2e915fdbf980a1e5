// The JSON Schema shipped for editors (schema/yusuan.schema.json) is generated from the schema the
// loader validates with: the committed file must be up to date, accept the good data files and
// reject what the loader rejects. A small validator for the keywords the generator emits stands in
// for the editor's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonSchema, jsonSchemaText, SCHEMA_FILE } from '../../src/load/json-schema.js';
import { BAD } from './bad-inputs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
type S = Record<string, unknown>;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Errors as `path: problem`; empty when `value` conforms. */
function validate(schema: S, value: unknown, root: S, path = ''): string[] {
  if (typeof schema.$ref === 'string') return validate((root.definitions as S)[schema.$ref.split('/').pop()!] as S, value, root, path);
  if (schema.anyOf) {
    const all = (schema.anyOf as S[]).map((s) => validate(s, value, root, path));
    return all.some((e) => e.length === 0) ? [] : [`${path}: matches none of anyOf (${all.map((e) => e[0]).join(' | ')})`];
  }
  const errors: string[] = [];
  const t = typeOf(value);
  if (schema.type) {
    const types = ([] as string[]).concat(schema.type as string);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) return [`${path}: ${t} is not ${types.join('/')}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errors.push(`${path}: ${String(value)} not in enum`);
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern as string, 'u').test(value)) errors.push(`${path}: ${value} !~ ${schema.pattern}`);
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: ${value} < ${schema.minimum}`);
  if (t === 'array' && schema.items) (value as unknown[]).forEach((v, i) => errors.push(...validate(schema.items as S, v, root, `${path}[${i}]`)));
  if (t === 'object') {
    const obj = value as S;
    const props = (schema.properties ?? {}) as S;
    for (const k of (schema.required ?? []) as string[]) if (!(k in obj)) errors.push(`${path}: missing ${k}`);
    for (const [k, v] of Object.entries(obj)) {
      const p = `${path ? `${path}.` : ''}${k}`;
      if (schema.propertyNames) errors.push(...validate(schema.propertyNames as S, k, root, `${p} (key)`));
      if (k in props) errors.push(...validate(props[k] as S, v, root, p));
      else if (schema.additionalProperties === false) errors.push(`${p}: not allowed`);
      else if (typeof schema.additionalProperties === 'object') errors.push(...validate(schema.additionalProperties as S, v, root, p));
    }
  }
  return errors;
}

const schema = jsonSchema();
const yamlOf = (file: string) => parse(readFileSync(file, 'utf8')) as unknown;

describe('schema/yusuan.schema.json', () => {
  it('is up to date with src/load/data-schema.ts (run `npm run schema`)', () => {
    expect(readFileSync(join(ROOT, SCHEMA_FILE), 'utf8')).toBe(jsonSchemaText());
  });

  it('is referenced by the data files, for editors', () => {
    expect(readFileSync(join(ROOT, 'data', '2024-info-center.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/yusuan\.schema\.json\n/);
  });

  it.each([
    ['the reference', join(ROOT, 'data', '2024-info-center.yaml')],
    ['the county-bureau fixture', join(ROOT, 'tests', 'fixtures', 'golden', 'county-bureau', 'data.yaml')],
  ])('accepts %s', (_, file) => {
    expect(validate(schema, yamlOf(file), schema)).toEqual([]);
  });

  it.each([
    ['unknown-keys', /reson: not allowed/],
    ['missing-keys', /missing procurement/],
    ['wrong-types', /kind: 行政单位 not in enum/],
    ['negative-amount', /30211: matches none/],
    ['bad-code-format', /3019 \(key\)/],
  ])('rejects %s as the loader does', (name, problem) => {
    expect(validate(schema, yamlOf(join(BAD, name, 'data.yaml')), schema).join('\n')).toMatch(problem);
  });
});
