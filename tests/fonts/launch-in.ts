import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { findChromium } from '../../src/print/find-chromium.js';
import { CHROMIUM_ARGS } from '../../src/print/launch-chromium.js';

/**
 * Chromium as the print stage starts it, but with its profile in `dir`: the print tests count the
 * yusuan-chromium-* folders in the temporary directory, and a browser of these tests must not be one.
 */
export function launchIn(dir: string): Promise<Browser> {
  return puppeteer.launch({ executablePath: findChromium(), headless: true, pipe: true, args: [...CHROMIUM_ARGS, `--user-data-dir=${join(dir, 'profile')}`] });
}
