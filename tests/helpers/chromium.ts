// Chromium for the tests that print or browse: its path, or undefined where none is installed, so
// those tests are skipped there, with the reason printed once.
import { findChromium } from '../../src/print/find-chromium.js';

export const chromium: string | undefined = (() => {
  try {
    return findChromium();
  } catch (error) {
    console.warn(`Chromium tests skipped: ${(error as Error).message}`);
    return undefined;
  }
})();

export const hasChromium = chromium !== undefined;
