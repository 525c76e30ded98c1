import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real Chromium and Firefox; one file at a time,
// because two browsers at once on a 2-core machine make timings meaningless.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['verbose'],
  },
});
