import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/snapshots/**/*.test.ts'],
    environment: 'node',
    // Several tests sweep thousands of points at 80 digits or build kernel tables: about 5 s on
    // an idle 2-core machine, several times that when the machine is shared. A timeout is for a
    // hung test, not a slow one.
    testTimeout: 60_000,
  },
});
