import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BrowserNotFoundError } from './errors.js';

/** Where distributions and the Chrome installer put the browser, in the order we prefer them. */
export const SYSTEM_CHROMIUM_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export interface ChromiumSearch {
  /** Paths tried after PUPPETEER_EXECUTABLE_PATH. Default: SYSTEM_CHROMIUM_PATHS. */
  systemPaths?: readonly string[];
  /** Path of the browser in Puppeteer's own cache, tried last. Default: `puppeteer.executablePath()`. */
  puppeteerPath?: () => string | undefined;
}

const FIX_ZH = '请运行 `apt-get install chromium`，或设置 PUPPETEER_EXECUTABLE_PATH 指向 Chrome/Chromium。';
const FIX_EN = 'run `apt-get install chromium` or set PUPPETEER_EXECUTABLE_PATH to a Chrome/Chromium binary.';

/**
 * The Chrome/Chromium binary to print with: PUPPETEER_EXECUTABLE_PATH, then the system paths,
 * then Puppeteer's cache. Throws BrowserNotFoundError when none exists.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, search: ChromiumSearch = {}): string {
  const fromEnv = env['PUPPETEER_EXECUTABLE_PATH'];
  if (fromEnv) {
    // A path the user set on purpose must not be silently replaced by another browser.
    if (existsSync(fromEnv)) return fromEnv;
    throw new BrowserNotFoundError(
      `PUPPETEER_EXECUTABLE_PATH 指向的 ${fromEnv} 不存在：${FIX_ZH}` +
        ` PUPPETEER_EXECUTABLE_PATH points to ${fromEnv}, which does not exist: ${FIX_EN}`,
    );
  }
  // Puppeteer's cache is asked last and only then: loading Puppeteer to ask costs ~0.2 s.
  const system = (search.systemPaths ?? SYSTEM_CHROMIUM_PATHS).find((path) => existsSync(path));
  if (system !== undefined) return system;
  const found = (search.puppeteerPath ?? cachedPuppeteerPath)();
  if (found === undefined || !existsSync(found)) throw new BrowserNotFoundError(`未找到 Chromium 浏览器：${FIX_ZH} No Chromium found: ${FIX_EN}`);
  return found;
}

function cachedPuppeteerPath(): string | undefined {
  try {
    // Loaded only when no system browser is found: the command line starts Chromium before loading Puppeteer.
    const puppeteer = createRequire(import.meta.url)('puppeteer') as { executablePath(): string };
    return puppeteer.executablePath();
  } catch {
    // Puppeteer throws when its configuration names no browser; that only means "not cached".
    return undefined;
  }
}
