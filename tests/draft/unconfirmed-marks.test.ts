// A draft's carried-over `!unconfirmed` figures, and every figure resting on one, are marked in the
// document body (<mark class="unconfirmed">), so nobody publishes last year's figure by mistake.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compute } from '../../src/compute/index.js';
import { markUnconfirmed } from '../../src/compute/unconfirmed.js';
import { produce } from '../../src/document.js';
import { draftText } from '../../src/draft/index.js';
import { loadText } from '../../src/load/load.js';
import { COMPLETED, read, REFERENCE } from './helpers.js';

const MARK = /<mark class="unconfirmed">([^<]*)<\/mark>/g;
let dir: string;
const html = (file: string) => produce(file).document!.html;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yusuan-unconfirmed-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('unconfirmed figures in the document', () => {
  it('the reference’s draft: the carried figures are marked, in tables and sentences, never in the title', () => {
    const page = html(write('2025-info-center.yaml', draftText(read(REFERENCE), { year: 2025 }).text!));
    const marked = [...page.matchAll(MARK)].map((m) => m[1]);
    expect(marked.length).toBeGreaterThan(200);
    expect(page).toContain('<td class="num"><mark class="unconfirmed">335.37</mark></td>'); // table 1's total
    expect(page).toMatch(/政府采购预算 <mark class="unconfirmed">37\.70<\/mark> 万元/);
    const head = page.slice(0, page.indexOf('<body'));
    expect(head).not.toContain('<mark');
  });

  it('the completed draft has no mark, and the reference none either (its view is the computed one, untouched)', () => {
    expect(html(COMPLETED)).not.toContain('class="unconfirmed"');
    expect(html(REFERENCE)).not.toContain('class="unconfirmed"');
    const loaded = loadText(read(REFERENCE));
    const view = compute(loaded.data!);
    expect(markUnconfirmed(loaded.data!, view, [])).toBe(view);
  });

  it('marks what rests on an unconfirmed line, and not what does not', () => {
    // Only the 2025 住房公积金 line left unconfirmed in the completed draft.
    const source = read(COMPLETED).replace(/(- code: 2210201 [^\n]*\n\s+basic: \{ general: )/, '$1!unconfirmed ');
    expect(source).not.toBe(read(COMPLETED));
    const page = html(write('one-line.yaml', source));
    const text = page.replace(/<[^>]+>/g, (tag) => (tag.startsWith('<mark') ? '[' : tag === '</mark>' ? ']' : '')).replace(/\s+/g, '');
    expect(text).toMatch(/住房公积金（项）：2025年预算数为\[18\.50\]万元，比上年预算增加\[0\.00\]万元，增长\[0\.00\]%/);
    // Other lines, 三公 and procurement do not depend on it.
    expect(text).toMatch(/事业运行（项）：2025年预算数为158\.37万元/);
    expect(text).toMatch(/公务用车运行费减少0\.05万元/);
    expect(text).toContain('政府采购预算42.70万元');
  });
});
