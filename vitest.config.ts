import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Tests that print a PDF start Chromium: allow for a loaded 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // No font cache (src/fonts/disk-cache.ts): every test subsets afresh, so a cached subset cannot hide
    // a nondeterministic one; tests/fonts/disk-cache.test.ts turns it on in a folder of its own.
    env: { YUSUAN_CACHE_DIR: '' },
  },
});
