import { describe, expect, it } from 'vitest';
import { isAllowedUrl } from '../../src/print/request-guard.js';

describe('isAllowedUrl', () => {
  const dirs = ['/tmp/yusuan-print-abc', '/srv/fonts/files'];

  it.each([
    ['data:image/png;base64,AAAA', true],
    ['file:///tmp/yusuan-print-abc/index.html', true],
    ['file:///srv/fonts/files/noto-serif-sc-4-400-normal.woff2', true],
    ['http://example.com/x.png', false],
    ['https://fonts.googleapis.com/css', false],
    ['blob:null/1234', false],
    ['file:///etc/passwd', false],
    ['file:///tmp/yusuan-print-abc/../secret', false],
    ['file:///tmp/yusuan-print-abc2/index.html', false],
    ['file:///tmp/yusuan-print-abc', false],
    ['file://fileserver/share/x.png', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedUrl(url, dirs)).toBe(allowed);
  });
});
