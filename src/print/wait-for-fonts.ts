import type { Page } from 'puppeteer';

/**
 * Adds the @font-face rules `fontCss` to the page and resolves once every face of the page has
 * loaded. The faces are the bundled chunks subset to the document's characters, so each is needed;
 * loading them all up front matters for the page-margin boxes (running header, "第 N 页 共 M 页"),
 * which are laid out only while printing: Chromium would not fetch a chunk that text alone needs
 * and would print it as tofu. The faces load while the document is hidden (display: none), so it is
 * laid out once with all its fonts rather than again after each arrives: for a long paragraph each
 * relayout took seconds, and a 1 MB text outlasted a ten-minute budget.
 * page.evaluate runs even with the page's JavaScript disabled: it comes from DevTools, not the page.
 */
export async function waitForFonts(page: Page, fontCss: string): Promise<void> {
  await page.evaluate(async (css: string, hidden: string) => {
    const root = document.documentElement;
    const rootStyle = root.getAttribute('style');
    root.style.setProperty('display', 'none', 'important');
    // The page was loaded hidden (print-pdf.ts hiddenUntilFonts); the root's own style hides it from here on.
    for (const element of Array.from(document.querySelectorAll(`style[${hidden}]`))) element.remove();
    try {
      if (css !== '') {
        const sheet = document.createElement('style');
        sheet.textContent = css;
        document.head.append(sheet);
      }
      // A face that fails to load (a template's own font the page may not fetch) is left to its fallback.
      await Promise.all(Array.from(document.fonts, (face) => face.load().catch(() => face)));
    } finally {
      if (rootStyle === null) root.removeAttribute('style');
      else root.setAttribute('style', rootStyle);
    }
    await document.fonts.ready;
  }, fontCss, HIDDEN_MARK);
}

/** Marks the style element that keeps a page hidden while it loads, until its fonts are in. */
export const HIDDEN_MARK = 'data-yusuan-hidden';
