import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';

/**
 * Lets the page load only data: URLs and files under `allowedDirs` (its own directory and the bundled
 * fonts); everything else is aborted before it reaches the network or the disk, and reported.
 * Any other file: URL is refused too: the HTML comes from user data, and a stray
 * `<iframe src="file:///…">` would print a local file into a published PDF.
 */
export async function guardRequests(page: Page, allowedDirs: readonly string[], onBlocked: (url: string) => void): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    const allowed = isAllowedUrl(url, allowedDirs);
    if (!allowed) onBlocked(url);
    // The page may close while a request waits; such a request needs no answer any more.
    (allowed ? request.continue() : request.abort('blockedbyclient')).catch(() => {});
  });
}

export function isAllowedUrl(url: string, allowedDirs: readonly string[]): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    return false; // e.g. file://host/share: not a local path
  }
  return allowedDirs.some((dir) => {
    const rel = relative(dir, path);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  });
}
