import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fontFaceCss } from '../../src/print/index.js';

describe('fontFaceCss', () => {
  const css = fontFaceCss();
  const rules = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((match) => match[1] ?? '');
  const value = (rule: string, name: string): string | undefined =>
    new RegExp(`${name}\\s*:\\s*([^;]+);`).exec(rule)?.[1]?.trim();

  it('covers Noto Serif SC and Noto Sans SC in weights 400 and 700', () => {
    const faces = new Set(rules.map((rule) => `${value(rule, 'font-family')} ${value(rule, 'font-weight')}`));
    expect([...faces].sort()).toEqual([
      "'Noto Sans SC' 400",
      "'Noto Sans SC' 700",
      "'Noto Serif SC' 400",
      "'Noto Serif SC' 700",
    ]);
  });

  it('keeps every unicode-range chunk of the packages', () => {
    // The packages split each weight into ~100 chunks; all of them, each with its range.
    expect(rules.length).toBeGreaterThan(4 * 90);
    for (const rule of rules) expect(value(rule, 'unicode-range')).toMatch(/^U\+/);
  });

  it('points each rule at one existing woff2 file by file:// URL', () => {
    expect(css).not.toContain('./files/');
    for (const rule of rules) {
      const urls = [...rule.matchAll(/url\("([^"]+)"\)/g)].map((match) => match[1] ?? '');
      expect(urls).toHaveLength(1);
      expect(urls[0]).toMatch(/^file:\/\/.+\.woff2$/);
      expect(existsSync(fileURLToPath(urls[0]!)), urls[0]).toBe(true);
    }
  });
});
