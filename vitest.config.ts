import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Tests that print a PDF start Chromium: allow for a loaded 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
