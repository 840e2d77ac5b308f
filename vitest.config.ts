import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    // Registers every event's payload schema: the event log checks appended events in tests.
    setupFiles: ['./test/helpers/event-contracts.setup.ts'],
    // Starting databases (PGlite images, a PostgreSQL template) made once per run, copied by each suite.
    globalSetup: ['./test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
