import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** `pdfinfo -isodates` fields, plus the size of every page in points. */
export interface PdfInfo {
  fields: Map<string, string>;
  pages: Array<{ width: number; height: number }>;
}

export function pdfInfo(file: string): PdfInfo {
  const out = execFileSync('pdfinfo', ['-isodates', '-f', '1', '-l', '9999', file], { encoding: 'utf8' });
  const fields = new Map<string, string>();
  const pages: PdfInfo['pages'] = [];
  for (const line of out.split('\n')) {
    const size = /^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/.exec(line);
    if (size) pages[Number(size[1]) - 1] = { width: Number(size[2]), height: Number(size[3]) };
    else {
      const field = /^([^:]+):\s*(.*)$/.exec(line);
      if (field?.[1] && !field[1].startsWith('Page')) fields.set(field[1], field[2] ?? '');
    }
  }
  return { fields, pages };
}

export interface PdfFont {
  name: string;
  embedded: boolean;
  subset: boolean;
}

/** Fonts as `pdffonts` lists them; the type column may hold spaces, so read the flags from the right. */
export function pdfFonts(file: string): PdfFont[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      return { name: cols[0] ?? '', embedded: cols.at(-5) === 'yes', subset: cols.at(-4) === 'yes' };
    });
}

/** Text of one page (1-based) with all whitespace removed: pdftotext spaces CJK text unpredictably. */
export function pageText(file: string, page: number): string {
  const out = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  return out.replace(/\s+/g, '');
}

/** Lines of one page (1-based) as `pdftotext -layout` sets them out, whitespace removed, empty lines dropped. */
export function pageLines(file: string, page: number): string[] {
  const out = execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.replace(/\s+/g, ''))
    .filter((line) => line !== '');
}

/** PNG renderings of every page at `dpi`, in page order (pdftoppm). */
export function pageImages(file: string, dpi: number): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-pages-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, join(dir, 'page')]);
    return readdirSync(dir)
      .sort()
      .map((name) => readFileSync(join(dir, name)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Every font embedded and subset, and all of them the bundled Noto Serif SC / Noto Sans SC: a system
 * font in the list would mean Chromium fell back for a glyph the bundled fonts lack.
 */
export function expectOnlyBundledFonts(file: string): void {
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font, font.name).toMatchObject({ embedded: true, subset: true });
    expect(font.name).toMatch(/^[A-Z]{6}\+(NotoSerifSC|NotoSansSC)/);
  }
  expect(fonts.some((font) => font.name.includes('NotoSerifSC'))).toBe(true);
  expect(fonts.some((font) => font.name.includes('NotoSansSC'))).toBe(true);
}
