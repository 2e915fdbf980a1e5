import type { Page } from 'puppeteer';
import type { TextRun } from './glyph-coverage.js';

/**
 * Everything the printout sets in type, grouped by computed font-family and font-weight: the text of
 * every rendered element, generated ::before/::after content and the page-margin boxes (running
 * header, page numbers). Call after `page.emulateMediaType('print')`, so the print stylesheet's fonts
 * are the computed ones. page.evaluate runs even with the page's JavaScript disabled.
 */
export async function collectTextRuns(page: Page): Promise<TextRun[]> {
  const runs = await page.evaluate(() => {
    const groups = new Map<string, { fontFamily: string; fontWeight: number; text: string }>();
    const add = (style: CSSStyleDeclaration, text: string, fontFamily = style.fontFamily): void => {
      const fontWeight = Number.parseInt(style.fontWeight, 10) || 400;
      const key = `${fontWeight} ${fontFamily}`;
      const group = groups.get(key) ?? { fontFamily, fontWeight, text: '' };
      group.text += text;
      groups.set(key, group);
    };
    // Quoted strings of a `content` value; counters print digits, which every face has.
    const strings = (content: string): string =>
      Array.from(content.matchAll(/"((?:[^"\\]|\\.)*)"/g), (match) => (match[1] ?? '').replace(/\\(.)/g, '$1')).join('');

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      // Not rendered: no box (display: none, or inside a hidden ancestor).
      if (!element || !node.textContent?.trim() || element.getClientRects().length === 0) continue;
      add(getComputedStyle(element), node.textContent);
    }
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      for (const pseudo of ['::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        const text = strings(style.content);
        if (text !== '') add(style, text);
      }
    }
    const root = getComputedStyle(document.documentElement);
    const collect = (rules: CSSRuleList): void => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSPageRule) {
          // Margin rules (CSSMarginRule) are not in TypeScript's DOM types yet.
          for (const margin of Array.from(rule.cssRules) as Array<CSSRule & { style?: CSSStyleDeclaration }>) {
            const text = strings(margin.style?.getPropertyValue('content') ?? '');
            const family = margin.style?.fontFamily || rule.style.fontFamily || root.fontFamily;
            if (text !== '') add(margin.style ?? root, text, family);
          }
        } else if (rule instanceof CSSGroupingRule) {
          collect(rule.cssRules);
        }
      }
    };
    for (const sheet of Array.from(document.styleSheets)) {
      try {
        collect(sheet.cssRules);
      } catch {
        // An opaque-origin sheet hides its rules.
      }
    }
    return Array.from(groups.values());
  });
  // A stubbed page in tests answers undefined.
  return Array.isArray(runs) ? runs : [];
}
