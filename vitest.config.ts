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
    // Cheaper password hashes for the accounts tests create (see src/platform/auth/password.ts); the
    // production cost is asserted in password.test.ts. Child processes (e2e servers) inherit it.
    env: { SANXIANG_TEST_SCRYPT_N: String(2 ** 12) },
  },
});
