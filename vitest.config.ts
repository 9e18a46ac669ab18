import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // The suite builds real SQLite files; two forks match the two cores of the CI machine.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2 } },
  },
});
