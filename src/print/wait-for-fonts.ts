import type { Page } from 'puppeteer';

/**
 * Adds the @font-face rules `fontCss` to the page and resolves once every font the printout needs has loaded. Text in page-margin boxes (running header,
 * "第 N 页 共 M 页") is laid out only while printing, so Chromium never fetches the unicode-range chunks
 * that text alone needs and prints it as tofu; this loads those chunks first.
 * The rules are added and the chunks for every character of the document loaded while the document
 * is hidden (display: none), so it is laid out once with all its fonts rather than again after each
 * chunk arrives: for a long paragraph each relayout took seconds, and a 1 MB text outlasted a
 * ten-minute budget.
 * page.evaluate runs even with the page's JavaScript disabled: it comes from DevTools, not the page.
 */
export async function waitForFonts(page: Page, fontCss: string): Promise<void> {
  await page.evaluate(async (css: string) => {
    const root = document.documentElement;
    const rootStyle = root.getAttribute('style');
    root.style.setProperty('display', 'none', 'important');
    const sheet = document.createElement('style');
    sheet.textContent = css;
    document.head.append(sheet);
    const contents: string[] = [];
    const collect = (rules: CSSRuleList): void => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSPageRule) {
          // Margin rules (CSSMarginRule) are not in TypeScript's DOM types yet.
          for (const margin of Array.from(rule.cssRules) as Array<CSSRule & { style?: CSSStyleDeclaration }>) {
            contents.push(margin.style?.getPropertyValue('content') ?? '');
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
        // An opaque-origin sheet (e.g. a data: URL) hides its rules; its margin boxes keep their font gaps.
      }
    }
    // Counters print digits that may not appear in the content strings themselves.
    const characters = Array.from(new Set(document.body?.textContent ?? '')).join('');
    const text = `${contents.join('')}0123456789${characters}`;
    const faces = new Set(Array.from(document.fonts, (face) => `${face.style} ${face.weight} 16px "${face.family.replace(/"/g, '')}"`));
    try {
      // A face the font shorthand cannot name (e.g. a weight range) is skipped; body text still loads it.
      await Promise.all(Array.from(faces, (font) => document.fonts.load(font, text).catch(() => [])));
    } finally {
      if (rootStyle === null) root.removeAttribute('style');
      else root.setAttribute('style', rootStyle);
    }
    await document.fonts.ready;
  }, fontCss);
}
