import { defineConfig } from 'vitest/config';

/**
 * Files that measure time or CPU (latency percentiles, Lighthouse scores, run durations, memory):
 * they run one at a time after the rest, so no other test file competes for the two cores.
 */
const TIMING = [
  'src/engines/load/coordinated-omission.test.ts',
  'src/engines/load/run-load.test.ts',
  'src/cli/load.test.ts',
  'src/lab/slow-server.test.ts',
  'src/engines/baseline/measure.test.ts',
  'src/cli/baseline.test.ts',
  'src/checks/web/lighthouse.test.ts',
  'src/context/browser.test.ts',
  'test/e2e/demo.test.ts',
];

export default defineConfig({
  test: {
    // Lab servers are real sockets: give slow CI machines room, but keep every test bounded.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'suite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...TIMING, '**/node_modules/**'],
          // Most files wait on sockets and timers, not the CPU: two at a time on two cores.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'timing',
          include: TIMING,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
