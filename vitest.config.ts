import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/support/sequencer.ts';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/snapshots/**/*.test.ts'],
    environment: 'node',
    // Several tests sweep thousands of points at 80 digits or build kernel tables: about 5 s on
    // an idle 2-core machine, several times that when the machine is shared. A timeout is for a
    // hung test, not a slow one.
    testTimeout: 60_000,
    // Files share their worker's module cache instead of re-importing everything per file: about
    // a third of the unit run. Tests that need fresh module state (the kernel tables) reset it
    // themselves (nn-table-prepare.test.ts).
    isolate: false,
    sequence: { sequencer: LongestFirst },
    // Vitest's default leaves a core free (one worker on this 2-core machine); the tests are pure
    // computation and the long claim runs are split into files so that two workers share them.
    maxWorkers: 2,
  },
});
