import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.unit.test.ts', 'prisma/**/*.unit.test.ts', 'web/src/**/*.unit.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/src/**/*.test.ts', 'test/integration/**/*.test.ts'],
          // The clock pass (scripts/test-clock.ts) leaves out the tests it cannot run under libfaketime (listed there).
          exclude: ['server/src/**/*.unit.test.ts', ...(process.env.TEST_CLOCK_EXCLUDE ?? '').split(',').filter(Boolean)],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Waiting for the page (debounced searches, refetches) on a loaded machine: not a speed assertion.
          expect: { poll: { timeout: 15_000 } },
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
