import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Database tests run on both dialects; the PostgreSQL reachability check runs once here.
    globalSetup: ['test/support/global-setup.ts'],
  },
});
