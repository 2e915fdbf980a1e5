import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findChromium } from '../../src/print/index.js';

describe('findChromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-find-chromium-'));
  const fakeBrowser = join(dir, 'chrome');
  writeFileSync(fakeBrowser, '');
  const nowhere = join(dir, 'missing');
  const noBrowser = { systemPaths: [nowhere], puppeteerPath: () => undefined };

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes PUPPETEER_EXECUTABLE_PATH first', () => {
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: fakeBrowser }, { systemPaths: ['/usr/bin/env'] })).toBe(fakeBrowser);
  });

  it('then the first system path that exists', () => {
    expect(findChromium({}, { systemPaths: [nowhere, fakeBrowser], puppeteerPath: () => undefined })).toBe(fakeBrowser);
  });

  it("then Puppeteer's cache", () => {
    expect(findChromium({}, { systemPaths: [nowhere], puppeteerPath: () => fakeBrowser })).toBe(fakeBrowser);
  });

  it('throws BrowserNotFoundError naming the fix when there is no browser', () => {
    const error = catchError(() => findChromium({}, noBrowser));
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect(error).toMatchObject({ code: 'BROWSER_NOT_FOUND', name: 'BrowserNotFoundError' });
    expect(error.message).toContain('未找到 Chromium 浏览器');
    expect(error.message).toContain('apt-get install chromium');
    expect(error.message).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(error.message).toContain('No Chromium found');
  });

  it('does not fall back when PUPPETEER_EXECUTABLE_PATH points nowhere', () => {
    const error = catchError(() => findChromium({ PUPPETEER_EXECUTABLE_PATH: nowhere }, { systemPaths: [fakeBrowser] }));
    expect(error).toMatchObject({ code: 'BROWSER_NOT_FOUND' });
    expect(error.message).toContain(nowhere);
    expect(error.message).toContain('apt-get install chromium');
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected an error');
}
