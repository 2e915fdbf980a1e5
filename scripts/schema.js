#!/usr/bin/env node
// Writes schema/yusuan.schema.json from the loader's schema (run `npm run schema` after changing
// src/load/data-schema.ts; a test fails while the committed file is out of date).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaText, SCHEMA_FILE } from '../dist/load/json-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, SCHEMA_FILE);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, jsonSchemaText());
console.log(`wrote ${SCHEMA_FILE}`);
