// The same data gives the same .docx bytes whenever it is built: the core properties' dates and every
// zip entry's date are the unit's publication date, not the clock. And `build --format docx` writes it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build, pdfMeta } from '../../src/build.js';
import { main } from '../../src/cli/index.js';
import { writeDocx } from '../../src/docx/index.js';
import { produce } from '../../src/index.js';
import { loadTableLayouts } from '../../src/tables/index.js';
import { REFERENCE_DATA } from '../helpers/reference.js';
import { entryText, unzip } from '../helpers/unzip.js';

const doc = produce(REFERENCE_DATA).document!;
const meta = pdfMeta(doc.view, doc.html);

async function at(time: string): Promise<Uint8Array> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(time));
  try {
    return await writeDocx(doc, loadTableLayouts(), meta);
  } finally {
    vi.useRealTimers();
  }
}

describe('docx determinism', () => {
  afterEach(() => vi.useRealTimers());

  it('gives the same bytes built years apart', async () => {
    const a = await at('2025-01-01T08:00:00Z');
    const b = await at('2031-07-15T23:59:59Z');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('dates the core properties and every zip entry with the publication date', async () => {
    const zip = unzip(await at('2030-05-05T05:05:05Z'));
    // 2024 年 3 月 1 日 at midnight in China, as the PDF's metadata.
    const core = entryText(zip, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-02-29T16:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-02-29T16:00:00Z</dcterms:modified>');
    expect(core).toContain(`<dc:title>${doc.view.unit.name}2024年单位预算公开</dc:title>`);
    const dosDate = ((2024 - 1980) << 9) | (2 << 5) | 29;
    for (const [name, e] of zip) expect([name, e.dosDate, e.dosTime]).toEqual([name, dosDate, 16 << 11]);
  });
});

describe('build --format docx', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('writes the .docx next to the other formats, the same bytes as the library gives', async () => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-docx-'));
    const [result] = await build([REFERENCE_DATA], { outDir: dir, formats: ['txt', 'docx'] });
    expect(result!.outputs.map((o) => o.slice(dir.length + 1))).toEqual(['2024-info-center.txt', '2024-info-center.docx']);
    expect(readFileSync(join(dir, '2024-info-center.docx')).equals(Buffer.from(await writeDocx(doc, loadTableLayouts(), meta)))).toBe(true);
  });

  it('is a format the CLI accepts', async () => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-docx-cli-'));
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['build', REFERENCE_DATA, '--out', dir, '--format', 'docx'])).toBe(0);
    } finally {
      out.mockRestore();
    }
    expect(readFileSync(join(dir, '2024-info-center.docx')).subarray(0, 2).toString()).toBe('PK');
  });
});
