import { defineConfig } from 'vitest/config';

// Runs after `astro build` with BASE_PATH=/notebook/ into dist-subpath/ (npm run test:subpath).
export default defineConfig({
  test: {
    include: ['tests/subpath/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
