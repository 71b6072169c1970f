import { defineConfig } from 'vitest/config';

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
  },
});
