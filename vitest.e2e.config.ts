import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/support/sequencer.ts';

/**
 * Browser tests in two groups. Most files only load pages and read them, so two run at once, one
 * per core of this 2-core machine (both stay busy: 6% idle over a run). The files that time the
 * main thread run afterwards, one at a time, with nothing else on the machine: any Chromium work
 * beside them moved their figures past the limits.
 */
const timed = ['tests/e2e/playground-jank.e2e.ts', 'tests/e2e/load-jank.e2e.ts'];
// expect.poll waits up to 10 s, not Vitest's 1 s: with two files at once, a page's reaction to
// focus or input can take longer than a second to show, without anything being wrong.
const shared = {
  globalSetup: ['tests/e2e/global-setup.ts'],
  testTimeout: 120_000,
  hookTimeout: 120_000,
  expect: { poll: { timeout: 10_000 } },
};

export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          ...shared,
          name: 'pages',
          include: ['tests/e2e/**/*.e2e.ts'],
          exclude: timed,
          maxWorkers: 2,
          // A worker's files share its modules, and so one Chromium and its page pool
          // (tests/support/browser.ts); each file still gets fresh pages.
          isolate: false,
          env: { E2E_SHARED_BROWSER: '1' },
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'timed',
          include: timed,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
