import { defineConfig } from 'vitest/config';

/**
 * The slow end-to-end runs: the README in a fresh clone, writes under faults (devices, a full
 * disk, SIGKILL, concurrent appends), the terminal sessions on a pseudo-terminal, and Monte Carlo
 * on worker threads at 25,000 trials, a 100 MB export read on two threads. They run in CI and in `npm run test:all`; `npm test` runs
 * the rest, in-process, in about half a minute.
 */
const SLOW = [
  'test/e2e/readme.test.ts',
  'test/e2e/write-safety.test.ts',
  'test/e2e/terminal-views.test.ts',
  'test/e2e/init.test.ts',
  'test/e2e/cron-script.test.ts',
  'test/e2e/simulate-threads.test.ts',
  'test/e2e/parallel-read.test.ts',
  'test/e2e/prometheus-store.test.ts',
  'test/e2e/prometheus-flaky.test.ts',
];

export default defineConfig({
  test: {
    // Forks, not threads: a few tests chdir or spawn the built bin. Two workers on two cores:
    // most tests run in-process, so the second core halves the wall time.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    // `npm run coverage`: what the in-process tests reach (spawned processes are not measured).
    coverage: { provider: 'v8', include: ['src/**/*.ts'], reporter: ['text-summary'] },
    projects: [
      { extends: true, test: { name: 'quick', include: ['test/**/*.test.ts'], exclude: SLOW, isolate: false } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
