// The recipe works: the text is stable, `build --format txt` writes the same text, and a template
// change that alters one published sentence changes exactly that line of the snapshot — so the
// snapshot test fails with a one-line diff a reviewer can read.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOne } from '../../src/build.js';
import { diffSequences } from '../../src/diff/lcs.js';
import { documentText, DocumentError } from '../../src/document.js';
import { DEFAULT_TEMPLATES } from '../../src/render/templates.js';
import { REFERENCE } from '../draft/helpers.js';

const SNAPSHOT = fileURLToPath(new URL('./__snapshots__/2024-info-center.txt', import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yusuan-snapshot-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The lines that differ, as a unified diff shows them. */
function changedLines(before: string, after: string): string[] {
  return diffSequences(before.split('\n'), after.split('\n'))
    .filter((op) => op.kind !== 'equal')
    .map((op) => (op.kind === 'delete' ? `- ${op.a}` : `+ ${op.kind === 'insert' ? op.b : ''}`));
}

describe('the plain text', () => {
  it('is the same from run to run', () => {
    expect(documentText(REFERENCE)).toBe(documentText(REFERENCE));
  });

  it('is what `build --format txt` writes', async () => {
    const result = await buildOne(REFERENCE, { outDir: dir, formats: ['txt'] });
    expect(result.outputs).toEqual([join(dir, '2024-info-center.txt')]);
    expect(readFileSync(result.outputs[0]!, 'utf8')).toBe(documentText(REFERENCE));
  });

  it('of data with errors is refused with the findings', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(REFERENCE, 'utf8').replace('  year: 2024\n', '  year: x\n'));
    expect(() => documentText(bad)).toThrow(DocumentError);
    expect(() => documentText(bad)).toThrow(/bad\.yaml:\d+:\d+ +error .*unit\.year/);
  });
});

describe('a template change that alters one published sentence', () => {
  it('fails the snapshot test, with a diff of exactly that sentence', () => {
    const templates = join(dir, 'templates');
    cpSync(DEFAULT_TEMPLATES, templates, { recursive: true });
    const part3 = join(templates, 'partials/part3.md.hbs');
    const source = readFileSync(part3, 'utf8');
    const sentence = '收支总预算 {{amount part3.total}} {{currency}}。';
    expect(source).toContain(sentence);
    writeFileSync(part3, source.replace(sentence, '收支预算总额 {{amount part3.total}} {{currency}}。'));

    const snapshot = readFileSync(SNAPSHOT, 'utf8');
    expect(documentText(REFERENCE)).toBe(snapshot); // unchanged templates match the snapshot
    const changed = documentText(REFERENCE, { templatesDir: templates });

    let failure: unknown;
    try {
      expect(changed).toBe(snapshot);
    } catch (error) {
      failure = error;
    }
    expect(failure).toMatchObject({ showDiff: true, expected: snapshot, actual: changed });
    expect(changedLines(snapshot, changed)).toEqual([
      '- 按照全口径预算的原则，新疆维吾尔自治区工业和信息化厅信息中心 2024 年所有收入和支出均纳入单位预算管理。收支总预算 335.37 万元。',
      '+ 按照全口径预算的原则，新疆维吾尔自治区工业和信息化厅信息中心 2024 年所有收入和支出均纳入单位预算管理。收支预算总额 335.37 万元。',
    ]);
  });
});
