import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn node processes; two cores, so keep the pool small.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
